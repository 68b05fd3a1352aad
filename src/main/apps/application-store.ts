import type Database from 'better-sqlite3';
import { restartPolicySchema, type Application, type ApplicationEvent, type RestartPolicy } from '../../shared/contract/apps-schema.js';
import type { Clock } from '../app/clock.js';
import { deployOptionsSchema, type DeployOptions } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Catalog } from '../catalog/catalog.js';
import type { DeploymentStore } from '../deploy/deployment-store.js';

interface ApplicationRow {
  id: number;
  name: string;
  cluster_id: number;
  cluster_name: string;
  file_id: number | null;
  file_name: string | null;
  kind: 'sql' | 'jar';
  options: string;
  current_deployment_id: number | null;
  restart_policy: string;
  runs: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT a.*, c.name AS cluster_name, f.name AS file_name,
         (SELECT count(*) FROM deployments d WHERE d.application_id = a.id) AS runs
  FROM applications a
  JOIN clusters c ON c.id = a.cluster_id
  LEFT JOIN sql_files f ON f.id = a.file_id`;

export interface ApplicationKey {
  readonly clusterId: number;
  readonly name: string;
  readonly fileId: number | null;
  readonly kind: 'sql' | 'jar';
}

/**
 * The application of a deployment inside the caller's transaction: found by its name on the
 * cluster, created on first deploy; it takes the new deployment as current, with its options.
 */
export function attachDeployment(db: Database.Database, key: ApplicationKey, deploymentId: number, options: DeployOptions, now: string): number {
  db.prepare(
    `INSERT INTO applications (name, cluster_id, file_id, kind, options, created_at, updated_at)
     VALUES (?, ?, ?, ?, '{}', ?, ?) ON CONFLICT (cluster_id, name) DO NOTHING`,
  ).run(key.name, key.clusterId, key.fileId, key.kind, now, now);
  const { id } = db.prepare('SELECT id FROM applications WHERE cluster_id = ? AND name = ?').get(key.clusterId, key.name) as { id: number };
  db.prepare(
    'UPDATE applications SET current_deployment_id = ?, options = ?, file_id = coalesce(?, file_id), updated_at = ? WHERE id = ?',
  ).run(deploymentId, JSON.stringify(options), key.fileId, now, id);
  db.prepare('UPDATE deployments SET application_id = ? WHERE id = ?').run(id, deploymentId);
  return id;
}

/** Applications in the catalog, with their current deployment (run) joined in. */
export class ApplicationStore {
  constructor(
    private readonly catalog: Catalog,
    private readonly deployments: DeploymentStore,
    private readonly clock: Clock,
  ) {}

  setRestartPolicy(id: number, policy: RestartPolicy): Application {
    this.get(id);
    this.catalog.write((db) =>
      db.prepare('UPDATE applications SET restart_policy = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(policy), this.clock().toISOString(), id),
    );
    return this.get(id);
  }

  /** Applications that restart on failure, for the policy to look at after each monitor tick. */
  withRestartPolicy(clusterId: number): Application[] {
    return this.list({ clusterId }).filter((a) => a.restartPolicy.mode !== 'off');
  }

  addEvent(applicationId: number, kind: ApplicationEvent['kind'], deploymentId: number | null, detail: string): void {
    this.catalog.write((db) =>
      db
        .prepare('INSERT INTO application_events (application_id, kind, deployment_id, detail, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(applicationId, kind, deploymentId, detail.slice(0, 4000), this.clock().toISOString()),
    );
  }

  events(applicationId: number): ApplicationEvent[] {
    const rows = this.catalog.db
      .prepare('SELECT * FROM application_events WHERE application_id = ? ORDER BY id DESC LIMIT 500')
      .all(applicationId) as { id: number; kind: ApplicationEvent['kind']; deployment_id: number | null; detail: string; created_at: string }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, deploymentId: r.deployment_id, detail: r.detail, createdAt: r.created_at }));
  }

  get(id: number): Application {
    const row = this.catalog.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
    if (!row) throw new WeirError('apps.not-found', { name: String(id) });
    return this.toView(row);
  }

  byName(clusterId: number, name: string): Application | null {
    const row = this.catalog.db.prepare(`${SELECT} WHERE a.cluster_id = ? AND a.name = ?`).get(clusterId, name) as ApplicationRow | undefined;
    return row ? this.toView(row) : null;
  }

  /** The application a file was last deployed as on that cluster (its name may differ from the file's). */
  byFile(clusterId: number, fileId: number): Application | null {
    const row = this.catalog.db
      .prepare(`${SELECT} WHERE a.cluster_id = ? AND a.file_id = ? ORDER BY a.updated_at DESC, a.id DESC LIMIT 1`)
      .get(clusterId, fileId) as ApplicationRow | undefined;
    return row ? this.toView(row) : null;
  }

  list(filter: { clusterId?: number | undefined; name?: string | undefined } = {}): Application[] {
    const where: string[] = [];
    const args: (number | string)[] = [];
    if (filter.clusterId !== undefined) {
      where.push('a.cluster_id = ?');
      args.push(filter.clusterId);
    }
    if (filter.name !== undefined) {
      where.push('a.name = ?');
      args.push(filter.name);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.name, a.name`;
    return (this.catalog.db.prepare(sql).all(...args) as ApplicationRow[]).map((r) => this.toView(r));
  }

  private toView(r: ApplicationRow): Application {
    return {
      id: r.id,
      name: r.name,
      clusterId: r.cluster_id,
      clusterName: r.cluster_name,
      fileId: r.file_id,
      fileName: r.file_name,
      kind: r.kind,
      options: deployOptionsSchema.parse(JSON.parse(r.options)),
      current: r.current_deployment_id !== null ? this.deployments.get(r.current_deployment_id) : null,
      runs: r.runs,
      restartPolicy: restartPolicySchema.parse(JSON.parse(r.restart_policy)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }
}
