/** What the analyzer knows of a data type: its root (INT, VARCHAR, ROW...) and how it is written. */
export interface DataTypeInfo {
  /** Upper-case root: 'INT', 'BIGINT', 'VARCHAR', 'CHAR', 'DECIMAL', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'ARRAY', 'MAP', 'ROW', 'NULL'... */
  readonly root: string;
  /** As shown to users, e.g. 'DECIMAL(10, 2)'. */
  readonly text: string;
}

export interface ColumnInfo {
  readonly name: string;
  readonly type: DataTypeInfo;
  readonly nullable: boolean;
  readonly comment?: string;
  /** Computed and virtual metadata columns are read-only: INSERT skips them. */
  readonly writable?: boolean;
}

export interface TableInfo {
  readonly name: string;
  /** catalog, database, table. */
  readonly path: readonly string[];
  /** Undefined when the columns are not known (a table created by a statement that failed to parse). */
  readonly columns: readonly ColumnInfo[] | undefined;
  readonly primaryKey?: readonly string[];
  readonly kind: 'table' | 'view';
  /** Problems found in its connector options: using the table fails in Flink's planner. */
  readonly invalidOptions?: boolean;
  /** Static partition columns are written by PARTITION (...) instead of the query. */
  readonly partitionKeys?: readonly string[];
  /** The 'connector' option of a script's CREATE TABLE (shown on hover). */
  readonly connector?: string;
  /** Created by CREATE TEMPORARY TABLE / VIEW. */
  readonly temporary?: boolean;
}

export interface FunctionInfo {
  readonly name: string;
  readonly path?: readonly string[];
}

/**
 * The tables and functions outside the script: a datasource's catalog later, an in-memory one in
 * tests. Paths given to it are full: [catalog, database, table].
 */
export interface SchemaCatalog {
  table(path: readonly string[]): TableInfo | undefined;
  /** Tables under a prefix ([catalog] or [catalog, database]; all when omitted), for did-you-mean and completion. */
  tables(prefix?: readonly string[]): readonly TableInfo[];
  /** Catalog-registered functions; undefined when the catalog does not say. */
  functions?(): readonly FunctionInfo[];
  /** Catalogs this source knows completely; an unknown table in one of them is an error, elsewhere a warning. */
  catalogs?(): readonly string[];
}

/** Flink's session starts in default_catalog.default_database. */
export const DEFAULT_CATALOG = 'default_catalog';
export const DEFAULT_DATABASE = 'default_database';

/** A SchemaCatalog over a fixed list of tables (tests, offline snapshots). */
export class InMemoryCatalog implements SchemaCatalog {
  private readonly byPath = new Map<string, TableInfo>();

  constructor(
    private readonly list: readonly TableInfo[],
    private readonly fns: readonly FunctionInfo[] = [],
    private readonly authoritative: readonly string[] = [],
  ) {
    for (const t of list) this.byPath.set(t.path.join('\u0000'), t);
  }

  table(path: readonly string[]): TableInfo | undefined {
    return this.byPath.get(path.join('\u0000'));
  }

  tables(prefix: readonly string[] = []): readonly TableInfo[] {
    return this.list.filter((t) => prefix.every((p, i) => t.path[i] === p));
  }

  functions(): readonly FunctionInfo[] {
    return this.fns;
  }

  catalogs(): readonly string[] {
    return this.authoritative;
  }
}
