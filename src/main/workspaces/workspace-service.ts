import type { Workspace } from '../../shared/contract/contract.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../app/clock.js';

interface WorkspaceRow {
  id: number;
  name: string;
  created_at: string;
}

export const DEFAULT_WORKSPACE = 'default';

export class WorkspaceService {
  constructor(
    private readonly catalog: Catalog,
    private readonly clock: Clock,
  ) {}

  /** A new catalog gets one workspace so the Explorer is usable at once. */
  ensureDefault(): Workspace {
    this.catalog.write((db) =>
      db
        .prepare('INSERT INTO workspaces (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING')
        .run(DEFAULT_WORKSPACE, this.clock().toISOString()),
    );
    return this.list().find((w) => w.name === DEFAULT_WORKSPACE)!;
  }

  list(): Workspace[] {
    const rows = this.catalog.db.prepare('SELECT id, name, created_at FROM workspaces ORDER BY id').all() as WorkspaceRow[];
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }
}
