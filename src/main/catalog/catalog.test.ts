import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weirErrorOf as caught } from '../../../test/unit/weir-error-of.js';
import { openCatalog } from './catalog.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'weir-catalog-')), 'catalog.sqlite');

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  db.close();
  return names;
}

describe('catalog', () => {
  it('creates the latest schema in WAL mode with every table later features need', () => {
    const file = tempFile();
    const catalog = openCatalog({ file });
    expect(catalog.version).toBe(LATEST_VERSION);
    expect(catalog.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(catalog.db.pragma('foreign_keys', { simple: true })).toBe(1);
    catalog.close();
    expect(tables(file)).toEqual(
      expect.arrayContaining(['workspaces', 'sql_files', 'sql_file_versions', 'datasources', 'clusters', 'resources', 'deployments', 'settings', 'secrets']),
    );
  });

  it('reopens an up-to-date catalog without running migrations again', () => {
    const file = tempFile();
    openCatalog({ file }).close();
    const again = openCatalog({ file });
    expect(again.version).toBe(LATEST_VERSION);
    again.close();
  });

  it('applies only pending migrations, in order', () => {
    const file = tempFile();
    const first = openCatalog({ file, migrations: [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER);' }] });
    first.close();
    const second = openCatalog({
      file,
      migrations: [
        { version: 2, name: 'c', sql: 'CREATE TABLE c (x INTEGER REFERENCES b(x));' },
        { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER);' },
        { version: 3, name: 'b', sql: 'CREATE TABLE b (x INTEGER PRIMARY KEY);' },
      ],
    });
    expect(second.version).toBe(3);
    second.close();
    expect(tables(file)).toEqual(['a', 'b', 'c']);
  });

  it('leaves the previous version intact when a migration fails half-way', () => {
    const file = tempFile();
    const v1 = openCatalog({ file, migrations: [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);' }] });
    v1.close();
    const error = caught(() =>
      openCatalog({
        file,
        migrations: [
          { version: 1, name: 'a', sql: '' },
          // the first statement succeeds, the second fails: both must be rolled back
          { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO missing VALUES (1);' },
        ],
      }),
    );
    expect(error.code).toBe('catalog.migration-failed');
    expect(error.params).toMatchObject({ version: 2, name: 'broken' });
    expect(tables(file)).toEqual(['a']);
    const reopened = openCatalog({ file, migrations: [{ version: 1, name: 'a', sql: '' }] });
    expect(reopened.version).toBe(1);
    expect(reopened.db.prepare('SELECT x FROM a').all()).toEqual([{ x: 1 }]);
    reopened.close();
  });

  it('refuses a catalog written by a newer Weir, without touching it', () => {
    const file = tempFile();
    const future = openCatalog({ file, migrations: [{ version: LATEST_VERSION + 5, name: 'future', sql: 'CREATE TABLE f (x);' }] });
    future.close();
    const error = caught(() => openCatalog({ file }));
    expect(error.code).toBe('catalog.newer-version');
    expect(error.params).toMatchObject({ found: LATEST_VERSION + 5, supported: LATEST_VERSION });
    expect(tables(file)).toEqual(['f']);
  });

  it('refuses a damaged file with a clear error and leaves its bytes as they were', () => {
    const file = tempFile();
    const garbage = Buffer.from('this is not a database '.repeat(300));
    writeFileSync(file, garbage);
    const error = caught(() => openCatalog({ file }));
    expect(error.code).toBe('catalog.damaged');
    expect(error.params.file).toBe(file);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('never replaces an empty (0-byte) catalog file with a new one', () => {
    const file = tempFile();
    writeFileSync(file, '');
    expect(caught(() => openCatalog({ file })).code).toBe('catalog.damaged');
    expect(statSync(file).size).toBe(0);
    expect(readdirSync(dirname(file))).toEqual(['catalog.sqlite']);
  });

  it("refuses someone else's SQLite database and leaves it as it was", () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER)');
    other.close();
    const before = readFileSync(file);
    expect(caught(() => openCatalog({ file })).code).toBe('catalog.damaged');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('keeps its folder 0700 and its files 0600, also when an older Weir made them wider', () => {
    const file = tempFile();
    const catalog = openCatalog({ file });
    catalog.write((db) => db.prepare("INSERT INTO workspaces (name, created_at) VALUES ('w', 'now')").run());
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dirname(file))).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    catalog.close();
    chmodSync(dirname(file), 0o755);
    chmodSync(file, 0o644);
    openCatalog({ file }).close();
    expect(mode(dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it('rolls a failed write back entirely', () => {
    const catalog = openCatalog({ file: tempFile() });
    expect(() =>
      catalog.write((db) => {
        db.prepare("INSERT INTO workspaces (name, created_at) VALUES ('w', 'now')").run();
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(catalog.db.prepare('SELECT count(*) AS n FROM workspaces').get()).toEqual({ n: 0 });
    catalog.close();
  });

  it('keeps released migrations numbered without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
