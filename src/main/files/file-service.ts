import type { FileMeta, FileVersion, SaveKind, SqlFile, VersionMeta } from '../../shared/contract/contract.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../app/clock.js';
import type { EventSink } from '../app/events.js';

/**
 * SQL files of a workspace and their version history. Autosaves within one minute of the
 * previous autosave refine that version instead of adding one, so history stays readable while
 * nothing typed is lost; a manual save (Ctrl+S) always keeps a version of its own.
 */
export const AUTOSAVE_COALESCE_MS = 60_000;

interface FileMetaRow {
  id: number;
  workspace_id: number;
  name: string;
  size: number;
  created_at: string;
  updated_at: string;
}

interface FileRow extends FileMetaRow {
  content: string;
}

interface VersionMetaRow {
  id: number;
  file_id: number;
  number: number;
  kind: SaveKind | 'deploy';
  size: number;
  created_at: string;
  /** History only: the status of the deployment that took a `deploy` version. */
  deploy_status?: string | null;
}

interface VersionRow extends VersionMetaRow {
  content: string;
}

// Lists read the kept sizes, never the texts: one 16 MB file must not slow every listing.
const META_COLUMNS = 'id, workspace_id, name, size, created_at, updated_at';
const FILE_COLUMNS = `${META_COLUMNS}, content`;
const VERSION_META_COLUMNS = 'id, file_id, number, kind, size, created_at';
const VERSION_COLUMNS = `${VERSION_META_COLUMNS}, content`;

export class FileService {
  constructor(
    private readonly catalog: Catalog,
    private readonly clock: Clock,
    private readonly emit: EventSink,
  ) {}

  list(workspaceId: number): FileMeta[] {
    this.requireWorkspace(workspaceId);
    const rows = this.catalog.db
      .prepare(`SELECT ${META_COLUMNS} FROM sql_files WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE`)
      .all(workspaceId) as FileMetaRow[];
    return rows.map(toMeta);
  }

