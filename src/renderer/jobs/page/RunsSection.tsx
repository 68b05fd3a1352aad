import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/contract/apps-schema.js';
import { useWorkbench } from '../../state/store-context.js';
import { useClient } from '../../state/use-client.js';
import { RestartPolicyForm } from './RestartPolicyForm.js';

/**
 * The runs of the application this job belongs to (deployments, upgrades, restarts, rollbacks),
 * newest first, each with the savepoint it started from; `version` re-reads them after a change.
 */
export function RunsSection({ applicationId, jobId, version }: { applicationId: number | null; jobId: string; version: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useWorkbench((s) => s.report);
  const openJob = useWorkbench((s) => s.openJob);
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (applicationId === null) return;
    let live = true;
    client.call('apps.show', { id: applicationId }).then((a) => live && setApp(a), (e: unknown) => report(e));
    return () => {
      live = false;
    };
  }, [client, applicationId, version, report, round]);
  if (applicationId === null) return <p className="muted">{t('jobs.page.runs.none')}</p>;
  if (!app) return null;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <>
    <RestartPolicyForm key={`${app.id}:${JSON.stringify(app.restartPolicy)}`} app={app} onSaved={() => setRound((r) => r + 1)} />
    <table className="grid" data-testid="runs">
      <thead>
        <tr>
          <th scope="col">{t('jobs.page.runs.time')}</th>
          <th scope="col">{t('jobs.page.runs.deployment')}</th>
          <th scope="col">{t('jobs.page.runs.version')}</th>
          <th scope="col">{t('jobs.page.runs.status')}</th>
          <th scope="col">{t('jobs.page.runs.job')}</th>
          <th scope="col">{t('jobs.page.runs.from')}</th>
        </tr>
      </thead>
      <tbody>
        {app.deployments.map((d) => (
          <tr key={d.id} data-testid="run-row" data-status={d.status} data-job-id={d.jobId ?? ''}>
            <td>{format.format(new Date(d.createdAt))}</td>
            <td>#{d.id}</td>
            <td>{d.versionNumber !== null ? `v${d.versionNumber}` : d.path}</td>
            <td className={d.status === 'failed' || d.status === 'FAILED' ? 'bad' : ''} title={d.error ?? undefined}>
              {d.status === 'failed' || d.status === 'submitting' || d.status === 'LOST' ? t(`jobs.page.runs.statuses.${d.status}`) : t(`jobs.states.${d.status}`, { defaultValue: d.status })}
            </td>
            <td className="mono">
              {d.jobId === jobId ? (
                t('jobs.page.runs.thisRun')
              ) : d.jobId ? (
                <button type="button" className="link" title={d.jobId} onClick={() => openJob(d.clusterId, d.jobId!, d.jobName, d.applicationId)}>
                  {d.jobId.slice(0, 8)}
                </button>
              ) : (
                ''
              )}
            </td>
            <td className="mono small" data-testid="run-from">
              {d.options.fromSavepoint ?? t('jobs.page.runs.fresh')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {app.events.length > 0 && (
      <ul className="app-events" data-testid="app-events">
        {app.events.map((e) => (
          <li key={e.id} data-testid="app-event" data-kind={e.kind}>
            {format.format(new Date(e.createdAt))} · {t(`jobs.page.policy.events.${e.kind}`, { id: e.deploymentId ?? '', detail: e.detail })}
          </li>
        ))}
      </ul>
    )}
    </>
  );
}
