import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { Deployment, DeployOptions, JarJob } from '../../shared/contract/jobs-schema.js';
import { deployOptionsSchema, jarJobSchema } from '../../shared/contract/jobs-schema.js';
import { substituteVariables } from '../../shared/deploy/variables.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Logger } from '../app/logger.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import type { ClusterRegistry } from '../clusters/cluster-registry.js';
import type { FileService } from '../files/file-service.js';
import type { Clock } from '../app/clock.js';
import type { Catalog } from '../catalog/catalog.js';
import type { SavepointStore } from '../jobs/savepoint-store.js';
import type { DeploymentStore } from './deployment-store.js';
import { submitWithGateway } from './gateway-submit.js';
import { countJobs } from '../../shared/sql/services/job-statements.js';
import { preDeployCheck, type DiagnosticText } from './pre-deploy-check.js';
import { ensureJar, readJar, runJar, runnerProgram } from './jar-submit.js';
import type { Submission } from './submission.js';
import { MIN_SECRET_LENGTH } from '../secrets/redact.js';

export interface DeployDeps {
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly clusters: ClusterRegistry;
  readonly clients: ClusterClients;
  readonly files: FileService;
  readonly deployments: DeploymentStore;
  readonly savepoints: SavepointStore;
  /** The Flink SQL runner jar (`npm run build` puts it in dist/flink-sql-runner). */
  readonly runnerJar: string;
  readonly diagnosticText: DiagnosticText;
  readonly log: Logger;
  /** Tells the job monitor to look now rather than at its next tick. */
  readonly onDeployed?: (clusterId: number) => void;
}

/** What to deploy: a file's current content, or (restart, rollback) SQL frozen by an earlier deployment. */
type Source =
  | { readonly kind: 'file'; readonly fileId: number }
  | { readonly kind: 'frozen'; readonly from: Deployment; readonly sql: string };

/** A jar deployment's frozen description (kept in `sql_text`). */
interface JarSpec {
  readonly jarPath: string;
  readonly entryClass?: string | undefined;
  readonly args: readonly string[];
  /** Set once deployed: a restart refuses a jar file that changed since. */
  readonly sha256?: string;
}

function jarSpec(text: string): JarSpec {
  return JSON.parse(text) as JarSpec;
}

/**
 * Deploys SQL as a Flink job: check with the front end, substitute the cluster's variables,
 * freeze the exact SQL as a deployment (and the file's content as a `deploy` version), fix the
 * job id, then submit through the runner jar or the SQL Gateway.
 */
export class DeployService {
  constructor(private readonly d: DeployDeps) {}

  deployFile(fileId: number, clusterId: number, options: DeployOptions, parentId: number | null = null): Promise<Deployment> {
    return this.deploy({ kind: 'file', fileId }, clusterId, options, parentId);
  }

  /**
   * Everything a deploy of the file checks before it records anything: an upgrade runs it before
   * stopping the running job, so a script that cannot deploy never takes the old one down.
   */
  checkFile(fileId: number, clusterId: number, rawOptions: DeployOptions): void {
    const options = deployOptionsSchema.parse(rawOptions);
    const file = this.d.files.read(fileId);
    this.check(file.content, clusterId, file.name, options.path);
  }

  /** Deploys what an earlier deployment froze, with new options (restart from a savepoint, roll back). */
  redeploy(from: Deployment, options: DeployOptions, parentId: number): Promise<Deployment> {
    if (from.path === 'jar') return this.deployJar(from.clusterId, jarSpec(this.d.deployments.sqlText(from.id)), options, parentId, from);
    return this.deploy({ kind: 'frozen', from, sql: this.d.deployments.sqlText(from.id) }, from.clusterId, options, parentId);
  }

