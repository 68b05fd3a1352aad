import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { Field } from '../workbench/Field.js';
import { defaultJobName, rememberedForm, rememberForm, type DeployForm } from './deploy-form.js';
import { DeployDialogFrame } from './DeployDialogFrame.js';
import { useDeployDialog } from './use-deploy-dialog.js';

/** Deploys a saved file to a cluster; errors stay in the dialog with everything typed. */
export function DeployDialog({ fileId }: { fileId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const file = useWorkbench((s) => s.files.find((f) => f.id === fileId));
  const d = useDeployDialog({ jobName: defaultJobName(file?.name ?? ''), ...rememberedForm(fileId) });
  const { cluster, form, patch } = d;

  const deploy = () =>
    d.submit(async () => {
      const deployment = await client.call('deploy.file', { fileId, clusterId: cluster!.id, options: d.options });
      rememberForm(fileId, form);
      return deployment;
    });

  return (
    <DeployDialogFrame title={t('deploy.title', { name: file?.name ?? '' })} testId="deploy-dialog" dialog={d} ready onSubmit={() => void deploy()}>
      <Field label={t('deploy.path')} wide>
        <select data-testid="deploy-path" value={form.path} onChange={(e) => patch({ path: e.target.value as DeployForm['path'] })}>
          <option value="runner">{t('deploy.paths.runner')}</option>
          <option value="gateway" disabled={cluster !== undefined && !cluster.gatewayUrl}>
            {t('deploy.paths.gateway')}
          </option>
        </select>
      </Field>
    </DeployDialogFrame>
  );
}
