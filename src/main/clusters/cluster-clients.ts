import { WeirError } from '../../shared/errors/weir-error.js';
import type { ClusterRegistry } from './cluster-registry.js';
import { FlinkRestClient } from './flink/flink-rest-client.js';
import { SqlGatewayClient } from './gateway/sql-gateway-client.js';

/**
 * One REST and one gateway client per cluster, kept while the cluster's settings are unchanged
 * (connection pools survive across monitor ticks); a saved cluster gets fresh clients.
 */
export class ClusterClients {
  private readonly rests = new Map<number, { stamp: string; client: FlinkRestClient }>();
  private readonly gateways = new Map<number, { stamp: string; client: SqlGatewayClient }>();

  constructor(private readonly registry: ClusterRegistry) {}

  rest(clusterId: number): FlinkRestClient {
    // Secrets are decrypted only when the settings changed, not on every monitor tick.
    const cached = this.rests.get(clusterId);
    if (cached && cached.stamp === this.registry.stamp(clusterId)) return cached.client;
    const access = this.registry.access(clusterId);
    if (!access.rest) throw new WeirError('clusters.no-rest', { cluster: access.view.name, kind: `clusters.kind.${access.view.kind}` });
    void cached?.client.close();
    const client = new FlinkRestClient(access.rest);
    this.rests.set(clusterId, { stamp: access.view.updatedAt, client });
    return client;
  }

  gateway(clusterId: number): SqlGatewayClient {
    const cached = this.gateways.get(clusterId);
    if (cached && cached.stamp === this.registry.stamp(clusterId)) return cached.client;
    const access = this.registry.access(clusterId);
    if (!access.gateway) throw new WeirError('clusters.no-gateway', { cluster: access.view.name });
    void cached?.client.close();
    const client = new SqlGatewayClient(access.gateway);
    this.gateways.set(clusterId, { stamp: access.view.updatedAt, client });
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.rests.values(), ...this.gateways.values()].map((c) => c.client.close()));
    this.rests.clear();
    this.gateways.clear();
  }
}
