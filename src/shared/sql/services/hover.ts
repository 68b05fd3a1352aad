import type { SchemaCatalog } from '../analyze/catalog.js';
import { lex } from '../lex/lexer.js';
import { TokenKind, isComment } from '../lex/token.js';
import { aliasesIn, nameOf, statementAt, tableLookup, word } from './statement-scope.js';

/**
 * Hover: what a name under the cursor is. A column shows its type and table, a table its
 * columns, a function its signature and documentation key (the editor translates it).
 */
export type HoverInfo =
  | { readonly kind: 'column'; readonly name: string; readonly type: string; readonly table: string; readonly start: number; readonly end: number }
  | { readonly kind: 'table'; readonly name: string; readonly tableKind: 'table' | 'view'; readonly columns: readonly { name: string; type: string }[]; readonly start: number; readonly end: number }
  | { readonly kind: 'function'; readonly name: string; readonly signature: string; readonly start: number; readonly end: number };

export interface HoverEnv {
  readonly catalog?: SchemaCatalog;
  readonly functions?: readonly { readonly name: string; readonly signature?: string }[];
}

export function hoverAt(text: string, offset: number, env: HoverEnv = {}): HoverInfo | null {
  const { start, end, scriptTables } = statementAt(text, offset);
  const tokens = lex(text, start, Math.max(end, offset)).filter((t) => t.kind !== TokenKind.EOF && !isComment(t.kind));
  const i = tokens.findIndex((t) => t.start <= offset && offset <= t.end && (t.kind === TokenKind.Identifier || t.kind === TokenKind.QuotedIdentifier || t.kind === TokenKind.Keyword));
  if (i < 0) return null;
  const token = tokens[i]!;
  const name = nameOf(text, token);
  const range = { start: token.start, end: token.end };
  const lookup = tableLookup(scriptTables, env.catalog);
  const aliases = aliasesIn(text, tokens);

  if (tokens[i + 1] && word(text, tokens[i + 1]!) === '(') {
    const upper = name.toUpperCase();
    const fn = env.functions?.find((f) => f.name.toUpperCase() === upper);
    if (fn) return { kind: 'function', name: fn.name, signature: fn.signature ?? `${fn.name}(...)`, ...range };
  }
  // qualifier.column
  if (i >= 2 && word(text, tokens[i - 1]!) === '.') {
    const owner = nameOf(text, tokens[i - 2]!);
    const table = lookup(aliases.get(owner) ?? owner);
    const column = table?.columns().find((c) => c.name === name);
    if (table && column) return { kind: 'column', name, type: column.type, table: table.name, ...range };
  }
  const table = lookup(name);
  if (table && (aliases.has(name) || !tokens[i + 1] || word(text, tokens[i + 1]!) !== '.')) {
    const asTable = aliases.get(name) === name || ['FROM', 'JOIN', 'INTO', 'TABLE'].includes(i > 0 ? word(text, tokens[i - 1]!) : '');
    if (asTable || !aliases.size) return { kind: 'table', name: table.name, tableKind: table.kind, columns: table.columns(), ...range };
  }
  for (const tableName of new Set(aliases.values())) {
    const column = lookup(tableName)?.columns().find((c) => c.name === name);
    if (column) return { kind: 'column', name, type: column.type, table: tableName, ...range };
  }
  return table ? { kind: 'table', name: table.name, tableKind: table.kind, columns: table.columns(), ...range } : null;
}
