import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deployment } from '../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { toErrorData } from '../errors/error-data.js';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';
import { deployOptions, type DeployForm } from './deploy-form.js';

const EMPTY: DeployForm = {
  clusterId: null,
  path: 'runner',
  jobName: '',
  parallelism: '',
  restore: 'none',
  savepointPath: '',
  allowNonRestoredState: false,
  flinkConfig: '',
};

/**
 * What both deploy dialogs share: the clusters (the first one chosen by default, or the
 * remembered one while it exists), the options form, and a submit that keeps the dialog open
 * with its error, or closes it, logs the deployment and shows the Jobs view.
 */
export function useDeployDialog(initial: Partial<DeployForm>) {
  const { t } = useTranslation();
  const close = useWorkbench((s) => s.closeDialog);
  const showView = useWorkbench((s) => s.showView);
  const view = useWorkbench((s) => s.view);
  const sideVisible = useWorkbench((s) => s.sideVisible);
  const log = useWorkbench((s) => s.log);
  const clusters = useClusters((s) => s.clusters);
  const refresh = useClusters((s) => s.refresh);
  const [form, setForm] = useState<DeployForm>(() => ({ ...EMPTY, ...initial }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WeirErrorData | null>(null);

  useEffect(() => {
    void refresh().catch((e: unknown) => setError(toErrorData(e)));
  }, [refresh]);
  useEffect(() => {
    if (clusters.length > 0 && !clusters.some((c) => c.id === form.clusterId)) setForm((f) => ({ ...f, clusterId: clusters[0]!.id }));
  }, [clusters, form.clusterId]);

  const cluster = clusters.find((c) => c.id === form.clusterId);
  const { options, badLines } = deployOptions(form);

  const submit = async (call: () => Promise<Deployment>) => {
    if (!cluster) return;
    setBusy(true);
    setError(null);
    try {
      const deployment = await call();
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

  return {
    clusters,
    cluster,
    form,
    patch: useCallback((p: Partial<DeployForm>) => setForm((f) => ({ ...f, ...p })), []),
    options,
    badLines,
    busy,
    error,
    submit,
    close: () => !busy && close(),
  };
}
