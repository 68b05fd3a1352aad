import type { ColumnInfo, SchemaCatalog, TableInfo } from '../analyze/catalog.js';
import { columnOf, type Relation, type Scope } from '../analyze/scope.js';
import type { Session } from '../analyze/session.js';
import { analyzeStatement } from '../analyze/statement-analyzer.js';
import { TokenKind, type Token } from '../lex/token.js';
import { parseStatement } from '../parse/parser.js';
import { ScriptChecker } from './script-checker.js';

/**
 * What is in scope at a cursor, as the analyzer binds it (the same binding diagnostics use): the
 * statement around the cursor, the tables and views the script defined before it (with the columns
 * of each view's query), and the scopes of the SELECTs of the statement being typed (aliases, CTEs,
 * subqueries with their produced columns). Completion and hover both stand on it.
 */
export type KnownKind = 'table' | 'temporary-table' | 'view' | 'cte' | 'subquery';

export interface KnownColumn {
  readonly name: string;
  readonly type: string;
  readonly comment?: string;
}

export interface KnownTable {
  readonly name: string;
  readonly kind: KnownKind;
  readonly connector?: string;
  readonly columnCount: number;
  /** Read lazily: a catalog of 10,000 tables must not be copied on every keystroke. */
  columns(): readonly KnownColumn[];
}

/** One checker per catalog, kept between calls: statements before the cursor replay their cached analysis. */
const checkers = new WeakMap<object, ScriptChecker>();
const NO_CATALOG = {};

export class StatementScope {
  private bound: Bound[] | undefined;
  private boundText: string | undefined;

  private constructor(
    readonly text: string,
    /** The statement around the cursor. */
    readonly start: number,
    readonly end: number,
    private readonly session: Session,
    private readonly catalog: SchemaCatalog | undefined,
  ) {}

  static at(text: string, offset: number, catalog?: SchemaCatalog): StatementScope {
    const key = catalog ?? NO_CATALOG;
    let checker = checkers.get(key);
    if (!checker) {
      checker = new ScriptChecker(catalog ? { catalog } : {});
      checkers.set(key, checker);
    }
    const { session, start, end } = checker.sessionAt(text, offset);
    return new StatementScope(text, start, end, session, catalog);
  }

  /**
   * Tables and views of the current catalog and database whose lower-case name starts with
   * `typed`: the script's first, then the catalog's. Plain entries, no column lists: a catalog
   * of 10,000 tables is listed on every keystroke after FROM.
   */
  tables(typed = ''): { name: string; kind: KnownKind; columnCount: number; own: boolean }[] {
    const prefix = [this.session.catalog, this.session.database];
    const out: { name: string; kind: KnownKind; columnCount: number; own: boolean }[] = [];
    const own = new Set<string>();
    for (const t of this.session.tables.values()) {
      if (t.path[0] !== prefix[0] || t.path[1] !== prefix[1]) continue;
      own.add(t.name);
      if (t.name.toLowerCase().startsWith(typed)) out.push({ name: t.name, kind: kindOf(t), columnCount: t.columns?.length ?? 0, own: true });
    }
    for (const t of this.catalog?.tables(prefix) ?? []) {
      if (!own.has(t.name) && t.name.toLowerCase().startsWith(typed)) out.push({ name: t.name, kind: kindOf(t), columnCount: t.columns?.length ?? 0, own: false });
    }
    return out;
  }

  /** A table or view by its written name (t, db.t, cat.db.t), as the session resolves it. */
  table(parts: readonly string[]): KnownTable | undefined {
    const t = this.session.table(this.session.fullPath(parts));
    return t ? known(t) : undefined;
  }

  /**
   * The scope of the innermost SELECT of the current statement around `offset`. With `typing`,
   * the word being typed there (from `wordStart`) is replaced by a placeholder name first, so a
   * half-written `c.` still parses as a column of the SELECT it stands in.
   */
  scopeAt(offset: number, typing?: { wordStart: number }): Scope | undefined {
    return this.boundAt(offset, typing)?.scope;
  }

  /** CTEs visible in the innermost SELECT at `offset` (innermost last shadows), with their columns. */
  ctesAt(offset: number, typing?: { wordStart: number }): KnownTable[] {
    const out = new Map<string, KnownTable>();
    for (const frame of this.boundAt(offset, typing)?.ctes ?? []) {
      for (const [name, columns] of frame) {
        const list = (columns ?? []).map(knownColumn);
        out.set(name, { name, kind: 'cte', columnCount: list.length, columns: () => list });
      }
    }
    return [...out.values()];
  }

