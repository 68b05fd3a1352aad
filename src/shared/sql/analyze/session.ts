import { DEFAULT_CATALOG, DEFAULT_DATABASE, type SchemaCatalog, type TableInfo } from './catalog.js';
import type { TablePool } from './table-pool.js';

/** A change a statement makes to the session; recorded so a cached analysis can replay it. */
export type Effect =
  | { op: 'table'; key: string; table: TableInfo; temporary?: boolean }
  | { op: 'drop-table'; key: string }
  | { op: 'use'; catalog: string; database: string }
  | { op: 'function'; name: string; drop?: boolean }
  | { op: 'catalog'; name: string; type: string; drop?: boolean }
  | { op: 'database'; key: string; drop?: boolean }
  | { op: 'dialect'; value: string }
  | { op: 'module' };

/** Kinds of session facts a statement reads (see Session.peek). */
export enum Fact {
  Table,
  /** The table a name denotes ignoring case, when no table has exactly that name. */
  TableIgnoringCase,
  Function,
  Catalog,
  Database,
  Use,
  Dialect,
  /** All table names under a catalog and database (did-you-mean lists). */
  TableNames,
  /** All functions created in the script (did-you-mean lists). */
  FunctionNames,
}

/** What a statement's analysis read from the session (flat triples: fact, key, value), and what it changed. */
export interface Trace {
  reads: unknown[];
  effects: Effect[];
}

const SEP = '\u0000';
export const pathKey = (path: readonly string[]): string => path.join(SEP);

/**
 * The session as the script builds it statement by statement: current catalog and database,
 * tables, views, functions and catalogs created so far. Every read goes through `read`, so the
 * checker can tell whether a cached statement's inputs changed.
 */
export class Session {
  catalog = DEFAULT_CATALOG;
  database = DEFAULT_DATABASE;
  readonly tables = new Map<string, TableInfo>();
  /**
   * Keys of `tables` by their lower-case form, in insertion order: case-insensitive lookups
   * without a scan. Built at the first such lookup (most scripts never need one).
   */
  private lowerKeys: Map<string, string[]> | undefined;
  /** Keys of temporary tables, and the permanent tables they hide. */
  private readonly temporary = new Set<string>();
  private readonly shadowed = new Map<string, TableInfo>();
  readonly functions = new Set<string>();
  /** Catalogs created in the script, with their 'type'. */
  readonly catalogs = new Map<string, string>();
  readonly databases = new Set<string>();
  dialect = 'default';
  /** LOAD MODULE of anything but core brings functions the analyzer does not know. */
  modules = false;
  /** Values of the Use and Dialect facts, kept as strings so a read allocates nothing. */
  private useKey = `${DEFAULT_CATALOG}${SEP}${DEFAULT_DATABASE}`;
  private dialectKey = `default${SEP}false`;
  /** Joined table names per catalog and database, built on demand and dropped on change. */
  private readonly names = new Map<string, string>();
  trace: Trace | undefined;

  constructor(
    readonly external?: SchemaCatalog,
    /** Memo of external lookups, shared across checks so cached statements see the same objects. */
    readonly externalMemo: Map<string, TableInfo | undefined> = new Map(),
    /** One object per table definition across checks (see TablePool). */
    private readonly pool?: TablePool,
  ) {}

  /** The current value of a session fact, recorded in the trace. */
  read(fact: Fact, key: string): unknown {
    const value = this.peek(fact, key);
    const trace = this.trace;
    if (trace) trace.reads.push(fact, key, value);
    return value;
  }

  peek(fact: Fact, key: string): unknown {
    switch (fact) {
      case Fact.Table:
        return this.tables.get(key) ?? this.externalTable(key);
      case Fact.TableIgnoringCase: {
        if (!this.lowerKeys) {
          this.lowerKeys = new Map();
          for (const k of this.tables.keys()) this.indexLower(k, true);
        }
        const first = this.lowerKeys.get(key)?.[0];
        return first === undefined ? undefined : this.tables.get(first);
      }
      case Fact.Function:
        return this.functions.has(key);
      case Fact.Catalog:
        return this.catalogs.get(key);
      case Fact.Database:
        return this.databases.has(key);
      case Fact.Use:
        return this.useKey;
      case Fact.Dialect:
        return this.dialectKey;
      case Fact.TableNames:
        return this.tableNamesUnder(key);
      case Fact.FunctionNames:
        return [...this.functions].join(SEP);
    }
  }

  private tableNamesUnder(prefix: string): string {
    let joined = this.names.get(prefix);
    if (joined === undefined) {
      const names: string[] = [];
      for (const [key, t] of this.tables) if (key.startsWith(prefix)) names.push(t.name);
      joined = names.join(SEP);
      this.names.set(prefix, joined);
    }
    return joined;
  }

  private externalTable(key: string): TableInfo | undefined {
    if (!this.external) return undefined;
    if (this.externalMemo.has(key)) return this.externalMemo.get(key);
    const t = this.external.table(key.split(SEP));
    this.externalMemo.set(key, t);
    return t;
  }

  /** Sets or removes a table, keeping the case-insensitive index and the name lists in step. */
  private setTable(key: string, table: TableInfo | undefined): void {
    const had = this.tables.has(key);
    if (table) this.tables.set(key, table);
    else this.tables.delete(key);
    if (had === (table !== undefined)) return; // the set of names did not change
    if (this.lowerKeys) this.indexLower(key, table !== undefined);
    if (this.names.size > 0) this.names.clear();
  }

