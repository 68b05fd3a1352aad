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
import { deployOptions, type DeployForm } from './deploy-form.js';
import { DeployOptionFields } from './DeployOptionFields.js';

/**
 * A custom jar job: a jar on this machine (Weir uploads it once per cluster), its entry class
 * (else the jar manifest's) and its program arguments, one per line so spaces need no quoting.
 */
export function JarDeployDialog() {
  const { t } = useTranslation();
  const client = useClient();
  const close = useWorkbench((s) => s.closeDialog);
  const showView = useWorkbench((s) => s.showView);
  const view = useWorkbench((s) => s.view);
  const sideVisible = useWorkbench((s) => s.sideVisible);
  const log = useWorkbench((s) => s.log);
  const clusters = useClusters((s) => s.clusters);
  const refresh = useClusters((s) => s.refresh);
  const [jar, setJar] = useState({ path: '', entryClass: '', args: '' });
  const [form, setForm] = useState<DeployForm>({
    clusterId: null,
    path: 'runner',
    jobName: '',
    parallelism: '',
    restore: 'none',
    savepointPath: '',
    allowNonRestoredState: false,
    flinkConfig: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WeirErrorData | null>(null);

  useEffect(() => {
    void refresh().catch((e: unknown) => setError(toErrorData(e)));
  }, [refresh]);
  useEffect(() => {
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
      const args = jar.args.split('\n').map((a) => a.trim()).filter((a) => a !== '');
      const deployment = await client.call('deploy.jar', {
        clusterId: cluster.id,
        jar: { jarPath: jar.path.trim(), args, ...(jar.entryClass.trim() ? { entryClass: jar.entryClass.trim() } : {}) },
        options,
      });
      log(t('deploy.submitted', { job: deployment.jobName, id: deployment.jobId ?? '', cluster: deployment.clusterName }));
      close();
      // showView toggles a view that is already shown: only switch when it is not.
      if (view !== 'jobs' || !sideVisible) showView('jobs');
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('deploy.jarTitle')} onClose={() => !busy && close()} testId="jar-deploy-dialog">
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
        <Field label={t('deploy.jarPath')} hint={t('deploy.jarPathHint')} wide>
          <input data-testid="deploy-jar-path" className="mono" placeholder="/home/me/jobs/target/job.jar" value={jar.path} onChange={(e) => setJar({ ...jar, path: e.target.value })} required />
        </Field>
        <Field label={t('deploy.entryClass')} hint={t('deploy.entryClassHint')} wide>
          <input data-testid="deploy-entry-class" className="mono" placeholder="com.example.Job" value={jar.entryClass} onChange={(e) => setJar({ ...jar, entryClass: e.target.value })} />
        </Field>
        <Field label={t('deploy.args')} hint={t('deploy.argsHint')} wide>
          <textarea data-testid="deploy-args" className="mono" rows={3} value={jar.args} onChange={(e) => setJar({ ...jar, args: e.target.value })} />
        </Field>
        <DeployOptionFields form={form} patch={patch} badLines={badLines} />
        {error && (
          <div className="wide" data-testid="deploy-error">
            <ErrorView error={error} />
          </div>
        )}
        <div className="form-actions wide">
          <button type="submit" className="primary" data-testid="deploy-submit" disabled={busy || !cluster || badLines.length > 0 || jar.path.trim() === ''}>
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
