import { clusterInput, type ClusterView } from '../../shared/contract/clusters-schema.js';
import type { LocalCluster } from '../../shared/contract/contract.js';
import type { ClusterRegistry } from '../clusters/cluster-registry.js';
import type { SettingsService } from '../settings/settings-service.js';

const FLAG = 'localClusterRegistered';

/**
 * The local stack's Flink session cluster, registered once as the cluster "Local" the first time
 * it answers: from then on it is a cluster like any other (editable, removable). Once registered,
 * never again by itself: a user who removed it keeps it removed ("Add as cluster" brings it back).
 */
export function registerLocalCluster(registry: ClusterRegistry, settings: SettingsService, local: LocalCluster): ClusterView | null {
  if (settings.flag(FLAG)) return null;
  const restUrl = local.restUrl.replace(/\/+$/, '');
  const existing = registry.list().find((c) => c.restUrl === restUrl);
  let registered: ClusterView | null = null;
  if (!existing) {
    const taken = new Set(registry.list().map((c) => c.name.toLowerCase()));
    let name = 'Local';
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Local ${n}`;
    registered = registry.save(clusterInput.parse({ kind: 'standalone', name, restUrl, gatewayUrl: local.gatewayUrl, variables: [] }));
  }
  settings.setFlag(FLAG);
  return registered;
}
