import { useTranslation } from 'react-i18next';
import type { Savepoint } from '../../../shared/contract/jobs-schema.js';

/** Savepoints Weir took of this job and of the runs it was restarted from, newest first. */
export function SavepointsSection({ savepoints, jobId }: { savepoints: readonly Savepoint[]; jobId: string }) {
  const { t, i18n } = useTranslation();
  if (savepoints.length === 0) return <p className="muted">{t('jobs.page.savepoints.none')}</p>;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <table className="grid" data-testid="savepoints">
      <thead>
        <tr>
          <th scope="col">{t('jobs.page.savepoints.time')}</th>
          <th scope="col">{t('jobs.page.savepoints.kind')}</th>
          <th scope="col">{t('jobs.page.savepoints.job')}</th>
          <th scope="col">{t('jobs.page.savepoints.status')}</th>
          <th scope="col">{t('jobs.page.savepoints.location')}</th>
        </tr>
      </thead>
      <tbody>
        {[...savepoints]
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map((s) => (
            <tr key={s.id} data-testid="savepoint-row" data-status={s.status}>
              <td>{format.format(new Date(s.createdAt))}</td>
              <td>{t(`jobs.page.savepoints.kinds.${s.kind}`)}</td>
              <td className="mono" title={s.jobId}>
                {s.jobId === jobId ? t('jobs.page.savepoints.thisJob') : s.jobId.slice(0, 8)}
              </td>
              <td className={s.status === 'failed' ? 'bad' : ''}>{t(`jobs.page.savepoints.statuses.${s.status}`)}</td>
              <td className="mono" title={s.error ?? undefined}>
                {s.location ?? s.error ?? ''}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