  private boundAt(offset: number, typing?: { wordStart: number }): Bound | undefined {
    const text = typing ? `${this.text.slice(this.start, typing.wordStart)}${PLACEHOLDER}${this.text.slice(offset, this.end)}` : this.text.slice(this.start, this.end);
    if (this.boundText !== text) {
      this.boundText = text;
      const bound: Bound[] = [];
      const { node } = parseStatement(text);
      // the statement's own effects (a CREATE VIEW being typed) land in this throwaway session
      analyzeStatement(node, this.session, false, (select, scope, ctes) => bound.push({ select, scope, ctes }));
      this.bound = bound;
    }
    const at = (typing ? typing.wordStart : offset) - this.start;
    let best: Bound | undefined;
    for (const b of this.bound!) {
      const r = b.select.range;
      if (r.start <= at && at <= r.end && (!best || r.end - r.start < best.select.range.end - best.select.range.start)) best = b;
    }
    return best;
  }
}

interface Bound {
  readonly select: { readonly range: { readonly start: number; readonly end: number } };
  readonly scope: Scope;
  readonly ctes: ReadonlyMap<string, readonly ColumnInfo[] | undefined>[];
}

/** Stands for the word being typed: a name no script uses. */
const PLACEHOLDER = 'weir_cursor_';

/** The relation `qualifier` names in a scope or an enclosing one. */
export function relationIn(scope: Scope | undefined, qualifier: readonly string[]): Relation | undefined {
  for (let s = scope; s; s = s.parent) {
    const r = s.relation(qualifier);
    if (r) return r;
  }
  return undefined;
}

/** The relation a column name belongs to in the innermost scope that has it. */
export function columnIn(scope: Scope | undefined, name: string): { relation: Relation; column: ColumnInfo } | undefined {
  for (let s = scope; s; s = s.parent) {
    for (const relation of s.relations) {
      const column = relation.columns ? columnOf(relation.columns, name) : undefined;
      if (column) return { relation, column };
    }
  }
  return undefined;
}

/** A FROM relation as a table: its source table or view, a CTE, or a subquery under its alias. */
export function relationTable(r: Relation): KnownTable {
  if (r.source && r.name === r.source.name) return known(r.source);
  const columns = (r.columns ?? []).map(knownColumn);
  const kind: KnownKind = r.cte ? 'cte' : r.source ? kindOf(r.source) : 'subquery';
  return { name: r.source?.name ?? r.name ?? '', kind, ...(r.source?.connector ? { connector: r.source.connector } : {}), columnCount: columns.length, columns: () => columns };
}

function kindOf(t: TableInfo): KnownKind {
  return t.kind === 'view' ? 'view' : t.temporary ? 'temporary-table' : 'table';
}

function known(t: TableInfo): KnownTable {
  return { name: t.name, kind: kindOf(t), ...(t.connector ? { connector: t.connector } : {}), columnCount: t.columns?.length ?? 0, columns: () => (t.columns ?? []).map(knownColumn) };
}

function knownColumn(c: ColumnInfo): KnownColumn {
  return c.comment ? { name: c.name, type: c.type.text, comment: c.comment } : { name: c.name, type: c.type.text };
}

export function word(text: string, token: Token): string {
  return token.kind === TokenKind.Keyword ? (token.value ?? '') : text.slice(token.start, token.end).toUpperCase();
}

export function nameOf(text: string, token: Token): string {
  return token.kind === TokenKind.QuotedIdentifier || token.kind === TokenKind.Identifier ? (token.value ?? text.slice(token.start, token.end)) : text.slice(token.start, token.end);
}

/** Backticks for names that are not plain words (or would read as keywords). */
export function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** True when the last FROM/JOIN before the end is not yet closed by WHERE/GROUP/ON... */
export function inFromList(text: string, tokens: readonly Token[]): boolean {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const w = word(text, tokens[i]!);
    if (w === ')') depth++;
    else if (w === '(') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0) {
      if (w === 'FROM') return true;
      if (['WHERE', 'GROUP', 'ON', 'HAVING', 'ORDER', 'SELECT', 'LIMIT', 'SET', 'WITH'].includes(w)) return false;
    }
  }
  return false;
}
