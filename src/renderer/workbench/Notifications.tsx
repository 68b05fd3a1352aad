import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/i18n/translator.js';
import { useWorkbench } from '../state/store-context.js';

/** Errors as the user sees them: what happened, how to fix it, and the details. */
export function Notifications() {
  const { i18n, t } = useTranslation();
  const notices = useWorkbench((s) => s.notices);
  const dismiss = useWorkbench((s) => s.dismiss);
  return (
    <div className="notifications" aria-live="polite">
      {notices.map((notice) => {
        const text = describeError(i18n, notice.error);
        return (
          <div key={notice.id} className="notice error" role="alert" data-testid="notice" data-code={notice.error.code}>
            <div className="notice-message">{text.message}</div>
            {text.hint && <div className="notice-hint">{text.hint}</div>}
            {notice.error.details?.map((d, i) => (
              <div key={i} className="notice-detail">
                {d}
              </div>
            ))}
            <button type="button" className="notice-close" aria-label={t('common.dismiss')} onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
