import type { Savepoint } from '../../shared/contract/jobs-schema.js';
import type { Clock } from '../app/clock.js';
import type { Catalog } from '../catalog/catalog.js';

interface SavepointRow {
  id: number;
  cluster_id: number;
  job_id: string;
  deployment_id: number | null;
  trigger_id: string;
  kind: 'savepoint' | 'stop';
  status: 'pending' | 'completed' | 'failed';
  location: string | null;
  error: string | null;
  created_at: string;
  completed_at: string | null;
}

/** Savepoint history in the catalog: every trigger Weir made, pending until the cluster says. */
export class SavepointStore {
  constructor(
    private readonly catalog: Catalog,
    private readonly clock: Clock,
  ) {}

  begin(s: { clusterId: number; jobId: string; deploymentId: number | null; triggerId: string; kind: 'savepoint' | 'stop' }): Savepoint {
    const id = this.catalog.write((db) =>
      Number(
        db
          .prepare(
            "INSERT INTO savepoints (cluster_id, job_id, deployment_id, trigger_id, kind, status, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
          )
          .run(s.clusterId, s.jobId, s.deploymentId, s.triggerId, s.kind, this.clock().toISOString()).lastInsertRowid,
      ),
    );
    return this.get(id);
  }

  finish(id: number, outcome: { location: string } | { error: string }): Savepoint {
    this.catalog.write((db) =>
      db
        .prepare('UPDATE savepoints SET status = ?, location = ?, error = ?, completed_at = ? WHERE id = ?')
        .run('location' in outcome ? 'completed' : 'failed', 'location' in outcome ? outcome.location : null, 'error' in outcome ? outcome.error : null, this.clock().toISOString(), id),
    );
    return this.get(id);
  }

  get(id: number): Savepoint {
    return toView(this.catalog.db.prepare('SELECT * FROM savepoints WHERE id = ?').get(id) as SavepointRow);
  }

  list(filter: { clusterId: number; jobIds?: readonly string[] }): Savepoint[] {
    const rows = this.catalog.db
      .prepare('SELECT * FROM savepoints WHERE cluster_id = ? ORDER BY id DESC LIMIT 1000')
      .all(filter.clusterId) as SavepointRow[];
    const jobs = filter.jobIds ? new Set(filter.jobIds) : null;
    return rows.filter((r) => !jobs || jobs.has(r.job_id)).map(toView);
  }

  /** The newest completed savepoint of any of these jobs (a job and the jobs it was restarted from). */
  latest(clusterId: number, jobIds: readonly string[]): Savepoint | null {
    return this.list({ clusterId, jobIds }).find((s) => s.status === 'completed') ?? null;
  }
}

function toView(r: SavepointRow): Savepoint {
  return {
    id: r.id,
    clusterId: r.cluster_id,
    jobId: r.job_id,
    deploymentId: r.deployment_id,
    kind: r.kind,
    status: r.status,
    location: r.location,
    error: r.error,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}
