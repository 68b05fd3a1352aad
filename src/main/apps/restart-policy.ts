import type { Application } from '../../shared/contract/apps-schema.js';
import type { Deployment, JobRow } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import type { DeploymentStore } from '../deploy/deployment-store.js';
import type { JobActions, RestartFrom } from '../jobs/job-actions.js';
import type { SavepointStore } from '../jobs/savepoint-store.js';
import type { ApplicationStore } from './application-store.js';

/**
 * Restarts an application whose current run FAILED, as its policy says (up to N restarts within
 * a window), from the failed run's latest retained checkpoint, else the newest savepoint of its
 * runs, else empty state. Every automatic action, and giving up, is an event in its history.
 * A failed run is handled once: its event marks it, so a restart that fails is not retried in a loop.
 */
export class RestartPolicyRunner {
  private readonly busy = new Set<number>();

  constructor(
    private readonly d: {
      apps: ApplicationStore;
      jobs: JobActions;
      clients: ClusterClients;
      deployments: DeploymentStore;
      savepoints: SavepointStore;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /** After each monitor tick of a cluster, with the jobs it listed. */
  async check(clusterId: number, jobs: readonly JobRow[]): Promise<void> {
    const failed = new Set(jobs.filter((j) => j.state === 'FAILED').map((j) => j.jobId));
    if (failed.size === 0) return;
    for (const app of this.d.apps.withRestartPolicy(clusterId)) {
      const current = app.current;
      if (!current?.jobId || !failed.has(current.jobId) || this.busy.has(app.id)) continue;
      this.busy.add(app.id);
      try {
        await this.handle(app, current);
      } finally {
        this.busy.delete(app.id);
      }
    }
  }

  private async handle(app: Application, failed: Deployment): Promise<void> {
    const policy = app.restartPolicy;
    if (policy.mode === 'off') return;
    const events = this.d.apps.events(app.id);
    if (events.some((e) => e.deploymentId === failed.id)) return;
    const since = this.d.clock().getTime() - policy.windowMinutes * 60_000;
    const recent = events.filter((e) => e.kind === 'auto-restart' && Date.parse(e.createdAt) >= since).length;
    if (recent >= policy.maxRestarts) {
      this.d.apps.addEvent(app.id, 'gave-up', failed.id, `${recent}/${policy.maxRestarts} in ${policy.windowMinutes} min`);
      this.d.log.warn(`application ${app.name} on ${app.clusterName}: failed again, ${recent} restarts within ${policy.windowMinutes} min; not restarting`);
      return;
    }
    try {
      const from = await this.restorePoint(failed);
      const next = await this.d.jobs.restart(failed.clusterId, failed.jobId!, from);
      this.d.apps.addEvent(app.id, 'auto-restart', failed.id, `${failed.jobId} → ${next.jobId ?? ''} ${next.options.fromSavepoint ?? ''}`.trim());
      this.d.log.info(`application ${app.name} on ${app.clusterName}: job ${failed.jobId} failed, restarted as ${next.jobId}`);
    } catch (error) {
      const why = error instanceof WeirError ? `${error.code} ${error.details.join(' | ')}`.trim() : String(error);
      this.d.apps.addEvent(app.id, 'restart-failed', failed.id, why);
      this.d.log.warn(`application ${app.name} on ${app.clusterName}: restart by policy failed: ${why}`);
    }
  }

  private async restorePoint(failed: Deployment): Promise<RestartFrom> {
    const checkpoints = await this.d.clients
      .rest(failed.clusterId)
      .jobCheckpoints(failed.jobId!)
      .catch(() => null);
    const path = (checkpoints?.latest?.completed as { external_path?: string } | undefined)?.external_path;
    if (path && !path.startsWith('<')) return { kind: 'path', path };
    const savepoint = this.d.savepoints.latest(failed.clusterId, this.d.deployments.lineageJobIds(failed));
    return savepoint?.location ? { kind: 'path', path: savepoint.location } : { kind: 'none' };
  }
}
