import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../errors/ErrorView.js';
import { Field } from '../workbench/Field.js';
import { Modal } from '../workbench/Modal.js';
import { DeployOptionFields } from './DeployOptionFields.js';
import type { useDeployDialog } from './use-deploy-dialog.js';

/**
 * What both deploy dialogs look like: the cluster, the fields of what is deployed (children),
 * the common options, the error of the last attempt, and the buttons.
 */
export function DeployDialogFrame({
  title,
  testId,
  dialog,
  ready,
  onSubmit,
  children,
  notice,
  submitLabel,
}: {
  title: string;
  testId: string;
  dialog: ReturnType<typeof useDeployDialog>;
  /** Whether the dialog's own fields are complete. */
  ready: boolean;
  onSubmit(): void;
  children: ReactNode;
  /** Shown above the error: what the deploy will do to a job already running (an upgrade). */
  notice?: ReactNode;
  /** The submit button's words and busy words when they are not "Deploy". */
  submitLabel?: { idle: string; busy: string };
}) {
  const { t } = useTranslation();
  const { clusters, cluster, form, patch, badLines, busy, error } = dialog;
  return (
    <Modal title={title} onClose={dialog.close} testId={testId}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Field label={t('deploy.cluster')} wide>
          <select data-testid="deploy-cluster" value={form.clusterId ?? ''} onChange={(e) => patch({ clusterId: Number(e.target.value) })}>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({t(`clusters.kind.${c.kind}`)})
              </option>
            ))}
          </select>
        </Field>
        {clusters.length === 0 && <p className="warning wide">{t('deploy.noClusters')}</p>}
        {children}
        <DeployOptionFields form={form} patch={patch} badLines={badLines} />
        {notice}
        {error && (
          <div className="wide" data-testid="deploy-error">
            <ErrorView error={error} />
          </div>
        )}
        <div className="form-actions wide">
          <button type="submit" className="primary" data-testid="deploy-submit" disabled={busy || !cluster || badLines.length > 0 || !ready}>
            {busy ? (submitLabel?.busy ?? t('deploy.deploying')) : (submitLabel?.idle ?? t('deploy.submit'))}
          </button>
          <button type="button" disabled={busy} onClick={dialog.close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
