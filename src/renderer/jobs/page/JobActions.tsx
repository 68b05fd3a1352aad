import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../shared/contract/jobs-schema.js';
import { useClient } from '../../state/use-client.js';

const ACTIVE = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'RESTARTING', 'RECONCILING']);

export type JobAction = 'stop' | 'cancel' | 'savepoint' | 'restart' | 'rollback';

/**
 * The operator's buttons. Stop and cancel ask first, in words that say what happens (where the
 * savepoint goes; that a cancel keeps no state); restart and rollback open their dialogs.
 */
export function JobActions({ detail, busy, onAction }: { detail: JobDetail; busy: JobAction | null; onAction(action: JobAction): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [confirm, setConfirm] = useState<'stop' | 'cancel' | null>(null);
  // undefined: still asking the cluster; null: it names no savepoint directory.
  const [target, setTarget] = useState<string | null | undefined>(undefined);
  const active = ACTIVE.has(detail.state);
  const fromWeir = detail.deployment !== null;
  const notWeir = fromWeir ? undefined : t('jobs.page.notFromWeir');
  const label = (a: JobAction) => (busy === a ? t('jobs.page.working') : t(`jobs.page.actions.${a}`));

  useEffect(() => {
    if (confirm !== 'stop') return;
    let live = true;
    setTarget(undefined);
    client.call('jobs.savepointTarget', { clusterId: detail.clusterId, jobId: detail.jobId }).then(
      (r) => live && setTarget(r.directory),
      () => live && setTarget(null),
    );
    return () => {
      live = false;
    };
  }, [client, confirm, detail.clusterId, detail.jobId]);

  const go = (action: 'stop' | 'cancel') => {
    setConfirm(null);
    onAction(action);
  };

  return (
    <div className="job-actions" role="toolbar" aria-label={t('jobs.page.actionsLabel')}>
      <button type="button" data-testid="job-stop" disabled={busy !== null || !active || confirm !== null} onClick={() => setConfirm('stop')}>
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
      <button type="button" className="danger" data-testid="job-cancel" disabled={busy !== null || !active || confirm !== null} onClick={() => setConfirm('cancel')}>
        {label('cancel')}
      </button>
      {confirm === 'cancel' && (
        <span className="confirm" role="alertdialog" data-testid="job-cancel-question">
          {t('jobs.page.confirmCancel')}
          <button type="button" className="danger" data-testid="job-cancel-confirm" onClick={() => go('cancel')}>
            {t('jobs.page.confirm.cancelJob')}
          </button>
          <button type="button" data-testid="job-keep-running" onClick={() => setConfirm(null)}>
            {t('jobs.page.confirm.keepRunning')}
          </button>
        </span>
      )}
      {confirm === 'stop' && (
        <span className="confirm" role="alertdialog" data-testid="job-stop-question">
          <span data-testid="job-stop-target">
            {target === undefined
              ? t('jobs.page.confirm.stopAsking')
              : target === null
                ? t('jobs.page.confirm.stopNoDirectory')
                : t('jobs.page.confirm.stop', { directory: target })}
          </span>
          <button type="button" className="primary" data-testid="job-stop-confirm" disabled={target === undefined} onClick={() => go('stop')}>
            {t('jobs.page.actions.stop')}
          </button>
          <button type="button" data-testid="job-keep-running" onClick={() => setConfirm(null)}>
            {t('jobs.page.confirm.keepRunning')}
          </button>
        </span>
      )}
    </div>
  );
}
