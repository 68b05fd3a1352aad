import { useTranslation } from 'react-i18next';
import { ErrorView } from '../errors/ErrorView.js';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { Field } from '../workbench/Field.js';
import { Modal } from '../workbench/Modal.js';
import { defaultJobName, rememberedForm, rememberForm, type DeployForm } from './deploy-form.js';
import { DeployOptionFields } from './DeployOptionFields.js';
import { useDeployDialog } from './use-deploy-dialog.js';

/** Deploys a saved file to a cluster; errors stay in the dialog with everything typed. */
export function DeployDialog({ fileId }: { fileId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const file = useWorkbench((s) => s.files.find((f) => f.id === fileId));
  const d = useDeployDialog({ jobName: defaultJobName(file?.name ?? ''), ...rememberedForm(fileId) });
  const { clusters, cluster, form, patch, badLines, busy, error } = d;

  const deploy = () =>
    d.submit(async () => {
      const deployment = await client.call('deploy.file', { fileId, clusterId: cluster!.id, options: d.options });
      rememberForm(fileId, form);
      return deployment;
    });

  return (
    <Modal title={t('deploy.title', { name: file?.name ?? '' })} onClose={d.close} testId="deploy-dialog">
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void deploy();
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
        <Field label={t('deploy.path')} wide>
          <select data-testid="deploy-path" value={form.path} onChange={(e) => patch({ path: e.target.value as DeployForm['path'] })}>
            <option value="runner">{t('deploy.paths.runner')}</option>
            <option value="gateway" disabled={cluster !== undefined && !cluster.gatewayUrl}>
              {t('deploy.paths.gateway')}
            </option>
          </select>
        </Field>
        <DeployOptionFields form={form} patch={patch} badLines={badLines} />
        {error && (
          <div className="wide" data-testid="deploy-error">
            <ErrorView error={error} />
          </div>
        )}
        <div className="form-actions wide">
          <button type="submit" className="primary" data-testid="deploy-submit" disabled={busy || !cluster || badLines.length > 0}>
            {busy ? t('deploy.deploying') : t('deploy.submit')}
          </button>
          <button type="button" disabled={busy} onClick={d.close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
