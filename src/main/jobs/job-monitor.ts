import { PREVIEW_JOB_PREFIX, type ClusterJobs, type JobRow, type JobsSnapshot, type JobState } from '../../shared/contract/jobs-schema.js';
import { errorData } from '../clusters/cluster-probe.js';
import type { Clock } from '../app/clock.js';
import type { EventSink } from '../app/events.js';
import type { Logger } from '../app/logger.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import type { JobOverview } from '../clusters/flink/flink-rest-client.js';
import type { ClusterRegistry } from '../clusters/cluster-registry.js';
import type { DeploymentStore } from '../deploy/deployment-store.js';

export const DEFAULT_TICK_MS = 2000;

/**
 * Watches every cluster's jobs with exactly one `/jobs/overview` request per cluster per tick
 * (never one per job), so jobs started outside Weir appear too. A cluster that does not answer
 * is shown unreachable with no jobs rather than with stale states: Weir never claims a state the
 * cluster did not report in the last tick. Job states are written to the deployments they
 * belong to, which also settles deployments whose submission reply was lost.
 */
export class JobMonitor {
  private snapshotByCluster = new Map<number, ClusterJobs>();
  private readonly inFlight = new Map<number, Promise<ClusterJobs>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly d: {
      clusters: ClusterRegistry;
      clients: ClusterClients;
      deployments: DeploymentStore;
      emit: EventSink;
      clock: Clock;
      log: Logger;
      tickMs?: number;
      /** Told of each reachable cluster's jobs after a tick (the restart policy acts on failures). */
      afterTick?: (clusterId: number, jobs: readonly JobRow[]) => void;
    },
  ) {}

  start(): void {
    if (this.timer) return;
    const tick = () => {
      void this.refresh().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.d.tickMs ?? DEFAULT_TICK_MS);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The last tick's view; `refresh` first when nothing was fetched yet. */
  async snapshot(): Promise<JobsSnapshot> {
    if (this.snapshotByCluster.size === 0) return this.refresh();
    return this.view();
  }

  /** Fetches every cluster (or one) now; announces `jobs.changed` when anything differs. */
  async refresh(only?: number): Promise<JobsSnapshot> {
    const all = this.d.clusters.list();
    const clusters = all.filter((c) => c.restUrl !== null && (only === undefined || c.id === only));
    const known = new Set(all.map((c) => c.id));
    let changed = false;
    for (const id of [...this.snapshotByCluster.keys()]) {
      if (!known.has(id)) {
        this.snapshotByCluster.delete(id);
        changed = true;
      }
    }
    const results = await Promise.all(clusters.map((c) => this.fetchCluster(c.id, c.name)));
    for (const result of results) {
      const before = this.snapshotByCluster.get(result.clusterId);
      if (!before || !sameJobs(before, result)) changed = true;
      this.snapshotByCluster.set(result.clusterId, result);
    }
    const snapshot = this.view();
    if (changed) this.d.emit('jobs.changed', snapshot);
    return snapshot;
  }

  private view(): JobsSnapshot {
    return { clusters: [...this.snapshotByCluster.values()].sort((a, b) => a.clusterName.localeCompare(b.clusterName)) };
  }

  private fetchCluster(clusterId: number, clusterName: string): Promise<ClusterJobs> {
    // A slow cluster keeps its one request; the next tick does not pile another on top.
    const pending = this.inFlight.get(clusterId);
    if (pending) return pending;
    const request = this.overview(clusterId, clusterName).finally(() => this.inFlight.delete(clusterId));
    this.inFlight.set(clusterId, request);
    return request;
  }

  private async overview(clusterId: number, clusterName: string): Promise<ClusterJobs> {
    const checkedAt = this.d.clock().toISOString();
    try {
      const reply = await this.d.clients.rest(clusterId).jobsOverview({ retries: 0, timeoutMs: 5000 });
      const index = this.d.deployments.jobIndex(clusterId);
      const jobs = (reply.jobs ?? []).map((j) => toRow(clusterId, j, index));
      jobs.sort((a, b) => b.startTime - a.startTime);
      this.d.deployments.recordStates(jobs.filter((j) => j.deploymentId !== null));
      this.d.deployments.markMissing(clusterId, new Set(jobs.map((j) => j.jobId)), checkedAt);
      this.d.afterTick?.(clusterId, jobs);
      return { clusterId, clusterName, reachable: true, error: null, checkedAt, jobs };
    } catch (error) {
      return { clusterId, clusterName, reachable: false, error: errorData(error), checkedAt, jobs: [] };
    }
  }
}

function toRow(clusterId: number, j: JobOverview, index: ReadonlyMap<string, { deploymentId: number; applicationId: number | null }>): JobRow {
  const tasks = j.tasks ?? {};
  const total = Object.values(tasks).reduce((sum, n) => sum + n, 0);
  const jobId = j.jid ?? '';
  const ours = index.get(jobId);
  return {
    clusterId,
    jobId,
    name: j.name ?? '',
    state: (j.state ?? 'CREATED') as JobState,
    startTime: j['start-time'] ?? 0,
    endTime: j['end-time'] ?? -1,
    duration: j.duration ?? 0,
    tasksTotal: tasks.total ?? total,
    tasksRunning: tasks.running ?? 0,
    deploymentId: ours?.deploymentId ?? null,
    applicationId: ours?.applicationId ?? null,
    preview: (j.name ?? '').startsWith(PREVIEW_JOB_PREFIX),
  };
}

function sameJobs(a: ClusterJobs, b: ClusterJobs): boolean {
  if (a.reachable !== b.reachable || a.jobs.length !== b.jobs.length || a.error?.code !== b.error?.code) return false;
  for (let i = 0; i < a.jobs.length; i++) {
    const x = a.jobs[i]!;
    const y = b.jobs[i]!;
    if (x.jobId !== y.jobId || x.state !== y.state || x.tasksRunning !== y.tasksRunning || x.endTime !== y.endTime || x.deploymentId !== y.deploymentId) {
      return false;
    }
  }
  return true;
}
