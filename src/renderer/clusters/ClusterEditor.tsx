import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { toErrorData } from '../errors/error-data.js';
import { ErrorView } from '../errors/ErrorView.js';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';
import { Field } from '../workbench/Field.js';
import { ClusterTestResult } from './ClusterTestResult.js';
import { formFromCluster, formToInput, type ClusterForm } from './cluster-form-model.js';
import { StandaloneFields } from './StandaloneFields.js';
import { VariablesTable } from './VariablesTable.js';
import { YarnFields } from './YarnFields.js';

/** A cluster's settings as an editor tab: add or edit, test the connection, remove. */
export function ClusterEditor({ tabKey, clusterId }: { tabKey: string; clusterId: number | null }) {
  const { t } = useTranslation();
  const cluster = useClusters((s) => (clusterId === null ? null : (s.clusters.find((c) => c.id === clusterId) ?? null)));
  const loaded = useClusters((s) => s.loaded);
  const refresh = useClusters((s) => s.refresh);
  const save = useClusters((s) => s.save);
  const remove = useClusters((s) => s.remove);
  const test = useClusters((s) => s.test);
  const testState = useClusters((s) => (clusterId === null ? undefined : s.tests[clusterId]));
  const retarget = useWorkbench((s) => s.retargetCluster);
  const closeTab = useWorkbench((s) => s.closeTab);
  const initial = useMemo(() => formFromCluster(cluster), [cluster]);
  const [form, setForm] = useState<ClusterForm>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WeirErrorData | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  useEffect(() => {
    if (!loaded) void refresh().catch(() => undefined);
  }, [loaded, refresh]);
  // A saved (or reloaded) cluster resets the form: write-only fields go back to empty.
  useEffect(() => setForm(initial), [initial]);

  const patch = (p: Partial<ClusterForm>) => setForm((f) => ({ ...f, ...p }));
  const dirty = clusterId === null || JSON.stringify(form) !== JSON.stringify(initial);

  const submit = async (): Promise<number | null> => {
    setBusy(true);
    setError(null);
    try {
      const saved = await save(clusterId ?? undefined, formToInput(form));
      if (clusterId === null) retarget(tabKey, saved.id);
      return saved.id;
    } catch (e) {
      setError(toErrorData(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  const testConnection = async () => {
    const id = dirty ? await submit() : clusterId;
    if (id !== null) await test(id);
  };

  const doRemove = async () => {
    if (clusterId === null) return;
    setBusy(true);
    try {
      await remove(clusterId);
      closeTab(tabKey);
    } catch (e) {
      setError(toErrorData(e));
      setBusy(false);
    }
  };

  return (
    <form className="page cluster-editor" data-testid="cluster-editor" onSubmit={onSubmit} aria-label={t('clusters.form.title')}>
      <h1>{cluster ? cluster.name : t('clusters.form.new')}</h1>
      <div className="form-grid">
        <Field label={t('clusters.form.name')}>
          <input data-testid="cluster-name" value={form.name} onChange={(e) => patch({ name: e.target.value })} required />
        </Field>
        <Field label={t('clusters.form.kind')}>
          <select data-testid="cluster-kind" value={form.kind} disabled={clusterId !== null} onChange={(e) => patch({ kind: e.target.value as ClusterForm['kind'] })}>
            <option value="standalone">{t('clusters.kind.standalone')}</option>
            <option value="yarn">{t('clusters.kind.yarn')}</option>
          </select>
        </Field>
      </div>
      {form.kind === 'standalone' ? <StandaloneFields form={form} patch={patch} /> : <YarnFields form={form} patch={patch} />}
      <VariablesTable rows={form.variables} onChange={(variables) => patch({ variables })} />
      {error && <ErrorView error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="cluster-save" disabled={busy || !dirty}>
          {t('clusters.form.save')}
        </button>
        <button type="button" data-testid="cluster-test-connection" disabled={busy || testState?.running} onClick={() => void testConnection()}>
          {testState?.running ? t('clusters.testing') : t('clusters.testConnection')}
        </button>
        <span className="spacer" />
        {clusterId !== null &&
          (confirmRemove ? (
            <span className="confirm">
              {t('clusters.form.confirmRemove', { name: cluster?.name ?? '' })}
              <button type="button" className="danger" data-testid="cluster-remove-confirm" onClick={() => void doRemove()}>
                {t('clusters.form.remove')}
              </button>
              <button type="button" onClick={() => setConfirmRemove(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="danger" data-testid="cluster-remove" disabled={busy} onClick={() => setConfirmRemove(true)}>
              {t('clusters.form.remove')}
            </button>
          ))}
      </div>
      {clusterId !== null && testState && <ClusterTestResult clusterId={clusterId} state={testState} />}
    </form>
  );
}
