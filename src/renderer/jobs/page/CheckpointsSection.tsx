import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../shared/contract/jobs-schema.js';
import { formatBytes, formatTime } from '../format.js';

/** Checkpoint counts, the latest one (size, duration, path) and the latest failure. */
export function CheckpointsSection({ checkpoints }: { checkpoints: JobDetail['checkpoints'] }) {
  const { t, i18n } = useTranslation();
  const { latest, latestFailed } = checkpoints;
  return (
    <div className="checkpoints" data-testid="checkpoints">
      <dl className="facts">
        <dt>{t('jobs.page.checkpoints.completed')}</dt>
        <dd>{checkpoints.completed}</dd>
        <dt>{t('jobs.page.checkpoints.failed')}</dt>
        <dd className={checkpoints.failed > 0 ? 'bad' : ''}>{checkpoints.failed}</dd>
        <dt>{t('jobs.page.checkpoints.inProgress')}</dt>
        <dd>{checkpoints.inProgress}</dd>
        {latest && (
          <>
            <dt>{t('jobs.page.checkpoints.latest')}</dt>
            <dd>
              {t('jobs.page.checkpoints.latestText', { id: latest.id, time: formatTime(latest.at, i18n.language), size: formatBytes(latest.sizeBytes), millis: latest.durationMs })}
            </dd>
            {latest.path && (
              <>
                <dt>{t('jobs.page.checkpoints.path')}</dt>
                <dd className="mono">{latest.path}</dd>
              </>
            )}
          </>
        )}
        {checkpoints.latestSavepoint && (
          <>
            <dt>{t('jobs.page.checkpoints.latestSavepoint')}</dt>
            <dd className="mono">{checkpoints.latestSavepoint}</dd>
          </>
        )}
        {latestFailed && (
          <>
            <dt>{t('jobs.page.checkpoints.latestFailure')}</dt>
            <dd className="bad">
              #{latestFailed.id} {formatTime(latestFailed.at, i18n.language)} {latestFailed.message ?? ''}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
