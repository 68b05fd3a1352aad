import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deployment } from '../../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../../shared/errors/weir-error.js';
import { DiffView } from '../../editor/DiffView.js';
import { toErrorData } from '../../errors/error-data.js';
import { ErrorView } from '../../errors/ErrorView.js';
import { useClient } from '../../state/use-client.js';
import { Modal } from '../../workbench/Modal.js';

/**
 * Roll back: pick an earlier deployment of the same file, see the SQL diff between what runs
 * now and what would run, then confirm.
 */
export function RollbackDialog({ current, dark, onRollback, onClose }: { current: Deployment; dark: boolean; onRollback(target: Deployment): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [choices, setChoices] = useState<readonly Deployment[] | null>(null);
  const [target, setTarget] = useState<Deployment | null>(null);
  const [texts, setTexts] = useState<{ current: string; target: string } | null>(null);
  const [error, setError] = useState<WeirErrorData | null>(null);

  useEffect(() => {
    let live = true;
    const query = current.fileId !== null ? { fileId: current.fileId, clusterId: current.clusterId } : { clusterId: current.clusterId };
    client.call('deployments.list', query).then(
      (list) => {
        if (!live) return;
        const earlier = list.filter((d) => d.id !== current.id && d.status !== 'failed' && (current.fileId !== null || d.jobName === current.jobName));
        setChoices(earlier);
        // Default: the newest deployment of another version than the current one.
        setTarget(earlier.find((d) => d.versionId !== current.versionId) ?? earlier[0] ?? null);
      },
      (e: unknown) => live && setError(toErrorData(e)),
    );
    return () => {
      live = false;
    };
  }, [client, current]);

  useEffect(() => {
    if (!target) return;
    let live = true;
    setTexts(null);
    Promise.all([client.call('deployments.sql', { id: current.id }), client.call('deployments.sql', { id: target.id })]).then(
      ([a, b]) => live && setTexts({ current: a.sql, target: b.sql }),
      (e: unknown) => live && setError(toErrorData(e)),
    );
    return () => {
      live = false;
    };
  }, [client, current.id, target]);

  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const label = (d: Deployment) =>
    t('jobs.page.rollback.option', { id: d.id, version: d.versionNumber ?? '?', time: format.format(new Date(d.createdAt)), status: t(`jobs.states.${d.status}`, { defaultValue: d.status }) });

  return (
    <Modal title={t('jobs.page.rollback.title')} onClose={onClose} wide testId="rollback-dialog">
      {error && <ErrorView error={error} />}
      {choices && choices.length === 0 && <p className="muted">{t('jobs.page.rollback.noEarlier')}</p>}
      {choices && choices.length > 0 && (
        <label className="field wide">
          <span className="field-label">{t('jobs.page.rollback.target')}</span>
          <select data-testid="rollback-target" value={target?.id ?? ''} onChange={(e) => setTarget(choices.find((d) => d.id === Number(e.target.value)) ?? null)}>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {label(d)}
              </option>
            ))}
          </select>
        </label>
      )}
      {target && (
        <>
          <div className="diff-header">
            <span>{t('jobs.page.rollback.running', { id: current.id, version: current.versionNumber ?? '?' })}</span>
            <span>{t('jobs.page.rollback.after', { id: target.id, version: target.versionNumber ?? '?' })}</span>
          </div>
          {texts ? <DiffView original={texts.current} modified={texts.target} dark={dark} testId="rollback-diff" /> : <p className="muted">{t('jobs.page.loading')}</p>}
          <p className="muted">{t('jobs.page.rollback.note')}</p>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="primary" data-testid="rollback-confirm" disabled={!target || !texts} onClick={() => target && onRollback(target)}>
          {t('jobs.page.rollback.confirm')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
