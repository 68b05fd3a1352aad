import { useTranslation } from 'react-i18next';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { describeError } from '../../shared/i18n/translator.js';

/**
 * An error in place (dialogs, test results, rows): message, details (a tool's own reason, a
 * cluster's root cause first), hint; a Java stack trace folded below. Same words as the notices.
 */
export function ErrorView({ error, compact = false }: { error: WeirErrorData; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const text = describeError(i18n, error);
  return (
    <div className={`error-view${compact ? ' compact' : ''}`} role="alert" data-testid="error-view" data-code={error.code}>
      <div className="error-message">{text.message}</div>
      {!compact && error.details && error.details.length > 0 && (
        <ul className="error-details" data-testid="error-details">
          {error.details.map((d, i) => (
            <li key={i} className="mono">
              {d}
            </li>
          ))}
        </ul>
      )}
      {!compact && text.hint && <div className="error-hint">{text.hint}</div>}
      {!compact && error.trace && error.trace.length > 0 && (
        <details className="error-trace" data-testid="error-trace">
          <summary>{t('errors.trace', { count: error.trace.length })}</summary>
          <pre className="mono">{error.trace.join('\n')}</pre>
        </details>
      )}
    </div>
  );
}
