import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deployment, JobDetail } from '../../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../../shared/errors/weir-error.js';
import { toErrorData } from '../../errors/error-data.js';
import { ErrorView } from '../../errors/ErrorView.js';
import { useJobs } from '../../state/jobs-store.js';
import { useWorkbench } from '../../state/store-context.js';
import { useClient } from '../../state/use-client.js';
import { PageSection } from '../../workbench/PageSection.js';
import { StateBadge } from '../StateBadge.js';
import { CheckpointsSection } from './CheckpointsSection.js';
import { ExceptionsSection } from './ExceptionsSection.js';
import { JobActions, type JobAction } from './JobActions.js';
import { LogsSection } from './LogsSection.js';
import { RestartDialog } from './RestartDialog.js';
import { RollbackDialog } from './RollbackDialog.js';
import { RunsSection } from './RunsSection.js';
import { SavepointsSection } from './SavepointsSection.js';
import { StateTimeline } from './StateTimeline.js';
import { VerticesTable } from './VerticesTable.js';

/** Metrics (records, checkpoints) move without a state change: refresh a running job's page this often. */
const LIVE_REFRESH_MS = 5000;

/** One job as an editor tab: header and actions, then state, vertices, checkpoints, exceptions, savepoints, logs. */
export function JobPage({ clusterId, jobId, dark }: { clusterId: number; jobId: string; dark: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const openJob = useWorkbench((s) => s.openJob);
  const log = useWorkbench((s) => s.log);
  // The monitor's row of this job: a change there (state, tasks) refreshes the page.
  const signature = useJobs((s) => {
    const row = s.snapshot?.clusters.find((c) => c.clusterId === clusterId)?.jobs.find((j) => j.jobId === jobId);
    return row ? `${row.state}/${row.tasksRunning}/${row.tasksTotal}/${row.endTime}` : '';
  });
  const clusterName = useJobs((s) => s.snapshot?.clusters.find((c) => c.clusterId === clusterId)?.clusterName ?? '');
  const [detail, setDetail] = useState<JobDetail | null>(null);
  const [error, setError] = useState<WeirErrorData | null>(null);
  const [busy, setBusy] = useState<JobAction | null>(null);
  const [dialog, setDialog] = useState<'restart' | 'rollback' | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    try {
      setDetail(await client.call('jobs.detail', { clusterId, jobId }));
      setNow(Date.now());
    } catch (e) {
      setError(toErrorData(e));
    }
  }, [client, clusterId, jobId]);

  useEffect(() => {
    void refresh();
  }, [refresh, signature]);
  useEffect(() => {
    if (detail?.state !== 'RUNNING') return;
    const timer = setInterval(() => void refresh(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [detail?.state, refresh]);

  /** Runs an action; errors stay on the page; a new job (restart, rollback) opens its own page. */
  const act = async (action: JobAction, run: () => Promise<Deployment | void>) => {
    setBusy(action);
    setError(null);
    try {
      const started = await run();
      log(t('jobs.page.done', { action: t(`jobs.page.actions.${action}`), job: detail?.name ?? jobId }));
      if (started && started.jobId) openJob(started.clusterId, started.jobId, started.jobName, started.applicationId);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  const onAction = (action: JobAction) => {
    if (action === 'restart' || action === 'rollback') return setDialog(action);
    if (action === 'stop') void act('stop', async () => void (await client.call('jobs.stop', { clusterId, jobId, savepoint: true })));
    if (action === 'cancel') void act('cancel', async () => void (await client.call('jobs.cancel', { clusterId, jobId })));
    if (action === 'savepoint') void act('savepoint', async () => void (await client.call('jobs.savepoint', { clusterId, jobId })));
  };

  return (
    <div className="page job-page" data-testid="job-page" data-job-id={jobId} data-state={detail?.state ?? ''}>
      <header className="job-header">
        <div className="job-title">
          <h1>{detail?.name ?? jobId}</h1>
          {detail && <StateBadge state={detail.state} />}
          {detail?.deployment && <span className="weir-mark" title={t('jobs.fromWeir')}>W</span>}
        </div>
        <div className="muted mono small">
          {t('jobs.page.idLine', { id: jobId, cluster: clusterName || `#${clusterId}` })}
          {detail?.deployment &&
            ` · ${t('jobs.page.deploymentLine', { id: detail.deployment.id, file: detail.deployment.fileName ?? '', version: detail.deployment.versionNumber ?? '?' })}`}
        </div>
        {detail && <JobActions detail={detail} busy={busy} onAction={onAction} />}
        <button type="button" className="refresh" aria-label={t('jobs.page.refresh')} title={t('jobs.page.refresh')} onClick={() => void refresh()}>
          ⟳
        </button>
      </header>
      {error && <ErrorView error={error} />}
      {!detail && !error && <p className="muted">{t('jobs.page.loading')}</p>}
      {detail && (
        <>
          <PageSection title={t('jobs.page.sections.states')}>
            <StateTimeline history={detail.stateHistory} now={now} />
          </PageSection>
          <PageSection title={t('jobs.page.sections.vertices')}>
            <VerticesTable vertices={detail.vertices} />
          </PageSection>
          <PageSection title={t('jobs.page.sections.checkpoints')}>
            <CheckpointsSection checkpoints={detail.checkpoints} />
          </PageSection>
          <PageSection title={t('jobs.page.sections.exceptions', { count: detail.exceptions.length })}>
            <ExceptionsSection exceptions={detail.exceptions} />
          </PageSection>
          <PageSection title={t('jobs.page.sections.runs')} testId="section-runs">
            <RunsSection applicationId={detail.deployment?.applicationId ?? null} jobId={jobId} version={signature} />
          </PageSection>
          <PageSection title={t('jobs.page.sections.savepoints')}>
            <SavepointsSection savepoints={detail.savepoints} jobId={detail.jobId} />
          </PageSection>
          <PageSection title={t('jobs.page.sections.logs')} initiallyOpen={false} testId="section-logs">
            <LogsSection clusterId={clusterId} />
          </PageSection>
        </>
      )}
      {dialog === 'restart' && detail && (
        <RestartDialog
          savepoints={detail.savepoints}
          onClose={() => setDialog(null)}
          onRestart={(from) => {
            setDialog(null);
            void act('restart', () => client.call('jobs.restart', { clusterId, jobId, fromSavepoint: from }));
          }}
        />
      )}
      {dialog === 'rollback' && detail?.deployment && (
        <RollbackDialog
          current={detail.deployment}
          dark={dark}
          onClose={() => setDialog(null)}
          onRollback={(target) => {
            setDialog(null);
            void act('rollback', () => client.call('jobs.rollback', { deploymentId: target.id }));
          }}
        />
      )}
    </div>
  );
}

