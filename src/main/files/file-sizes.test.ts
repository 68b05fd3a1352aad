import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog/catalog.js';
import { MIGRATIONS } from '../catalog/migrations.js';
import { WorkspaceService } from '../workspaces/workspace-service.js';
import { FileService } from './file-service.js';

/** Listing files reads their kept sizes: a 16 MB file must not make every listing read 16 MB. */
describe('file sizes', () => {
  const clock = () => new Date('2026-03-01T08:00:00Z');

  it('lists a workspace with a 16 MB file a thousand times in well under a second', () => {
    const catalog = openCatalog({ file: ':memory:' });
    const workspace = new WorkspaceService(catalog, clock).ensureDefault();
    const files = new FileService(catalog, clock, () => {});
    const big = '-- 数据\n' + 'SELECT 1;\n'.repeat(1_700_000);
    const file = files.create(workspace.id, 'big.sql', big);
    files.create(workspace.id, 'small.sql', 'SELECT 1;');
    const bytes = Buffer.byteLength(big, 'utf8');
    expect(files.list(workspace.id).map((f) => f.size)).toEqual([bytes, 9]);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) files.list(workspace.id);
    const ms = performance.now() - started;
    process.stdout.write(`files.list with a ${(bytes / 1024 / 1024).toFixed(0)} MB file: ${(ms / 1000).toFixed(3)} ms per call\n`);
    expect(ms).toBeLessThan(1000);
    // Sizes follow every write, also those that bypass the service (deploy versions).
    files.save(file.id, 'SELECT 2;', 'manual');
    expect(files.list(workspace.id)[0]!.size).toBe(9);
    expect(files.history(file.id).map((v) => v.size)).toEqual([9, bytes]);
    catalog.write((db) => db.prepare("INSERT INTO sql_file_versions (file_id, number, kind, content, created_at) VALUES (?, 3, 'deploy', 'ab', '')").run(file.id));
    expect(files.history(file.id)[0]!.size).toBe(2);
    catalog.close();
  });

  it('fills the sizes of files written before the catalog kept them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'weir-sizes-')), 'catalog.sqlite');
    const old = openCatalog({ file, migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const workspace = new WorkspaceService(old, clock).ensureDefault();
    old.write((db) => {
      const id = db.prepare("INSERT INTO sql_files (workspace_id, name, content, created_at, updated_at) VALUES (?, 'a.sql', '表', '', '')").run(workspace.id).lastInsertRowid;
      db.prepare("INSERT INTO sql_file_versions (file_id, number, kind, content, created_at) VALUES (?, 1, 'manual', '表表', '')").run(id);
    });
    old.close();
    const catalog = openCatalog({ file });
    const files = new FileService(catalog, clock, () => {});
    const [meta] = files.list(workspace.id);
    expect(meta!.size).toBe(3);
    expect(files.history(meta!.id)[0]!.size).toBe(6);
    catalog.close();
  });
});
