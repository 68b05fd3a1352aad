import { randomBytes } from 'node:crypto';
import type { Deployment, Savepoint } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Logger } from '../app/logger.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import type { FlinkRestClient } from '../clusters/flink/flink-rest-client.js';
import type { DeployService } from '../deploy/deploy-service.js';
import type { DeploymentStore } from '../deploy/deployment-store.js';
import type { SavepointStore } from './savepoint-store.js';

const SAVEPOINT_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 500;
const TASKS_START_TIMEOUT_MS = 60_000;
const STARTING = new Set(['CREATED', 'SCHEDULED', 'DEPLOYING', 'INITIALIZING']);
const ACTIVE = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'RESTARTING', 'RECONCILING', 'CANCELLING']);

export type RestartFrom = { kind: 'latest' } | { kind: 'path'; path: string } | { kind: 'none' };

/**
 * What operators do to running jobs: stop with a savepoint, cancel, trigger a savepoint,
 * restart from a savepoint, roll back to an earlier deployment's SQL. Savepoints are recorded
 * in the catalog before they are triggered, with a trigger id Weir chooses, so a lost reply
 * still leaves a row that says what was asked.
 */
export class JobActions {
  constructor(
    private readonly d: {
      clients: ClusterClients;
      deployments: DeploymentStore;
      savepoints: SavepointStore;
      deploy: DeployService;
      log: Logger;
      /** Ask the monitor to look now. */
      changed: (clusterId: number) => void;
    },
  ) {}

  async cancel(clusterId: number, jobId: string): Promise<void> {
    await this.d.clients.rest(clusterId).cancel(jobId);
    this.d.changed(clusterId);
  }

  savepoint(clusterId: number, jobId: string): Promise<Savepoint> {
    return this.takeSavepoint(clusterId, jobId, 'savepoint');
  }

  async stop(clusterId: number, jobId: string, withSavepoint: boolean, drain = false): Promise<Savepoint | null> {
    if (!withSavepoint) {
      await this.cancel(clusterId, jobId);
      return null;
    }
    return this.takeSavepoint(clusterId, jobId, 'stop', drain);
  }

  /**
   * Restarts a job Weir deployed: a running job is first stopped with a savepoint (which then
   * is the one restored unless another is named); the same frozen SQL is submitted again.
   */
  async restart(clusterId: number, jobId: string, from: RestartFrom): Promise<Deployment> {
    const deployment = this.deploymentOf(clusterId, jobId);
    const taken = (await this.isActive(clusterId, jobId)) ? await this.takeSavepoint(clusterId, jobId, 'stop') : null;
    let fromSavepoint: string | undefined;
    if (from.kind === 'path') fromSavepoint = from.path;
    else if (from.kind === 'latest') fromSavepoint = taken?.location ?? this.latestOfLineage(deployment);
    return this.d.deploy.redeploy(
      deployment,
      { ...deployment.options, ...(fromSavepoint ? { fromSavepoint } : { fromSavepoint: undefined }) },
      deployment.id,
    );
  }

  /**
   * Rolls back to what an earlier deployment ran: the current job of the same file (or name)
   * on that cluster is stopped with a savepoint, and the earlier SQL starts from it, allowing
   * state the older SQL has no operator for.
   */
  async rollback(targetId: number): Promise<Deployment> {
    const target = this.d.deployments.get(targetId);
    const current = this.d.deployments
      .list({ clusterId: target.clusterId, ...(target.fileId !== null ? { fileId: target.fileId } : {}) })
      .find((d) => d.jobId && (target.fileId !== null || d.jobName === target.jobName) && ACTIVE.has(d.status));
    let fromSavepoint: string | undefined;
    if (current?.jobId && (await this.isActive(current.clusterId, current.jobId))) {
      fromSavepoint = (await this.takeSavepoint(current.clusterId, current.jobId, 'stop')).location ?? undefined;
    }
    return this.d.deploy.redeploy(
      target,
      { ...target.options, fromSavepoint, allowNonRestoredState: fromSavepoint !== undefined },
      current?.id ?? target.id,
    );
  }