  /**
   * A custom jar job: uploaded once per cluster, run with its entry class and arguments under a
   * fixed job id. The deployment keeps the jar's path and digest, so a restart runs the same jar
   * (or says that the file changed).
   */
  async deployJar(
    clusterId: number,
    job: JarJob | JarSpec,
    rawOptions: DeployOptions,
    parentId: number | null = null,
    from?: Deployment,
  ): Promise<Deployment> {
    const { sha256, ...program } = job as JarSpec;
    const spec: JarSpec = { ...jarJobSchema.parse({ ...program, args: [...(program.args ?? [])] }), ...(sha256 ? { sha256 } : {}) };
    const options = deployOptionsSchema.parse({ ...rawOptions, path: 'jar' });
    const cluster = this.d.clusters.get(clusterId);
    if (cluster.kind !== 'standalone') throw new WeirError('deploy.yarn-not-yet', { cluster: cluster.name });
    const jar = readJar(spec.jarPath, spec.sha256);
    const jobName = options.jobName ?? from?.jobName ?? basename(spec.jarPath).replace(/\.jar$/i, '');
    const savepointPath = this.savepointPath(options.fromSavepoint, clusterId, { kind: 'jar', jobName });
    const deployment = this.d.deployments.create({
      fileId: null,
      source: null,
      clusterId,
      jobId: randomBytes(16).toString('hex'),
      jobName,
      path: 'jar',
      sqlText: JSON.stringify({ ...spec, sha256: jar.sha256 }),
      options: { ...options, jobName, ...(savepointPath ? { fromSavepoint: savepointPath } : {}) },
      parentId,
    });
    return this.submit(deployment, '');
  }

  /** Submits a deployment that never reached the cluster again, with the same fixed job id. */
  async retry(deploymentId: number): Promise<Deployment> {
    const deployment = this.d.deployments.get(deploymentId);
    if (deployment.status !== 'submitting' && deployment.status !== 'failed') {
      throw new WeirError('deploy.not-retryable', { id: deploymentId, status: `jobs.states.${deployment.status}` });
    }
    if (deployment.path === 'jar') return this.submit(deployment, '');
    const { sql } = this.resolve(this.d.deployments.sqlText(deploymentId), deployment.clusterId, `#${deploymentId}`);
    return this.submit(deployment, sql);
  }

  private async deploy(source: Source, clusterId: number, rawOptions: DeployOptions, parentId: number | null): Promise<Deployment> {
    const options = deployOptionsSchema.parse(rawOptions);
    if (options.path === 'jar') throw new WeirError('deploy.jar-needs-jar');
    const cluster = this.d.clusters.get(clusterId);
    if (cluster.kind !== 'standalone') throw new WeirError('deploy.yarn-not-yet', { cluster: cluster.name });
    const file = source.kind === 'file' ? this.d.files.read(source.fileId) : null;
    const what = source.kind === 'file' ? file!.name : (source.from.fileName ?? source.from.jobName);
    const text = source.kind === 'file' ? file!.content : source.sql;

    const { sql, frozen } = this.check(text, clusterId, what, options.path);

    const savepointPath = this.savepointPath(options.fromSavepoint, clusterId, source);
    const jobName = options.jobName ?? (source.kind === 'frozen' ? source.from.jobName : defaultJobName(file!.name));
    const deployment = this.d.deployments.create({
      fileId: file?.id ?? (source.kind === 'frozen' ? source.from.fileId : null),
      source: file ? file.content : null,
      versionId: source.kind === 'frozen' ? source.from.versionId : null,
      clusterId,
      jobId: randomBytes(16).toString('hex'),
      jobName,
      path: options.path,
      sqlText: frozen,
      options: { ...options, ...(savepointPath ? { fromSavepoint: savepointPath } : {}) },
      parentId,
    });
    return this.submit(deployment, sql);
  }

