import { DEFAULT_CATALOG, DEFAULT_DATABASE, type SchemaCatalog, type TableInfo } from './catalog.js';

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

/** What a statement's analysis read from the session, and what it changed. */
export interface Trace {
  reads: [string, unknown][];
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
  /** Bumped on every table change: did-you-mean lists depend on all names. */
  version = 0;
  trace: Trace | undefined;

  constructor(
    readonly external?: SchemaCatalog,
    /** Memo of external lookups, shared across checks so cached statements see the same objects. */
    readonly externalMemo: Map<string, TableInfo | undefined> = new Map(),
  ) {}

  /** The current value of a session fact, recorded in the trace. */
  read(key: string): unknown {
    const value = this.peek(key);
    this.trace?.reads.push([key, value]);
    return value;
  }

  peek(key: string): unknown {
    const kind = key.charCodeAt(0);
    const rest = key.slice(2);
    switch (kind) {
      case 116 /* t */:
        return this.tables.get(rest) ?? this.externalTable(rest);
      case 102 /* f */:
        return this.functions.has(rest);
      case 99 /* c */:
        return this.catalogs.get(rest);
      case 100 /* d */:
        return this.databases.has(rest);
      case 117 /* u */:
        return `${this.catalog}${SEP}${this.database}`;
      case 108 /* l */:
        return `${this.dialect}${SEP}${this.modules}`;
      case 118 /* v */:
        return this.version;
      default:
        return undefined;
    }
  }

  private externalTable(key: string): TableInfo | undefined {
    if (!this.external) return undefined;
    if (this.externalMemo.has(key)) return this.externalMemo.get(key);
    const t = this.external.table(key.split(SEP));
    this.externalMemo.set(key, t);
    return t;
  }

  apply(effect: Effect): void {
    this.trace?.effects.push(effect);
    switch (effect.op) {
      case 'table': {
        // a temporary table shadows a permanent one of the same name (and is dropped first)
        const old = this.tables.get(effect.key);
        if (old && effect.temporary && !this.temporary.has(effect.key)) this.shadowed.set(effect.key, old);
        if (effect.temporary) this.temporary.add(effect.key);
        else if (old && this.temporary.has(effect.key)) this.shadowed.set(effect.key, effect.table);
        if (!old || effect.temporary || !this.temporary.has(effect.key)) this.tables.set(effect.key, effect.table);
        this.version++;
        break;
      }
      case 'drop-table': {
        const under = this.shadowed.get(effect.key);
        this.temporary.delete(effect.key);
        this.shadowed.delete(effect.key);
        if (under) this.tables.set(effect.key, under);
        else this.tables.delete(effect.key);
        this.version++;
        break;
      }
      case 'use':
        this.catalog = effect.catalog;
        this.database = effect.database;
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
        break;
      case 'module':
        this.modules = true;
        break;
    }
  }

  /** Whether the recorded reads still hold. */
  unchanged(reads: readonly [string, unknown][]): boolean {
    for (const [key, value] of reads) if (this.peek(key) !== value) return false;
    return true;
  }

  // ---- typed helpers over read() ----

  /** Full path of a written table name: db.t and t take the current catalog and database. */
  fullPath(parts: readonly string[]): string[] {
    if (parts.length >= 3) return parts.slice(parts.length - 3);
    this.read('u');
    if (parts.length === 2) return [this.catalog, parts[0]!, parts[1]!];
    return [this.catalog, this.database, parts[0]!];
  }

  table(path: readonly string[]): TableInfo | undefined {
    const exact = this.read(`t${SEP}${pathKey(path)}`) as TableInfo | undefined;
    if (exact) return exact;
    // Hive and JDBC catalogs ignore case; accept a case-only difference rather than risk a false error
    this.read('v');
    const lower = pathKey(path).toLowerCase();
    for (const [key, t] of this.tables) if (key.toLowerCase() === lower) return t;
    return undefined;
  }

  /** Names for did-you-mean: script tables and the external catalog's tables under the same database. */
  tableNames(path: readonly string[]): string[] {
    this.read('v');
    const prefix = pathKey(path.slice(0, 2)) + SEP;
    const names: string[] = [];
    for (const [key, t] of this.tables) if (key.startsWith(prefix)) names.push(t.name);
    if (this.external) for (const t of this.external.tables(path.slice(0, 2))) names.push(t.name);
    return names;
  }

  hasFunction(name: string): boolean {
    if (this.read(`f${SEP}${name.toUpperCase()}`) as boolean) return true;
    this.externalFunctions ??= new Set((this.external?.functions?.() ?? []).map((f) => f.name.toUpperCase()));
    return this.externalFunctions.has(name.toUpperCase());
  }

  private externalFunctions: Set<string> | undefined;

  /** Whether an unknown table in this catalog is surely missing (error) or maybe just not known to Weir (warning). */
  catalogIsComplete(catalog: string): boolean {
    if (catalog === DEFAULT_CATALOG) return true;
    const type = this.read(`c${SEP}${catalog}`) as string | undefined;
    if (type === 'generic_in_memory') return true;
    return this.external?.catalogs?.().includes(catalog) ?? false;
  }

  /** Hive dialect or extra modules: function names the analyzer cannot know. */
  lenientFunctions(): boolean {
    this.read('l');
    return this.modules || this.dialect !== 'default' || !this.catalogIsComplete((this.read('u'), this.catalog));
  }

  /** Statements of another dialect are not Flink SQL's: skip them. */
  otherDialect(): boolean {
    this.read('l');
    return this.dialect !== 'default';
  }
}
