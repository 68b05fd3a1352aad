import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';
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

export function openCatalog(options: CatalogOptions): Catalog {
  const { file } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = options.migrations ? Math.max(0, ...migrations.map((m) => m.version)) : LATEST_VERSION;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file);

  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (cause) {
    throw corrupt(file, cause, existed);
  }

  try {
    migrate(db, migrations, latest, file);
  } catch (cause) {
    db.close();
    if (cause instanceof WeirError) throw cause;
    throw corrupt(file, cause, existed);
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

function corrupt(file: string, cause: unknown, existed: boolean): WeirError {
  return new WeirError(
    existed ? 'catalog.unreadable' : 'catalog.cannot-create',
    { file },
    { cause, details: [String((cause as Error)?.message ?? cause)] },
  );
}
