import type { ClusterOverview, ClusterTest } from '../../shared/contract/clusters-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { ClusterAccess } from './cluster-registry.js';
import type { FlinkRestClient } from './flink/flink-rest-client.js';
import type { SqlGatewayClient } from './gateway/sql-gateway-client.js';
import { ClusterHttp } from './http/cluster-http.js';

type ErrorData = NonNullable<NonNullable<ClusterTest['rest']>['error']>;
type Probe<T> = { ok: boolean; millis: number; error?: ErrorData } & Partial<T>;

export function errorData(error: unknown): ErrorData {
  const data = error instanceof WeirError ? error.toData() : { code: 'internal', params: { message: String(error) } };
  return { code: data.code, params: { ...data.params }, ...(data.details ? { details: [...data.details] } : {}) };
}

/** The SSH part of a YARN cluster's test, given by the edge-node prober. */
export type EdgeNodeProbe = (access: NonNullable<ClusterAccess['ssh']>, cluster: string) => Promise<NonNullable<ClusterTest['ssh']>>;

/**
 * "Test connection": each part of the cluster probed on its own, so the user sees which one
 * fails (JobManager REST, SQL Gateway, YARN ResourceManager, SSH edge node) and why.
 */
export async function probeCluster(
  access: ClusterAccess,
  clients: { rest: () => FlinkRestClient; gateway: () => SqlGatewayClient },
  edgeNode: EdgeNodeProbe,
): Promise<ClusterTest> {
  const result: ClusterTest = { ok: true };
  if (access.rest) {
    result.rest = await timed(async () => ({ overview: await clusterOverview(clients.rest()) }));
  }
  if (access.gateway) {
    result.gateway = await timed(async () => {
      const info = await clients.gateway().info();
      return info.version ? { version: info.version } : {};
    });
  }
  if (access.view.yarn) {
    const rm = new ClusterHttp({ cluster: access.view.name, baseUrl: access.view.yarn.rmUrl, timeoutMs: 10_000 });
    result.resourceManager = await timed(async () => {
      const reply = (await rm.call('GET', '/ws/v1/cluster/info')) as { clusterInfo?: { hadoopVersion?: string } };
      return reply.clusterInfo?.hadoopVersion ? { version: reply.clusterInfo.hadoopVersion } : {};
    }).finally(() => rm.close());
  }
  if (access.ssh) result.ssh = await edgeNode(access.ssh, access.view.name);
  result.ok = [result.rest, result.gateway, result.resourceManager, result.ssh].every((p) => !p || p.ok);
  return result;
}

/** Version from `/config`, capacity and running jobs from `/overview`. */
export async function clusterOverview(client: FlinkRestClient): Promise<ClusterOverview> {
  const [config, o] = await Promise.all([client.config(), client.overview()]);
  return {
    flinkVersion: config['flink-version'] ?? o['flink-version'] ?? '?',
    taskManagers: o.taskmanagers ?? 0,
    slotsTotal: o['slots-total'] ?? 0,
    slotsAvailable: o['slots-available'] ?? 0,
    jobsRunning: o['jobs-running'] ?? 0,
  };
}

async function timed<T extends object>(fn: () => Promise<T>): Promise<Probe<T>> {
  const started = performance.now();
  try {
    const value = await fn();
    return { ok: true, millis: Math.round(performance.now() - started), ...value };
  } catch (error) {
    return { ok: false, millis: Math.round(performance.now() - started), error: errorData(error) } as Probe<T>;
  }
}
