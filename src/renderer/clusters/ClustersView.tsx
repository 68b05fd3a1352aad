import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';
import { ClusterCard } from './ClusterCard.js';
import { LocalStackPanel } from './LocalStackPanel.js';

/** Registered clusters (standalone, YARN) and the local stack's "Local" cluster. */
export function ClustersView() {
  const { t } = useTranslation();
  const clusters = useClusters((s) => s.clusters);
  const loaded = useClusters((s) => s.loaded);
  const refresh = useClusters((s) => s.refresh);
  const test = useClusters((s) => s.test);
  const report = useWorkbench((s) => s.report);
  const openCluster = useWorkbench((s) => s.openCluster);

  useEffect(() => {
    refresh().then(
      // Each cluster's version, slots and jobs come from a connection test.
      () => undefined,
      (error: unknown) => report(error),
    );
  }, [refresh, report]);

  useEffect(() => {
    for (const c of clusters) void test(c.id);
    // Test once per cluster id list, not on each list refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clusters.map((c) => c.id).join(',')]);

  return (
    <div className="clusters" data-testid="clusters">
      <div className="explorer-actions">
        <button type="button" data-testid="add-cluster" onClick={() => openCluster(null)}>
          {t('clusters.add')}
        </button>
      </div>
      {loaded && clusters.length === 0 && <p className="placeholder">{t('clusters.none')}</p>}
      <ul className="cluster-list" aria-label={t('views.clusters.title')}>
        {clusters.map((c) => (
          <li key={c.id}>
            <ClusterCard cluster={c} />
          </li>
        ))}
      </ul>
      <LocalStackPanel />
    </div>
  );
}