  private indexLower(key: string, added: boolean): void {
    const index = this.lowerKeys!;
    const lower = key.toLowerCase();
    const keys = index.get(lower);
    if (added) {
      if (keys) keys.push(key);
      else index.set(lower, [key]);
    } else if (keys) {
      keys.splice(keys.indexOf(key), 1);
      if (keys.length === 0) index.delete(lower);
    }
  }

  /** Applies a change; `replay` for a cached statement's effects (their tables are pooled already). */
  apply(effect: Effect, replay = false): void {
    this.trace?.effects.push(effect);
    switch (effect.op) {
      case 'table': {
        if (this.pool && !replay) effect.table = this.pool.canonical(effect.key, effect.table);
        // a temporary table shadows a permanent one of the same name (and is dropped first)
        const old = this.tables.get(effect.key);
        if (old && effect.temporary && !this.temporary.has(effect.key)) this.shadowed.set(effect.key, old);
        if (effect.temporary) this.temporary.add(effect.key);
        else if (old && this.temporary.has(effect.key)) this.shadowed.set(effect.key, effect.table);
        if (!old || effect.temporary || !this.temporary.has(effect.key)) this.setTable(effect.key, effect.table);
        break;
      }
      case 'drop-table': {
        const under = this.shadowed.get(effect.key);
        this.temporary.delete(effect.key);
        this.shadowed.delete(effect.key);
        this.setTable(effect.key, under);
        break;
      }
      case 'use':
        this.catalog = effect.catalog;
        this.database = effect.database;
        this.useKey = `${effect.catalog}${SEP}${effect.database}`;
        break;
      case 'function':
        if (effect.drop) this.functions.delete(effect.name);
        else this.functions.add(effect.name);
        break;
      case 'catalog':
        if (effect.drop) this.catalogs.delete(effect.name);
        else this.catalogs.set(effect.name, effect.type);
        break;
      case 'database':
        if (effect.drop) this.databases.delete(effect.key);
        else this.databases.add(effect.key);
        break;
      case 'dialect':
        this.dialect = effect.value;
        this.dialectKey = `${this.dialect}${SEP}${this.modules}`;
        break;
      case 'module':
        this.modules = true;
        this.dialectKey = `${this.dialect}${SEP}${this.modules}`;
        break;
    }
  }

  /** Whether the recorded reads still hold. */
  unchanged(reads: readonly unknown[]): boolean {
    for (let i = 0; i < reads.length; i += 3) if (this.peek(reads[i] as Fact, reads[i + 1] as string) !== reads[i + 2]) return false;
    return true;
  }

  // ---- typed helpers over read() ----

  /** Reads the current catalog and database (this.catalog, this.database). */
  readUse(): void {
    this.read(Fact.Use, '');
  }

  /** Full path of a written table name: db.t and t take the current catalog and database. */
  fullPath(parts: readonly string[]): string[] {
    if (parts.length >= 3) return parts.slice(parts.length - 3);
    this.readUse();
    if (parts.length === 2) return [this.catalog, parts[0]!, parts[1]!];
    return [this.catalog, this.database, parts[0]!];
  }

  table(path: readonly string[]): TableInfo | undefined {
    const key = pathKey(path);
    const exact = this.read(Fact.Table, key) as TableInfo | undefined;
    if (exact) return exact;
    // Hive and JDBC catalogs ignore case; accept a case-only difference rather than risk a false error
    return this.read(Fact.TableIgnoringCase, key.toLowerCase()) as TableInfo | undefined;
  }

  /** Names for did-you-mean: script tables and the external catalog's tables under the same database. */
  tableNames(path: readonly string[]): string[] {
    const prefix = pathKey(path.slice(0, 2)) + SEP;
    const joined = this.read(Fact.TableNames, prefix) as string;
    const names = joined === '' ? [] : joined.split(SEP);
    if (this.external) for (const t of this.external.tables(path.slice(0, 2))) names.push(t.name);
    return names;
  }

  /** Functions created in the script, for did-you-mean. */
  functionNames(): string[] {
    this.read(Fact.FunctionNames, '');
    return [...this.functions];
  }

  hasFunction(name: string): boolean {
    if (this.read(Fact.Function, name.toUpperCase()) as boolean) return true;
    this.externalFunctions ??= new Set((this.external?.functions?.() ?? []).map((f) => f.name.toUpperCase()));
    return this.externalFunctions.has(name.toUpperCase());
  }

  private externalFunctions: Set<string> | undefined;

  /** Whether an unknown table in this catalog is surely missing (error) or maybe just not known to Weir (warning). */
  catalogIsComplete(catalog: string): boolean {
    if (catalog === DEFAULT_CATALOG) return true;
    const type = this.read(Fact.Catalog, catalog) as string | undefined;
    if (type === 'generic_in_memory') return true;
    return this.external?.catalogs?.().includes(catalog) ?? false;
  }

  /** Hive dialect or extra modules: function names the analyzer cannot know. */
  lenientFunctions(): boolean {
    this.read(Fact.Dialect, '');
    if (this.modules || this.dialect !== 'default') return true;
    this.readUse();
    return !this.catalogIsComplete(this.catalog);
  }

  /** Statements of another dialect are not Flink SQL's: skip them. */
  otherDialect(): boolean {
    this.read(Fact.Dialect, '');
    return this.dialect !== 'default';
  }
}
