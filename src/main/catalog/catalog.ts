import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';
import { privateDir, privateFile, tightenIfPresent } from '../app/private-files.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

/**
 * The catalog: the one SQLite file that owns Weir's state. WAL mode so readers never block
 * the writer; every write goes through `write()` (a transaction).
 */
export interface Catalog {
  readonly file: string;
  readonly db: Database.Database;
  readonly version: number;
  /** Runs `fn` in an immediate transaction; rolled back when it throws. */
  write<T>(fn: (db: Database.Database) => T): T;
  close(): void;
}

export interface CatalogOptions {
  readonly file: string;
  /** Path of a better_sqlite3.node built for another runtime (the Electron host). */
  readonly nativeBinding?: string;
  /** Tests pass their own list to prove a failing migration leaves the old version. */
  readonly migrations?: readonly Migration[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

export function openCatalog(options: CatalogOptions): Catalog {
  const { file } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = options.migrations ? Math.max(0, ...migrations.map((m) => m.version)) : LATEST_VERSION;
  const onDisk = file !== ':memory:';
  const existed = onDisk && existsSync(file);
  if (onDisk) {
    privateDir(dirname(file));
    // an existing file that is no catalog is never replaced by a new one (issue 10)
    if (existed) refuseDamaged(file);
    // created 0600 before SQLite opens it: SQLite gives -wal and -shm the same mode
    else privateFile(file);
  }

  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    if (existed && !isWeirCatalog(db)) {
      db.close();
      throw damaged(file);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (cause) {
    if (cause instanceof WeirError) throw cause;
    throw corrupt(file, cause, existed);
  }

  try {
    migrate(db, migrations, latest, file);
  } catch (cause) {
    db.close();
    if (cause instanceof WeirError) throw cause;
    throw corrupt(file, cause, existed);
  }
  if (onDisk) {
    privateFile(file);
    for (const suffix of ['-wal', '-shm']) tightenIfPresent(file + suffix);
  }

  const write = <T>(fn: (d: Database.Database) => T): T => db.transaction(() => fn(db)).immediate();
  return {
    file,
    db,
    version: db.pragma('user_version', { simple: true }) as number,
    write,
    close: () => db.close(),
  };
}

function migrate(db: Database.Database, migrations: readonly Migration[], latest: number, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new WeirError('catalog.newer-version', { file, found: current, supported: latest });
  }
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (cause) {
      throw new WeirError(
        'catalog.migration-failed',
        { file, version: migration.version, name: migration.name },
        { cause, details: [String((cause as Error).message ?? cause)] },
      );
    }
  }
}

/** Empty, or not an SQLite file at all: damaged (restore it from a backup, or move it aside). */
function refuseDamaged(file: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read < header.length || !header.equals(SQLITE_HEADER)) throw damaged(file);
}

/** A Weir catalog has a schema version, or (never migrated) no tables of anyone else's. */
function isWeirCatalog(db: Database.Database): boolean {
  if ((db.pragma('user_version', { simple: true }) as number) > 0) return true;
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n === 0;
}

function damaged(file: string, cause?: unknown): WeirError {
  return new WeirError('catalog.damaged', { file }, cause === undefined ? {} : { cause, details: [String((cause as Error)?.message ?? cause)] });
}

/** SQLite's "file is not a database" and "database disk image is malformed". */
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function corrupt(file: string, cause: unknown, existed: boolean): WeirError {
  if (existed && DAMAGED_CODES.has((cause as { code?: string })?.code ?? '')) return damaged(file, cause);
  return new WeirError(
    existed ? 'catalog.unreadable' : 'catalog.cannot-create',
    { file },
    { cause, details: [String((cause as Error)?.message ?? cause)] },
  );
}
