import type { SchemaCatalog } from '../analyze/catalog.js';
import { lex } from '../lex/lexer.js';
import { TokenKind, isComment, type Token } from '../lex/token.js';
import { columnIn, inFromList, nameOf, relationIn, relationTable, StatementScope, word, type KnownKind, type KnownTable } from './statement-scope.js';

/**
 * Hover: what a name under the cursor is, as the analyzer binds it. A column shows its type, the
 * table (view, CTE, subquery) it comes from and its comment; a table its kind, columns and
 * connector; a function its signature and documentation key (the editor translates it).
 */
export type HoverInfo =
  | { readonly kind: 'column'; readonly name: string; readonly type: string; readonly table: string; readonly comment?: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'table';
      readonly name: string;
      readonly tableKind: KnownKind;
      readonly connector?: string;
      readonly columns: readonly { name: string; type: string }[];
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'function'; readonly name: string; readonly signature: string; readonly start: number; readonly end: number };

export interface HoverEnv {
  readonly catalog?: SchemaCatalog;
  readonly functions?: readonly { readonly name: string; readonly signature?: string }[];
}

const TABLE_POSITION = new Set(['FROM', 'JOIN', 'INTO', 'TABLE', 'VIEW', 'DESCRIBE', 'DESC', 'OVERWRITE', 'TRUNCATE']);

export function hoverAt(text: string, offset: number, env: HoverEnv = {}): HoverInfo | null {
  const statement = StatementScope.at(text, offset, env.catalog);
  const tokens = lex(text, statement.start, Math.max(statement.end, offset)).filter((t) => t.kind !== TokenKind.EOF && !isComment(t.kind));
  const i = tokens.findIndex((t) => t.start <= offset && offset <= t.end && (t.kind === TokenKind.Identifier || t.kind === TokenKind.QuotedIdentifier || t.kind === TokenKind.Keyword));
  if (i < 0) return null;
  const token = tokens[i]!;
  const name = nameOf(text, token);
  const range = { start: token.start, end: token.end };
  const at = (k: number) => (tokens[k] ? word(text, tokens[k]!) : '');
  const tableInfo = (t: KnownTable): HoverInfo => ({ kind: 'table', name: t.name, tableKind: t.kind, ...(t.connector ? { connector: t.connector } : {}), columns: t.columns(), ...range });

  if (at(i + 1) === '(') {
    const upper = name.toUpperCase();
    const fn = env.functions?.find((f) => f.name.toUpperCase() === upper);
    if (fn) return { kind: 'function', name: fn.name, signature: fn.signature ?? `${fn.name}(...)`, ...range };
  }
  const scope = statement.scopeAt(offset);
  const qualifier = qualifierOf(text, tokens, i);
  const parts = [...qualifier, name];
  // a qualified column (c.speed), else a qualified table name (db.t)
  if (qualifier.length > 0) {
    const relation = relationIn(scope, qualifier);
    const column = relation?.columns?.find((c) => c.name === name);
    if (relation && column) return { kind: 'column', name, type: column.type.text, table: relationTable(relation).name, ...(column.comment ? { comment: column.comment } : {}), ...range };
  }
  const inTablePosition = TABLE_POSITION.has(at(i - 1 - 2 * qualifier.length)) || (at(i - 1 - 2 * qualifier.length) === ',' && inFromList(text, tokens.slice(0, i - 2 * qualifier.length)));
  if (inTablePosition || qualifier.length > 0) {
    const relation = qualifier.length === 0 ? relationIn(scope, [name]) : undefined;
    if (relation && (relation.cte || relation.source?.name === name)) return tableInfo(relationTable(relation));
    const table = statement.table(parts);
    if (table) return tableInfo(table);
  }
  if (qualifier.length === 0 && at(i + 1) !== '.') {
    const found = columnIn(scope, name);
    if (found) {
      const { column, relation } = found;
      return { kind: 'column', name, type: column.type.text, table: relationTable(relation).name, ...(column.comment ? { comment: column.comment } : {}), ...range };
    }
  }
  // an alias (c in c.speed) stands for its table
  const relation = qualifier.length === 0 ? relationIn(scope, [name]) : undefined;
  if (relation) return tableInfo(relationTable(relation));
  const table = statement.table(parts);
  return table ? tableInfo(table) : null;
}

/** The dotted names before token i: `db.t` gives ['db'] for t. */
function qualifierOf(text: string, tokens: readonly Token[], i: number): string[] {
  const parts: string[] = [];
  for (let k = i - 1; k >= 1 && word(text, tokens[k]!) === '.'; k -= 2) parts.unshift(nameOf(text, tokens[k - 1]!));
  return parts;
}
