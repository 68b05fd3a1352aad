import type { JobDetail, JobState } from '../../shared/contract/jobs-schema.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import type { DeploymentStore } from '../deploy/deployment-store.js';
import type { SavepointStore } from './savepoint-store.js';

/** Log files are tailed: a TaskManager log of a long-running job can be gigabytes. */
const LOG_TAIL_CHARS = 512 * 1024;

/**
 * The job page: state history, vertices with parallelism and backpressure, checkpoints,
 * exceptions, and the deployment and savepoints Weir knows of. One request per part, in
 * parallel; backpressure is sampled by Flink on demand, so a vertex may say "not measured yet".
 */
export class JobDetails {
  constructor(
    private readonly d: { clients: ClusterClients; deployments: DeploymentStore; savepoints: SavepointStore },
  ) {}

  /**
   * Where a stop with savepoint will write: the job's own setting (deployed with extra Flink
   * configuration), else its JobManager's; null when neither names one (the stop would fail).
   */
  async savepointTarget(clusterId: number, jobId: string): Promise<string | null> {
    const keys = ['execution.checkpointing.savepoint-dir', 'state.savepoints.dir'];
    const own = this.d.deployments.byJob(clusterId, jobId)?.options.flinkConfig ?? {};
    for (const key of keys) if (own[key]) return own[key];
    const config = (await this.d.clients.rest(clusterId).jobManagerConfig(jobId)) as { key?: string; value?: string }[];
    for (const key of keys) {
      const entry = config.find((e) => e.key === key && e.value);
      if (entry?.value) return entry.value;
    }
    return null;
  }

  async get(clusterId: number, jobId: string): Promise<JobDetail> {
    const client = this.d.clients.rest(clusterId);
    const [job, checkpoints, exceptions] = await Promise.all([
      client.job(jobId),
      client.jobCheckpoints(jobId).catch(() => null),
      client.jobExceptions(jobId).catch(() => null),
    ]);
    const vertices = await Promise.all(
      (job.vertices ?? []).map(async (v) => {
        const pressure = v.id ? await client.vertexBackpressure(jobId, v.id).catch(() => null) : null;
        const level = pressure && pressure.status === 'ok' ? (pressure.backpressureLevel ?? null) : null;
        return {
          id: v.id ?? '',
          name: v.name ?? '',
          parallelism: v.parallelism ?? 0,
          status: v.status ?? '',
          backpressure: level,
          recordsIn: v.metrics?.['read-records'] ?? 0,
          recordsOut: v.metrics?.['write-records'] ?? 0,
        };
      }),
    );
    const stateHistory = Object.entries(job.timestamps ?? {})
      .filter(([, at]) => typeof at === 'number' && at > 0)
      .map(([state, at]) => ({ state, at: at as number }))
      .sort((a, b) => a.at - b.at);
    const counts = checkpoints?.counts ?? {};
    const latest = checkpoints?.latest;
    const completed = latest?.completed;
    const failed = latest?.failed;
    const deployment = this.d.deployments.byJob(clusterId, jobId);
    const history = (exceptions?.exceptionHistory?.entries ?? []).map((e) => ({
      at: e.timestamp ?? 0,
      name: e.exceptionName ?? '',
      stack: e.stacktrace ?? '',
      where: e.taskName ?? null,
    }));
    return {
      clusterId,
      jobId,
      name: job.name ?? '',
      state: (job.state ?? 'CREATED') as JobState,
      stateHistory,
      vertices,
      checkpoints: {
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        inProgress: counts.in_progress ?? 0,
        latest: completed
          ? {
              id: completed.id ?? 0,
              at: completed.latest_ack_timestamp ?? 0,
              sizeBytes: completed.checkpointed_size ?? completed.state_size ?? 0,
              durationMs: completed.end_to_end_duration ?? 0,
              path: completed.external_path ?? null,
            }
          : null,
        latestFailed: failed ? { id: failed.id ?? 0, at: failed.failure_timestamp ?? 0, message: failed.failure_message ?? null } : null,
        latestSavepoint: latest?.savepoint?.external_path ?? null,
        restoredFrom: latest?.restored?.external_path ?? null,
      },
      exceptions: history,
      deployment,
      // The savepoints of this job and of the runs it was restarted from: what a restart can use.
      savepoints: this.d.savepoints.list({ clusterId, jobIds: deployment ? this.d.deployments.lineageJobIds(deployment) : [jobId] }),
    };
  }

  async logs(clusterId: number): Promise<{ source: string; name: string; size: number }[]> {
    const client = this.d.clients.rest(clusterId);
    const [jm, tms] = await Promise.all([client.jobManagerLogs(), client.taskManagers()]);
    const files = (jm.logs ?? []).map((l) => ({ source: 'jobmanager', name: l.name ?? '', size: l.size ?? 0 }));
    for (const tm of tms.taskmanagers ?? []) {
      if (!tm.id) continue;
      const logs = await client.taskManagerLogs(tm.id).catch(() => ({ logs: [] }));
      for (const l of logs.logs ?? []) files.push({ source: tm.id, name: l.name ?? '', size: l.size ?? 0 });
    }
    return files;
  }

  async logFile(clusterId: number, source: string, name: string): Promise<string> {
    const client = this.d.clients.rest(clusterId);
    const text = await client.logFile(source === 'jobmanager' ? { jobManager: true } : { taskManager: source }, name);
    return text.length > LOG_TAIL_CHARS ? text.slice(text.length - LOG_TAIL_CHARS) : text;
  }
}
