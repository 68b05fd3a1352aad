import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../errors/ErrorView.js';
import { useJobs } from '../state/jobs-store.js';
import { useWorkbench } from '../state/store-context.js';
import { buildJobRows, rowIndex, type JobRowModel } from './job-rows.js';
import { JobsTable } from './JobsTable.js';

const TICK_MS = 1000;

/** All clusters' jobs, live from the monitor, filterable; a row opens the job's page. */
export function JobsView() {
  const { t } = useTranslation();
  const snapshot = useJobs((s) => s.snapshot);
  const error = useJobs((s) => s.error);
  const load = useJobs((s) => s.load);
  const openJob = useWorkbench((s) => s.openJob);
  const openJarDeploy = useWorkbench((s) => s.openJarDeploy);
  const [filter, setFilter] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const previous = useRef<Map<string, JobRowModel>>(new Map());

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    // Durations tick on the client; the monitor only reports changes.
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const rows = useMemo(() => {
    const next = buildJobRows(snapshot, filter, now, previous.current, (state) => t(`jobs.states.${state}`, { defaultValue: state }));
    previous.current = rowIndex(next);
    return next;
  }, [snapshot, filter, now, t]);
  const onOpen = useCallback((row: JobRowModel) => openJob(row.clusterId, row.jobId, row.name, row.applicationId), [openJob]);
  const total = snapshot?.clusters.reduce((n, c) => n + c.jobs.length, 0) ?? 0;
  const running = snapshot?.clusters.reduce((n, c) => n + c.jobs.filter((j) => j.state === 'RUNNING').length, 0) ?? 0;

  return (
    <div className="jobs-view" data-testid="jobs-view">
      <div className="jobs-toolbar">
        <input
          type="search"
          aria-label={t('jobs.filter')}
          placeholder={t('jobs.filterPlaceholder')}
          data-testid="jobs-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted small" data-testid="jobs-count">
          {t('jobs.count', { shown: rows.filter((r) => r.kind === 'job').length, total, running })}
        </span>
        <button type="button" data-testid="deploy-jar-open" onClick={openJarDeploy}>
          {t('jobs.deployJar')}
        </button>
      </div>
      {error && <ErrorView error={error} />}
      {snapshot && snapshot.clusters.length === 0 && <p className="placeholder">{t('jobs.noClusters')}</p>}
      <JobsTable rows={rows} onOpen={onOpen} />
    </div>
  );
}
