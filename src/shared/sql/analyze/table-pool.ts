import type { ColumnInfo, TableInfo } from './catalog.js';

/**
 * Keeps one object per table definition across checks: a re-analysed CREATE whose result equals
 * the table of the last check hands on the old object, so statements that read that table keep
 * their cached analysis (their reads compare by identity). Only a changed signature re-checks them.
 */
const PER_NAME = 8;

export class TablePool {
  private tables = new Map<string, TableInfo[]>();
  private size = 0;

  /** Starts a check; forgets everything once it holds far more tables than a script has. */
  next(): void {
    if (this.size > 50_000) {
      this.tables = new Map();
      this.size = 0;
    }
  }

  canonical(key: string, table: TableInfo): TableInfo {
    const seen = this.tables.get(key);
    if (!seen) {
      this.tables.set(key, [table]);
      this.size++;
      return table;
    }
    for (const t of seen) if (t === table) return t;
    for (const t of seen) if (sameTable(t, table)) return t;
    // a few versions per name are enough for edit/undo; typing must not grow the list
    if (seen.length >= PER_NAME) seen.shift();
    else this.size++;
    seen.push(table);
    return table;
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameColumn(a: ColumnInfo, b: ColumnInfo): boolean {
  return a === b || (a.name === b.name && a.type.root === b.type.root && a.type.text === b.type.text && a.nullable === b.nullable && a.comment === b.comment && a.writable === b.writable);
}

export function sameTable(a: TableInfo, b: TableInfo): boolean {
  if (a.name !== b.name || a.kind !== b.kind || a.invalidOptions !== b.invalidOptions || a.connector !== b.connector || a.temporary !== b.temporary) return false;
  if (!sameList(a.path, b.path) || !sameList(a.primaryKey, b.primaryKey) || !sameList(a.partitionKeys, b.partitionKeys)) return false;
  if (a.columns === b.columns) return true;
  if (!a.columns || !b.columns || a.columns.length !== b.columns.length) return false;
  for (let i = 0; i < a.columns.length; i++) if (!sameColumn(a.columns[i]!, b.columns[i]!)) return false;
  return true;
}
