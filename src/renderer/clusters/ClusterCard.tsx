import { useTranslation } from 'react-i18next';
import type { ClusterView } from '../../shared/contract/clusters-schema.js';
import { ErrorView } from '../errors/ErrorView.js';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';

/** One registered cluster: kind, URL, and what its last connection test found. */
export function ClusterCard({ cluster }: { cluster: ClusterView }) {
  const { t } = useTranslation();
  const state = useClusters((s) => s.tests[cluster.id]);
  const test = useClusters((s) => s.test);
  const openCluster = useWorkbench((s) => s.openCluster);
  const result = state?.result ?? null;
  const overview = result?.rest?.overview;
  // This session's test first; else the verdict the catalog kept (a failing cluster stays marked failing).
  const kept = cluster.lastTest;
  const firstError =
    state?.error ?? (result ? [result.rest, result.gateway, result.resourceManager, result.ssh].find((p) => p && !p.ok)?.error : kept?.error) ?? null;
  const ok = result ? result.ok : state?.error ? false : (kept?.ok ?? null);
  const health = state?.running ? 'warn' : ok === true ? 'ok' : ok === false ? 'bad' : 'off';
  return (
    <div className="cluster-card" data-testid="cluster-card" data-name={cluster.name} data-health={health}>
      <div className="cluster-name">
        <span className={`health ${health}`} aria-hidden="true" />
        <button type="button" className="link" data-testid="cluster-edit" onClick={() => openCluster(cluster.id)}>
          {cluster.name}
        </button>
        <span className="kind-tag">{t(`clusters.kind.${cluster.kind}`)}</span>
        {ok === false && !state?.running && (
          <span className="failing-tag" data-testid="cluster-failing">
            {t('clusters.failing')}
          </span>
        )}
      </div>
      <div className="muted mono">{cluster.kind === 'yarn' ? cluster.yarn?.rmUrl : cluster.restUrl}</div>
      {overview && (
        <div className="muted" data-testid="cluster-overview">
          {t('clusters.overview', {
            version: overview.flinkVersion,
            available: overview.slotsAvailable,
            total: overview.slotsTotal,
            jobs: overview.jobsRunning,
          })}
        </div>
      )}
      {firstError && <ErrorView error={firstError} compact />}
      <div className="card-actions">
        <button type="button" data-testid="cluster-test" disabled={state?.running} onClick={() => void test(cluster.id)}>
          {state?.running ? t('clusters.testing') : t('clusters.test')}
        </button>
        <button type="button" onClick={() => openCluster(cluster.id)}>
          {t('clusters.edit')}
        </button>
      </div>
    </div>
  );
}