  private async takeSavepoint(clusterId: number, jobId: string, kind: 'savepoint' | 'stop', drain = false): Promise<Savepoint> {
    const client = this.d.clients.rest(clusterId);
    await this.awaitTasksStarted(client, jobId);
    const triggerId = randomBytes(16).toString('hex');
    const record = this.d.savepoints.begin({
      clusterId,
      jobId,
      deploymentId: this.d.deployments.byJob(clusterId, jobId)?.id ?? null,
      triggerId,
      kind,
    });
    try {
      if (kind === 'stop') await client.stopWithSavepoint(jobId, { triggerId, drain });
      else await client.triggerSavepoint(jobId, { triggerId, 'cancel-job': false });
    } catch (error) {
      // The trigger id makes a retry of the same request safe; one retry covers a lost reply.
      if (!(error instanceof WeirError && (error.code === 'cluster.timeout' || error.code === 'cluster.unreachable'))) {
        this.d.savepoints.finish(record.id, { error: describe(error) });
        throw error;
      }
      if (kind === 'stop') await client.stopWithSavepoint(jobId, { triggerId, drain });
      else await client.triggerSavepoint(jobId, { triggerId, 'cancel-job': false });
    }
    const done = await this.awaitSavepoint(client, jobId, triggerId, record.id);
    // The savepoint completes a moment before the job ends; callers (restart, rollback) need it ended.
    if (kind === 'stop') await this.awaitEnd(client, jobId);
    this.d.changed(clusterId);
    return done;
  }

  private async awaitSavepoint(client: FlinkRestClient, jobId: string, triggerId: string, recordId: number): Promise<Savepoint> {
    const deadline = Date.now() + SAVEPOINT_TIMEOUT_MS;
    for (;;) {
      const reply = await client.savepointStatus(jobId, triggerId);
      if (reply.status?.id === 'COMPLETED') {
        const operation = (reply.operation ?? {}) as { location?: string; 'failure-cause'?: { 'stack-trace'?: string; 'class'?: string } };
        if (operation.location) return this.d.savepoints.finish(recordId, { location: operation.location });
        const cause = operation['failure-cause'];
        const message = firstLine(cause?.['stack-trace'] ?? cause?.class ?? 'unknown failure');
        this.d.savepoints.finish(recordId, { error: message });
        throw new WeirError('jobs.savepoint-failed', { job: jobId }, { details: [message] });
      }
      if (Date.now() > deadline) throw new WeirError('jobs.savepoint-timeout', { job: jobId, minutes: SAVEPOINT_TIMEOUT_MS / 60_000 });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * A job is RUNNING before its tasks are: Flink refuses a savepoint until every task runs
   * ("Not all required tasks are currently running"), so a stop right after a start waits.
   */
  private async awaitTasksStarted(client: FlinkRestClient, jobId: string): Promise<void> {
    const deadline = Date.now() + TASKS_START_TIMEOUT_MS;
    for (;;) {
      const job = await client.job(jobId);
      const starting = (job.vertices ?? []).some((v) => STARTING.has(v.status ?? ''));
      if (!starting || job.state !== 'RUNNING' || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS / 2));
    }
  }

  private async awaitEnd(client: FlinkRestClient, jobId: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (ACTIVE.has((await client.job(jobId)).state ?? '')) {
      if (Date.now() > deadline) throw new WeirError('jobs.stop-timeout', { job: jobId, seconds: 60 });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS / 2));
    }
  }

  private async isActive(clusterId: number, jobId: string): Promise<boolean> {
    const job = await this.d.clients.rest(clusterId).job(jobId);
    return ACTIVE.has(job.state ?? '');
  }

  private deploymentOf(clusterId: number, jobId: string): Deployment {
    const deployment = this.d.deployments.byJob(clusterId, jobId);
    if (!deployment) throw new WeirError('jobs.not-from-weir', { job: jobId });
    return deployment;
  }

  /** The newest savepoint of this deployment or the ones it was restarted from. */
  private latestOfLineage(deployment: Deployment): string {
    const latest = this.d.savepoints.latest(deployment.clusterId, this.d.deployments.lineageJobIds(deployment));
    if (!latest?.location) throw new WeirError('deploy.no-savepoint', { cluster: deployment.clusterName });
    return latest.location;
  }
}

function describe(error: unknown): string {
  return error instanceof WeirError ? `${error.code} ${error.details.join(' | ')}`.trim() : String(error);
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? text).trim().slice(0, 500);
}
