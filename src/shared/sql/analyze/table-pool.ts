import type { ColumnInfo, TableInfo } from './catalog.js';

/**
 * Keeps one object per table definition across checks: a re-analysed CREATE whose result equals
 * the table of the last check hands on the old object, so statements that read that table keep
 * their cached analysis (their reads compare by identity). Only a changed signature re-checks them.
 */
export class TablePool {
  private previous = new Map<string, TableInfo[]>();
  private current = new Map<string, TableInfo[]>();

  /** Starts a check: the tables of the last one are the candidates. */
  next(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  canonical(key: string, table: TableInfo): TableInfo {
    let found = table;
    const before = this.previous.get(key);
    if (before) {
      for (const t of before) {
        if (t === table || sameTable(t, table)) {
          found = t;
          break;
        }
      }
    }
    const now = this.current.get(key);
    if (!now) this.current.set(key, [found]);
    else if (!now.includes(found)) now.push(found);
    return found;
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
  if (a.name !== b.name || a.kind !== b.kind || a.invalidOptions !== b.invalidOptions) return false;
  if (!sameList(a.path, b.path) || !sameList(a.primaryKey, b.primaryKey) || !sameList(a.partitionKeys, b.partitionKeys)) return false;
  if (a.columns === b.columns) return true;
  if (!a.columns || !b.columns || a.columns.length !== b.columns.length) return false;
  for (let i = 0; i < a.columns.length; i++) if (!sameColumn(a.columns[i]!, b.columns[i]!)) return false;
  return true;
}
