import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../shared/contract/jobs-schema.js';

const ACTIVE = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'RESTARTING', 'RECONCILING']);

export type JobAction = 'stop' | 'cancel' | 'savepoint' | 'restart' | 'rollback';

/** The operator's buttons; Cancel asks once more, restart and rollback open their dialogs. */
export function JobActions({ detail, busy, onAction }: { detail: JobDetail; busy: JobAction | null; onAction(action: JobAction): void }) {
  const { t } = useTranslation();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const active = ACTIVE.has(detail.state);
  const fromWeir = detail.deployment !== null;
  const notWeir = fromWeir ? undefined : t('jobs.page.notFromWeir');
  const label = (a: JobAction) => (busy === a ? t('jobs.page.working') : t(`jobs.page.actions.${a}`));
  return (
    <div className="job-actions" role="toolbar" aria-label={t('jobs.page.actionsLabel')}>
      <button type="button" data-testid="job-stop" disabled={busy !== null || !active} onClick={() => onAction('stop')}>
        {label('stop')}
      </button>
      <button type="button" data-testid="job-savepoint" disabled={busy !== null || !active} onClick={() => onAction('savepoint')}>
        {label('savepoint')}
      </button>
      <button type="button" data-testid="job-restart" disabled={busy !== null || !fromWeir} title={notWeir} onClick={() => onAction('restart')}>
        {label('restart')}
      </button>
      <button type="button" data-testid="job-rollback" disabled={busy !== null || !fromWeir} title={notWeir} onClick={() => onAction('rollback')}>
        {label('rollback')}
      </button>
      {confirmCancel ? (
        <span className="confirm">
          {t('jobs.page.confirmCancel')}
          <button
            type="button"
            className="danger"
            data-testid="job-cancel-confirm"
            onClick={() => {
              setConfirmCancel(false);
              onAction('cancel');
            }}
          >
            {t('jobs.page.actions.cancel')}
          </button>
          <button type="button" onClick={() => setConfirmCancel(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="danger" data-testid="job-cancel" disabled={busy !== null || !active} onClick={() => setConfirmCancel(true)}>
          {label('cancel')}
        </button>
      )}
    </div>
  );
}
