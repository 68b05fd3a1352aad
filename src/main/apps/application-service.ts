import { basename } from 'node:path';
import type { ApplicationDetail, Application, CompatibilityWarning, DeployMode, DeployPlan, RestartPolicy, RunningJob } from '../../shared/contract/apps-schema.js';
import type { Deployment, DeployOptions, JarJob, JobState } from '../../shared/contract/jobs-schema.js';
import { substituteVariables } from '../../shared/deploy/variables.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Logger } from '../app/logger.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import type { ClusterRegistry } from '../clusters/cluster-registry.js';
import { defaultJobName, type DeployService } from '../deploy/deploy-service.js';
import type { DeploymentStore } from '../deploy/deployment-store.js';
import type { FileService } from '../files/file-service.js';
import type { JobActions } from '../jobs/job-actions.js';
import type { SavepointStore } from '../jobs/savepoint-store.js';
import type { ApplicationStore } from './application-store.js';

const ENDED = new Set(['FINISHED', 'CANCELED', 'FAILED']);

export interface ApplicationDeps {
  readonly apps: ApplicationStore;
  readonly deployments: DeploymentStore;
  readonly savepoints: SavepointStore;
  readonly deploy: DeployService;
  readonly jobs: JobActions;
  readonly clients: ClusterClients;
  readonly clusters: ClusterRegistry;
  readonly files: FileService;
  readonly log: Logger;
  /** Why the new SQL's state may not restore from the old run's (src/shared/sql); none without it. */
  readonly compatibility?: (oldSql: string, newSql: string) => CompatibilityWarning[];
}

/**
 * Applications: a job's identity across its runs. Deploying under a name that runs on the
 * cluster (started by Weir or not) is never silent: it is refused unless the caller chose an
 * upgrade (stop with savepoint, start the new version from it) or a second instance.
 */
export class ApplicationService {
  constructor(private readonly d: ApplicationDeps) {}

  list(filter: { clusterId?: number | undefined } = {}): Application[] {
    return this.d.apps.list(filter);
  }

  setRestartPolicy(id: number, policy: RestartPolicy): Application {
    return this.d.apps.setRestartPolicy(id, policy);
  }

  /** By id, or by name (on one cluster, or on whichever cluster has the only one of that name). */
  show(ref: { id: number } | { name: string; clusterId?: number | undefined }): ApplicationDetail {
    let app: Application;
    if ('id' in ref) app = this.d.apps.get(ref.id);
    else {
      const found = this.d.apps.list({ name: ref.name, clusterId: ref.clusterId });
      if (found.length === 0) throw new WeirError('apps.not-found', { name: ref.name });
      if (found.length > 1) throw new WeirError('apps.ambiguous', { name: ref.name, clusters: found.map((a) => a.clusterName).join(', ') });
      app = found[0]!;
    }
    const deployments = this.d.deployments.list({ applicationId: app.id });
    const jobIds = deployments.flatMap((x) => (x.jobId ? [x.jobId] : []));
    return { ...app, deployments, savepoints: this.d.savepoints.list({ clusterId: app.clusterId, jobIds }), events: this.d.apps.events(app.id) };
  }

  /** What deploying the file would do: its application, the jobs of that name still running, the state risks. */
  async plan(fileId: number, clusterId: number, options: DeployOptions): Promise<DeployPlan> {
    const name = this.fileAppName(fileId, clusterId, options);
    const application = this.d.apps.byName(clusterId, name);
    const running = await this.running(clusterId, name, application);
    let compatibility: CompatibilityWarning[] = [];
    const current = application?.current;
    if (running.length > 0 && current && this.d.compatibility) {
      // Both sides as the catalog freezes them (variables filled, secrets left as placeholders),
      // so a `${table}` placeholder is compared by its value, as the old run had it.
      const { values, secret } = this.d.clusters.variables(clusterId);
      const next = substituteVariables(this.d.files.read(fileId).content, values, secret).frozen;
      compatibility = current.path === 'jar' ? [] : this.d.compatibility(this.d.deployments.sqlText(current.id), next);
    }
    return { name, application, running, compatibility };
  }

