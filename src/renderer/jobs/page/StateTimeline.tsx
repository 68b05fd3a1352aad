import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../shared/contract/jobs-schema.js';
import { formatDuration, formatTime } from '../format.js';
import { StateBadge } from '../StateBadge.js';

/** When the job entered each state, oldest first, with how long it stayed. */
export function StateTimeline({ history, now }: { history: JobDetail['stateHistory']; now: number }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return <p className="muted">{t('jobs.page.none')}</p>;
  return (
    <ol className="timeline" data-testid="state-timeline">
      {history.map((h, i) => {
        const until = history[i + 1]?.at ?? now;
        return (
          <li key={`${h.state}-${h.at}`}>
            <StateBadge state={h.state} />
            <span className="muted">{formatTime(h.at, i18n.language)}</span>
            <span className="muted">{formatDuration(Math.max(0, until - h.at))}</span>
          </li>
        );
      })}
    </ol>
  );
}