  create(workspaceId: number, name: string, content: string): FileMeta {
    this.requireWorkspace(workspaceId);
    const now = this.clock().toISOString();
    const row = this.catalog.write((db) => {
      this.requireFreeName(workspaceId, name);
      const id = Number(
        db
          .prepare('INSERT INTO sql_files (workspace_id, name, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(workspaceId, name, content, now, now).lastInsertRowid,
      );
      db.prepare('INSERT INTO sql_file_versions (file_id, number, kind, content, created_at) VALUES (?, 1, ?, ?, ?)').run(
        id,
        'manual',
        content,
        now,
      );
      return this.row(id);
    });
    this.emit('files.changed', { workspaceId, fileId: row.id });
    return toMeta(row);
  }

  read(id: number): SqlFile {
    const row = this.row(id);
    return { ...toMeta(row), content: row.content };
  }

  save(id: number, content: string, kind: SaveKind): { file: FileMeta; version: VersionMeta | null } {
    const now = this.clock();
    const result = this.catalog.write((db) => {
      const before = this.row(id);
      if (before.content !== content) {
        db.prepare('UPDATE sql_files SET content = ?, updated_at = ? WHERE id = ?').run(content, now.toISOString(), id);
      }
      const latest = db
        .prepare(`SELECT ${VERSION_COLUMNS} FROM sql_file_versions WHERE file_id = ? ORDER BY number DESC LIMIT 1`)
        .get(id) as VersionRow | undefined;
      let versionId: number | null = null;
      if (latest && latest.content === content) {
        // Ctrl+S right after an autosave: keep that version, so later autosaves don't fold into it.
        if (kind === 'manual' && latest.kind === 'auto') {
          db.prepare("UPDATE sql_file_versions SET kind = 'manual' WHERE id = ?").run(latest.id);
          versionId = latest.id;
        } else {
          versionId = null;
        }
      } else if (
        kind === 'auto' &&
        latest?.kind === 'auto' &&
        now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_COALESCE_MS
      ) {
        db.prepare('UPDATE sql_file_versions SET content = ? WHERE id = ?').run(content, latest.id);
        versionId = latest.id;
      } else {
        const number = (latest?.number ?? 0) + 1;
        versionId = Number(
          db
            .prepare('INSERT INTO sql_file_versions (file_id, number, kind, content, created_at) VALUES (?, ?, ?, ?, ?)')
            .run(id, number, kind, content, now.toISOString()).lastInsertRowid,
        );
      }
      const file = this.meta(id);
      return { file, version: versionId === null ? null : this.versionMeta(versionId) };
    });
    this.emit('files.changed', { workspaceId: result.file.workspace_id, fileId: id });
    return { file: toMeta(result.file), version: result.version ? toVersionMeta(result.version) : null };
  }

  rename(id: number, name: string): FileMeta {
    const row = this.catalog.write((db) => {
      const file = this.meta(id);
      if (file.name !== name) this.requireFreeName(file.workspace_id, name);
      db.prepare('UPDATE sql_files SET name = ?, updated_at = ? WHERE id = ?').run(name, this.clock().toISOString(), id);
      return this.meta(id);
    });
    this.emit('files.changed', { workspaceId: row.workspace_id, fileId: id });
    return toMeta(row);
  }

  /** Soft delete: versions stay, so a deployment of this file can still show its SQL. */
  delete(id: number): { deleted: number } {
    const row = this.catalog.write((db) => {
      const file = this.meta(id);
      db.prepare('UPDATE sql_files SET deleted_at = ? WHERE id = ?').run(this.clock().toISOString(), id);
      return file;
    });
    this.emit('files.changed', { workspaceId: row.workspace_id, fileId: id });
    return { deleted: id };
  }

  history(id: number): VersionMeta[] {
    this.meta(id);
    const rows = this.catalog.db
      .prepare(
        `SELECT ${VERSION_META_COLUMNS},
           (SELECT d.status FROM deployments d WHERE d.version_id = sql_file_versions.id ORDER BY d.id LIMIT 1) AS deploy_status
         FROM sql_file_versions WHERE file_id = ? ORDER BY number DESC`,
      )
      .all(id) as VersionMetaRow[];
    return rows.map(toVersionMeta);
  }

  version(versionId: number): FileVersion {
    const row = this.versionRow(versionId);
    return { ...toVersionMeta(row), content: row.content };
  }

  private row(id: number): FileRow {
    const row = this.catalog.db
      .prepare(`SELECT ${FILE_COLUMNS} FROM sql_files WHERE id = ? AND deleted_at IS NULL`)
      .get(id) as FileRow | undefined;
    if (!row) throw new WeirError('files.not-found', { id });
    return row;
  }

  private meta(id: number): FileMetaRow {
    const row = this.catalog.db
      .prepare(`SELECT ${META_COLUMNS} FROM sql_files WHERE id = ? AND deleted_at IS NULL`)
      .get(id) as FileMetaRow | undefined;
    if (!row) throw new WeirError('files.not-found', { id });
    return row;
  }

  private versionMeta(versionId: number): VersionMetaRow {
    const row = this.catalog.db.prepare(`SELECT ${VERSION_META_COLUMNS} FROM sql_file_versions WHERE id = ?`).get(versionId) as
      | VersionMetaRow
      | undefined;
    if (!row) throw new WeirError('files.version-not-found', { id: versionId });
    return row;
  }

  private versionRow(versionId: number): VersionRow {
    const row = this.catalog.db.prepare(`SELECT ${VERSION_COLUMNS} FROM sql_file_versions WHERE id = ?`).get(versionId) as
      | VersionRow
      | undefined;
    if (!row) throw new WeirError('files.version-not-found', { id: versionId });
    return row;
  }

  private requireWorkspace(workspaceId: number): void {
    const found = this.catalog.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId);
    if (!found) throw new WeirError('workspaces.not-found', { id: workspaceId });
  }

  private requireFreeName(workspaceId: number, name: string): void {
    const taken = this.catalog.db
      .prepare('SELECT 1 FROM sql_files WHERE workspace_id = ? AND name = ? AND deleted_at IS NULL')
      .get(workspaceId, name);
    if (taken) throw new WeirError('files.name-taken', { name });
  }
}

function toMeta(row: FileMetaRow): FileMeta {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    size: row.size,
  };
}

function toVersionMeta(row: VersionMetaRow): VersionMeta {
  return {
    id: row.id,
    fileId: row.file_id,
    number: row.number,
    kind: row.kind,
    createdAt: row.created_at,
    size: row.size,
    ...(row.kind === 'deploy' && row.deploy_status !== undefined ? { deployStatus: row.deploy_status } : {}),
  };
}
