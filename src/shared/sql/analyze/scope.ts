import type { ColumnInfo, TableInfo } from './catalog.js';

/** One FROM item as its columns are seen: a table, view, CTE, subquery, TVF or UNNEST. */
export interface Relation {
  /** Name it is referred to by: the alias, else the table's last name part. */
  readonly name: string | undefined;
  /** Full path when it is a catalog table (t, db.t and cat.db.t all qualify its columns). */
  readonly path?: readonly string[];
  /** Undefined when not known: any column name is then accepted. */
  readonly columns: readonly ColumnInfo[] | undefined;
  /** What a named FROM item stands for, for hover and completion: a table or view, or a CTE. */
  readonly source?: TableInfo;
  readonly cte?: boolean;
}

const byName = new WeakMap<readonly ColumnInfo[], Map<string, ColumnInfo>>();

/** A relation's column by exact name (indexed once per column list: joins look up many names). */
export function columnOf(columns: readonly ColumnInfo[], name: string): ColumnInfo | undefined {
  if (columns.length <= 16) {
    for (const c of columns) if (c.name === name) return c;
    return undefined;
  }
  let index = byName.get(columns);
  if (!index) {
    index = new Map();
    for (const c of columns) if (!index.has(c.name)) index.set(c.name, c);
    byName.set(columns, index);
  }
  return index.get(name);
}

/**
 * Name-resolution scope of one SELECT: its FROM relations, the enclosing query's scope (for
 * correlated subqueries), and select-list aliases where SQL lets clauses use them.
 */
export class Scope {
  aliases: Map<string, ColumnInfo> | undefined;
  /** Columns joined with USING / NATURAL: unqualified use is not ambiguous (made on first use: most scopes have none). */
  merged: Set<string> | undefined;
  /** MATCH_RECOGNIZE pattern variables, usable as qualifiers of the input's columns. */
  patternVariables: Set<string> | undefined;

  constructor(
    readonly relations: Relation[],
    readonly parent?: Scope,
  ) {}

  /** Whether some relation's columns are unknown (then nothing can be reported as missing). */
  get open(): boolean {
    return this.relations.some((r) => r.columns === undefined);
  }

  /** The relation a qualifier names: alias, table name, or a suffix of a table's path. */
  relation(qualifier: readonly string[]): Relation | undefined {
    return this.relationAt(qualifier, qualifier.length);
  }

  /** relation(parts.slice(0, q)) without the slice (column references call it for every name). */
  relationAt(parts: readonly string[], q: number): Relation | undefined {
    const last = parts[q - 1]!;
    for (const r of this.relations) if (r.name === last && matchesPath(r, parts, q)) return r;
    const lower = last.toLowerCase();
    for (const r of this.relations) if (r.name !== undefined && r.name.toLowerCase() === lower && matchesPath(r, parts, q)) return r;
    return undefined;
  }

  /** Every column name visible here and in enclosing scopes, for did-you-mean. */
  visibleColumns(): string[] {
    const out: string[] = [];
    for (let s: Scope | undefined = this; s; s = s.parent) {
      for (const r of s.relations) for (const c of r.columns ?? []) out.push(c.name);
      if (s.aliases) out.push(...s.aliases.keys());
    }
    return out;
  }
}

/** Whether r's path ends with parts[0, q) (ignoring case); any relation matches a one-part qualifier. */
function matchesPath(r: Relation, parts: readonly string[], q: number): boolean {
  if (q === 1) return true;
  if (!r.path) return false;
  // the tail path.slice(length - q), compared part by part (as slice does, a negative start counts from the end)
  let start = r.path.length - q;
  if (start < 0) start = Math.max(r.path.length + start, 0);
  for (let i = 0; start + i < r.path.length; i++) if (r.path[start + i]!.toLowerCase() !== parts[i]!.toLowerCase()) return false;
  return true;
}
