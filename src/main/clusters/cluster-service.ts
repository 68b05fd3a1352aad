import type { ClusterTest, ClusterView, ParsedClusterInput } from '../../shared/contract/clusters-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { ClusterClients } from './cluster-clients.js';
import { probeCluster } from './cluster-probe.js';
import type { ClusterRegistry } from './cluster-registry.js';
import { probeEdgeNode } from './ssh/edge-node-probe.js';
import type { KnownHosts } from './ssh/known-hosts.js';

/** The clusters view and `weir cluster`: the registry plus connection tests and host-key trust. */
export class ClusterService {
  constructor(
    readonly registry: ClusterRegistry,
    private readonly clients: ClusterClients,
    private readonly knownHosts: KnownHosts,
  ) {}

  list(): ClusterView[] {
    return this.registry.list();
  }

  save(input: ParsedClusterInput, id?: number): ClusterView {
    return this.registry.save(input, id);
  }

  remove(id: number): { removed: number } {
    this.registry.remove(id);
    return { removed: id };
  }

  async test(id: number): Promise<ClusterTest> {
    const result = await this.probe(id);
    const failed = [result.rest, result.gateway, result.resourceManager, result.ssh].find((p) => p && !p.ok);
    this.registry.recordTest(id, result.ok, failed?.error);
    return result;
  }

  private probe(id: number): Promise<ClusterTest> {
    const access = this.registry.access(id);
    return probeCluster(
      access,
      { rest: () => this.clients.rest(id), gateway: () => this.clients.gateway(id) },
      async (ssh, cluster) => {
        const { flinkHome, ...target } = ssh;
        const probe = await probeEdgeNode({ ...target, cluster }, flinkHome, this.knownHosts);
        return {
          ok: probe.ok,
          millis: probe.millis,
          ...(probe.hostKey ? { hostKey: probe.hostKey } : {}),
          ...(probe.flinkVersion ? { flinkVersion: probe.flinkVersion } : {}),
          ...(probe.error
            ? { error: { code: probe.error.code, params: { ...probe.error.params }, ...(probe.error.details ? { details: [...probe.error.details] } : {}) } }
            : {}),
        };
      },
    );
  }

  /**
   * Trusts the edge node's key the user checked. Only a first key: a host whose key changed is
   * refused here too, so a changed key is never accepted with one click.
   */
  trustHostKey(id: number, keyType: string, fingerprint: string): { trusted: boolean } {
    const cluster = this.registry.get(id);
    if (!cluster.yarn) throw new WeirError('clusters.no-ssh', { cluster: cluster.name });
    const { host, port } = cluster.yarn;
    const known = this.knownHosts.check(host, port, keyType, fingerprint);
    if (known.status === 'changed') {
      throw new WeirError('ssh.host-key-changed', { cluster: cluster.name, host, port, fingerprint, trusted: known.trustedFingerprint ?? '' });
    }
    this.knownHosts.trust(host, port, keyType, fingerprint);
    return { trusted: true };
  }
}