  private async submit(deployment: Deployment, sql: string): Promise<Deployment> {
    const options = deployment.options;
    const submission: Submission = {
      jobId: deployment.jobId!,
      jobName: deployment.jobName,
      sql,
      parallelism: options.parallelism,
      savepointPath: options.fromSavepoint ?? null,
      allowNonRestoredState: options.allowNonRestoredState ?? false,
      flinkConfig: options.flinkConfig ?? {},
    };
    const rest = this.d.clients.rest(deployment.clusterId);
    try {
      if (deployment.path === 'gateway') {
        await submitWithGateway(this.d.clients.gateway(deployment.clusterId), rest, submission);
      } else if (deployment.path === 'jar') {
        const spec = jarSpec(this.d.deployments.sqlText(deployment.id));
        const jarId = await ensureJar(rest, this.d.catalog, this.d.clock, deployment.clusterId, readJar(spec.jarPath, spec.sha256));
        await runJar(rest, jarId, submission, spec);
      } else {
        const jarId = await ensureJar(rest, this.d.catalog, this.d.clock, deployment.clusterId, readJar(this.d.runnerJar));
        await runJar(rest, jarId, submission, runnerProgram(submission));
      }
    } catch (error) {
      // Unreachable or timed out: the job may still start; it stays `submitting` and the monitor
      // reconciles it by its fixed id. Anything else definitely failed.
      const unsure = error instanceof WeirError && (error.code === 'cluster.unreachable' || error.code === 'cluster.timeout');
      const message = error instanceof WeirError ? `${error.code} ${[...error.details].join(' | ')}`.trim() : String(error);
      this.d.deployments.setStatus(deployment.id, unsure ? 'submitting' : 'failed', message);
      this.d.log.warn(`deploy #${deployment.id} to cluster ${deployment.clusterName}: ${unsure ? 'not confirmed' : 'failed'}`);
      throw error;
    }
    this.d.deployments.setStatus(deployment.id, 'CREATED');
    this.d.log.info(`deploy #${deployment.id}: job ${deployment.jobId} submitted to ${deployment.clusterName}`);
    this.d.onDeployed?.(deployment.clusterId);
    return this.d.deployments.get(deployment.id);
  }

  private check(text: string, clusterId: number, what: string, path: string): { sql: string; frozen: string } {
    const resolved = this.resolve(text, clusterId, what);
    const checked = preDeployCheck(resolved.sql, what, this.d.diagnosticText);
    const jobs = countJobs(checked.statements);
    if (jobs === 0) throw new WeirError('deploy.no-job', { what });
    if (jobs > 1 && path === 'gateway') throw new WeirError('deploy.many-jobs', { what, count: jobs });
    return resolved;
  }

  /** Substitutes the cluster's variables; a placeholder without a value stops the deploy. */
  private resolve(text: string, clusterId: number, what: string): { sql: string; frozen: string } {
    const { values, secret } = this.d.clusters.variables(clusterId);
    const result = substituteVariables(text, values, secret);
    // a secret's value written out (or shared with a plain variable) is frozen as its placeholder too
    let frozen = result.frozen;
    for (const name of secret) {
      const value = values.get(name);
      if (value !== undefined && value.length >= MIN_SECRET_LENGTH) frozen = frozen.split(value).join(`\${${name}}`);
    }
    if (result.missing.length > 0) {
      const cluster = this.d.clusters.get(clusterId).name;
      throw new WeirError(
        'deploy.missing-variables',
        { what, cluster, names: [...new Set(result.missing.map((m) => m.name))].join(', ') },
        { details: result.missing.slice(0, 10).map((m) => `${m.line}:${m.column} \${${m.name}}`) },
      );
    }
    return { sql: result.sql, frozen };
  }

  /** `latest`: the newest completed savepoint Weir took of this file's (or this deployment's) jobs. */
  private savepointPath(
    fromSavepoint: string | undefined,
    clusterId: number,
    source: Source | { kind: 'jar'; jobName: string },
  ): string | null {
    if (!fromSavepoint) return null;
    if (fromSavepoint !== 'latest') return fromSavepoint;
    const fileId = source.kind === 'file' ? source.fileId : source.kind === 'frozen' ? source.from.fileId : null;
    const jobName = source.kind === 'jar' ? source.jobName : source.kind === 'frozen' ? source.from.jobName : null;
    const related = this.d.deployments
      .list({ clusterId, ...(fileId !== null ? { fileId } : {}) })
      .filter((d) => fileId !== null || d.jobName === jobName);
    const latest = this.d.savepoints.latest(clusterId, related.flatMap((d) => (d.jobId ? [d.jobId] : [])));
    if (!latest?.location) throw new WeirError('deploy.no-savepoint', { cluster: this.d.clusters.get(clusterId).name });
    return latest.location;
  }
}

export function defaultJobName(fileName: string): string {
  return fileName.replace(/\.sql$/i, '');
}
