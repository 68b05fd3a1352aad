import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../shared/contract/jobs-schema.js';
import { formatTime } from '../format.js';

/** The job's exceptions, newest first as Flink reports them; stack traces fold open on demand. */
export function ExceptionsSection({ exceptions }: { exceptions: JobDetail['exceptions'] }) {
  const { t, i18n } = useTranslation();
  if (exceptions.length === 0) return <p className="muted">{t('jobs.page.exceptions.none')}</p>;
  return (
    <div className="exceptions" data-testid="exceptions">
      {exceptions.map((e, i) => (
        <details key={`${e.at}-${i}`} className="exception">
          <summary>
            <span className="muted">{formatTime(e.at, i18n.language)}</span> <strong>{e.name}</strong>
            {e.where && <span className="muted"> · {e.where}</span>}
          </summary>
          <pre className="stack">{e.stack}</pre>
        </details>
      ))}
    </div>
  );
}