  async deployFile(fileId: number, clusterId: number, options: DeployOptions, mode?: DeployMode): Promise<Deployment> {
    const name = this.fileAppName(fileId, clusterId, options);
    const named = { ...options, jobName: name };
    // The script is checked before the cluster is asked: a broken script is refused the same way
    // whether the cluster answers or not, and an upgrade never stops a job for a script that cannot run.
    this.d.deploy.checkFile(fileId, clusterId, named);
    const upgrade = await this.guard(clusterId, name, mode);
    return this.d.deploy.deployFile(fileId, clusterId, upgrade ? { ...named, fromSavepoint: upgrade.savepoint } : named, upgrade?.parentId ?? null);
  }

  async deployJar(clusterId: number, jar: JarJob, options: DeployOptions, mode?: DeployMode): Promise<Deployment> {
    const name = options.jobName ?? basename(jar.jarPath).replace(/\.jar$/i, '');
    const named = { ...options, jobName: name };
    const upgrade = await this.guard(clusterId, name, mode);
    return this.d.deploy.deployJar(clusterId, jar, upgrade ? { ...named, fromSavepoint: upgrade.savepoint } : named, upgrade?.parentId ?? null);
  }

  /** Refuses, or for an upgrade stops the running job with a savepoint and says where the new run starts from. */
  private async guard(clusterId: number, name: string, mode: DeployMode | undefined): Promise<{ savepoint: string; parentId: number | null } | null> {
    const application = this.d.apps.byName(clusterId, name);
    const running = await this.running(clusterId, name, application);
    if (running.length === 0 || mode === 'new-instance') return null;
    const cluster = this.d.clusters.get(clusterId).name;
    const jobs = running.map((j) => j.jobId).join(', ');
    if (mode !== 'upgrade') {
      const ours = running.some((j) => j.fromApplication);
      throw new WeirError(ours ? 'apps.running' : 'apps.running-outside', { name, cluster, job: jobs });
    }
    if (running.length > 1) throw new WeirError('apps.many-running', { name, cluster, count: running.length, job: jobs });
    const job = running[0]!;
    const taken = await this.d.jobs.stop(clusterId, job.jobId, true);
    if (!taken?.location) throw new WeirError('jobs.savepoint-failed', { job: job.jobId });
    this.d.log.info(`upgrade of ${name} on ${cluster}: job ${job.jobId} stopped with savepoint ${taken.location}`);
    const parent = job.fromApplication ? this.d.deployments.byJob(clusterId, job.jobId) : null;
    return { savepoint: taken.location, parentId: parent?.id ?? null };
  }

  /** Jobs of that name the cluster has not ended, asked now (the monitor's tick may be stale). */
  private async running(clusterId: number, name: string, application: Application | null): Promise<RunningJob[]> {
    const reply = await this.d.clients.rest(clusterId).jobsOverview({ timeoutMs: 10_000 });
    return (reply.jobs ?? [])
      .filter((j) => j.name === name && !ENDED.has(j.state ?? ''))
      .map((j) => {
        const deployment = j.jid ? this.d.deployments.byJob(clusterId, j.jid) : null;
        return {
          jobId: j.jid ?? '',
          state: (j.state ?? 'CREATED') as JobState,
          fromApplication: application !== null && deployment?.applicationId === application.id,
        };
      });
  }

  /** An explicit name, else the name the file was last deployed under there, else the file's name. */
  private fileAppName(fileId: number, clusterId: number, options: DeployOptions): string {
    if (options.jobName) return options.jobName;
    return this.d.apps.byFile(clusterId, fileId)?.name ?? defaultJobName(this.d.files.read(fileId).name);
  }
}
