import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { toErrorData } from '../errors/error-data.js';
import { ErrorView } from '../errors/ErrorView.js';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { Field } from '../workbench/Field.js';
import { Modal } from '../workbench/Modal.js';
import { defaultJobName, deployOptions, rememberedForm, rememberForm, type DeployForm } from './deploy-form.js';
import { DeployOptionFields } from './DeployOptionFields.js';

/** Deploys a saved file to a cluster; errors stay in the dialog with everything typed. */
export function DeployDialog({ fileId }: { fileId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const file = useWorkbench((s) => s.files.find((f) => f.id === fileId));
  const close = useWorkbench((s) => s.closeDialog);
  const showView = useWorkbench((s) => s.showView);
  const view = useWorkbench((s) => s.view);
  const sideVisible = useWorkbench((s) => s.sideVisible);
  const log = useWorkbench((s) => s.log);
  const clusters = useClusters((s) => s.clusters);
  const refresh = useClusters((s) => s.refresh);
  const [form, setForm] = useState<DeployForm>(() => ({
    clusterId: null,
    path: 'runner',
    jobName: defaultJobName(file?.name ?? ''),
    parallelism: '',
    restore: 'none',
    savepointPath: '',
    allowNonRestoredState: false,
    flinkConfig: '',
    ...rememberedForm(fileId),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WeirErrorData | null>(null);

  useEffect(() => {
    void refresh().catch((e: unknown) => setError(toErrorData(e)));
  }, [refresh]);
  useEffect(() => {
    // The first cluster by default, or the remembered one if it still exists.
    if (clusters.length > 0 && !clusters.some((c) => c.id === form.clusterId)) setForm((f) => ({ ...f, clusterId: clusters[0]!.id }));
  }, [clusters, form.clusterId]);

  const patch = (p: Partial<DeployForm>) => setForm((f) => ({ ...f, ...p }));
  const cluster = clusters.find((c) => c.id === form.clusterId);
  const { options, badLines } = deployOptions(form);

  const deploy = async () => {
    if (!cluster) return;
    setBusy(true);
    setError(null);
    try {
      const deployment = await client.call('deploy.file', { fileId, clusterId: cluster.id, options });
      rememberForm(fileId, form);
      log(t('deploy.submitted', { job: deployment.jobName, id: deployment.jobId ?? '', cluster: deployment.clusterName }));
      close();
      if (view !== 'jobs' || !sideVisible) showView('jobs');
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('deploy.title', { name: file?.name ?? '' })} onClose={() => !busy && close()} testId="deploy-dialog">
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
          <button type="button" disabled={busy} onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
