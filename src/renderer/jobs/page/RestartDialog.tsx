import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Savepoint } from '../../../shared/contract/jobs-schema.js';
import { Modal } from '../../workbench/Modal.js';

/** Restart from: the latest savepoint, one chosen from this job's history, or no state. */
export function RestartDialog({ savepoints, onRestart, onClose }: { savepoints: readonly Savepoint[]; onRestart(from: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const usable = savepoints.filter((s) => s.status === 'completed' && s.location);
  const [choice, setChoice] = useState<string>('latest');
  return (
    <Modal title={t('jobs.page.restart.title')} onClose={onClose} testId="restart-dialog">
      <fieldset className="choices">
        <legend>{t('jobs.page.restart.from')}</legend>
        <label className="check">
          <input type="radio" name="restart-from" data-testid="restart-latest" checked={choice === 'latest'} onChange={() => setChoice('latest')} />
          {t('jobs.page.restart.latest')}
        </label>
        {usable.map((s) => (
          <label key={s.id} className="check">
            <input type="radio" name="restart-from" checked={choice === s.location} onChange={() => setChoice(s.location!)} />
            <span className="mono">{s.location}</span>
          </label>
        ))}
        <label className="check">
          <input type="radio" name="restart-from" data-testid="restart-none" checked={choice === 'none'} onChange={() => setChoice('none')} />
          {t('jobs.page.restart.none')}
        </label>
      </fieldset>
      <p className="muted">{t('jobs.page.restart.note')}</p>
      <div className="form-actions">
        <button type="button" className="primary" data-testid="restart-confirm" onClick={() => onRestart(choice)}>
          {t('jobs.page.actions.restart')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
