import type { Deployment, DeployOptions } from '../../shared/contract/jobs-schema.js';
import { deployOptionsSchema } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import { noRedaction, type Redact } from '../secrets/redact.js';
import type { Catalog } from '../catalog/catalog.js';
import { attachDeployment } from '../apps/application-store.js';

interface DeploymentRow {
  id: number;
  application_id: number | null;
  file_id: number | null;
  file_name: string | null;
  version_id: number | null;
  version_number: number | null;
  cluster_id: number;
  cluster_name: string;
  job_id: string | null;
  job_name: string;
  status: string;
  options: string;
  path: string;
  sql_text: string | null;
  error: string | null;
  parent_id: number | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT d.*, f.name AS file_name, v.number AS version_number, c.name AS cluster_name
  FROM deployments d
  JOIN clusters c ON c.id = d.cluster_id
  LEFT JOIN sql_files f ON f.id = d.file_id
  LEFT JOIN sql_file_versions v ON v.id = d.version_id`;

export interface NewDeployment {
  readonly fileId: number | null;
  /** The file content as deployed, kept as a `deploy` version of the file. */
  readonly source: string | null;
  /** Without a source (restart, rollback): the version the frozen SQL came from. */
  readonly versionId?: number | null;
  readonly clusterId: number;
  readonly jobId: string;
  readonly jobName: string;
  readonly path: string;
  readonly sqlText: string;
  readonly options: DeployOptions;
  readonly parentId: number | null;
}

/** A deployment's error as stored: redacted first, then cut (a cut could split a secret). */
const MAX_ERROR_CHARS = 4000;

/** Deployments in the catalog: each one freezes the SQL it submitted and links its file version. */
export class DeploymentStore {
  constructor(
    private readonly catalog: Catalog,
    private readonly clock: Clock,
    /** Clusters echo secrets in their errors: none is stored, nor shown from an older row. */
    private readonly redact: Redact = noRedaction,
  ) {}

  /**
   * Records a deployment before anything reaches the cluster (status `submitting`), as the new
   * current run of its application (the job name on that cluster), in one transaction.
   */
  create(d: NewDeployment): Deployment {
    const now = this.clock().toISOString();
    const id = this.catalog.write((db) => {
      let versionId: number | null = d.versionId ?? null;
      if (d.fileId !== null && d.source !== null) {
        const next = db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM sql_file_versions WHERE file_id = ?').get(d.fileId) as { n: number };
        versionId = Number(
          db
            .prepare("INSERT INTO sql_file_versions (file_id, number, kind, content, created_at) VALUES (?, ?, 'deploy', ?, ?)")
            .run(d.fileId, next.n, d.source, now).lastInsertRowid,
        );
      }
      const id = Number(
        db
          .prepare(
            `INSERT INTO deployments (file_id, version_id, cluster_id, job_id, job_name, status, options, path, sql_text, parent_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'submitting', ?, ?, ?, ?, ?, ?)`,
          )
          .run(d.fileId, versionId, d.clusterId, d.jobId, d.jobName, JSON.stringify(d.options), d.path, d.sqlText, d.parentId, now, now)
          .lastInsertRowid,
      );
      const key = { clusterId: d.clusterId, name: d.jobName, fileId: d.fileId, kind: d.path === 'jar' ? ('jar' as const) : ('sql' as const) };
      attachDeployment(db, key, id, d.options, now);
      return id;
    });
    return this.get(id);
  }

  setStatus(id: number, status: string, error: string | null = null): void {
    this.catalog.write((db) =>
      db.prepare('UPDATE deployments SET status = ?, error = ?, updated_at = ? WHERE id = ?').run(status, error === null ? null : this.redact(error).slice(0, MAX_ERROR_CHARS), this.clock().toISOString(), id),
    );
  }

  /** Job states seen by the monitor, written only when they changed. */
  recordStates(states: readonly { clusterId: number; jobId: string; state: string }[]): void {
    if (states.length === 0) return;
    const now = this.clock().toISOString();
    this.catalog.write((db) => {
      const update = db.prepare(
        "UPDATE deployments SET status = ?, updated_at = ? WHERE cluster_id = ? AND job_id = ? AND status <> ? AND status <> 'failed'",
      );
      for (const s of states) update.run(s.state, now, s.clusterId, s.jobId, s.state);
    });
  }

  /**
   * Jobs a reachable cluster no longer lists (a JobManager restarted without HA loses them):
   * their deployments become LOST instead of claiming a state the cluster does not report.
   * Only rows last updated before the overview was requested, so a job submitted meanwhile is safe.
   */
  markMissing(clusterId: number, present: ReadonlySet<string>, requestedAt: string): void {
    const active = "('CREATED', 'INITIALIZING', 'RUNNING', 'RESTARTING', 'FAILING', 'CANCELLING', 'RECONCILING', 'SUSPENDED')";
    const rows = this.catalog.db
      .prepare(`SELECT id, job_id FROM deployments WHERE cluster_id = ? AND status IN ${active} AND updated_at < ?`)
      .all(clusterId, requestedAt) as { id: number; job_id: string | null }[];
    const lost = rows.filter((r) => r.job_id && !present.has(r.job_id));
    if (lost.length === 0) return;
    const now = this.clock().toISOString();
    this.catalog.write((db) => {
      const update = db.prepare("UPDATE deployments SET status = 'LOST', updated_at = ? WHERE id = ?");
      for (const r of lost) update.run(now, r.id);
    });
  }

  get(id: number): Deployment {
    const row = this.catalog.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DeploymentRow | undefined;
    if (!row) throw new WeirError('deploy.not-found', { id });
    return toView(row, this.redact);
  }

  sqlText(id: number): string {
    const row = this.catalog.db.prepare('SELECT sql_text FROM deployments WHERE id = ?').get(id) as { sql_text: string | null } | undefined;
    if (!row || row.sql_text === null) throw new WeirError('deploy.not-found', { id });
    return row.sql_text;
  }

  byJob(clusterId: number, jobId: string): Deployment | null {
    const row = this.catalog.db.prepare(`${SELECT} WHERE d.cluster_id = ? AND d.job_id = ?`).get(clusterId, jobId) as DeploymentRow | undefined;
    return row ? toView(row, this.redact) : null;
  }

  /** The job ids of a deployment and of the ones it was restarted or rolled back from, newest first. */
  lineageJobIds(deployment: Deployment): string[] {
    const jobIds: string[] = [];
    const seen = new Set<number>();
    for (let d: Deployment | null = deployment; d && !seen.has(d.id); d = d.parentId ? this.get(d.parentId) : null) {
      seen.add(d.id);
      if (d.jobId) jobIds.push(d.jobId);
    }
    return jobIds;
  }

  /** job id → deployment and application for one cluster: the monitor joins jobs to them with it. */
  jobIndex(clusterId: number): Map<string, { deploymentId: number; applicationId: number | null }> {
    const rows = this.catalog.db
      .prepare('SELECT id, job_id, application_id FROM deployments WHERE cluster_id = ? AND job_id IS NOT NULL')
      .all(clusterId) as { id: number; job_id: string; application_id: number | null }[];
    return new Map(rows.map((r) => [r.job_id, { deploymentId: r.id, applicationId: r.application_id }]));
  }

  list(filter: { fileId?: number | undefined; clusterId?: number | undefined; applicationId?: number | undefined } = {}): Deployment[] {
    const where: string[] = [];
    const args: number[] = [];
    if (filter.applicationId !== undefined) {
      where.push('d.application_id = ?');
      args.push(filter.applicationId);
    }
    if (filter.fileId !== undefined) {
      where.push('d.file_id = ?');
      args.push(filter.fileId);
    }
    if (filter.clusterId !== undefined) {
      where.push('d.cluster_id = ?');
      args.push(filter.clusterId);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT 500`;
    return (this.catalog.db.prepare(sql).all(...args) as DeploymentRow[]).map((r) => toView(r, this.redact));
  }
}

function toView(r: DeploymentRow, redact: Redact): Deployment {
  return {
    id: r.id,
    applicationId: r.application_id,
    fileId: r.file_id,
    fileName: r.file_name,
    versionId: r.version_id,
    versionNumber: r.version_number,
    clusterId: r.cluster_id,
    clusterName: r.cluster_name,
    jobId: r.job_id,
    jobName: r.job_name,
    path: r.path,
    status: r.status,
    error: r.error === null ? null : redact(r.error),
    parentId: r.parent_id,
    options: deployOptionsSchema.parse(JSON.parse(r.options)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
