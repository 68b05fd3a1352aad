import { DEFAULT_CATALOG, DEFAULT_DATABASE, type SchemaCatalog } from '../analyze/catalog.js';
import { TokenKind, type Token } from '../lex/token.js';
import { parseStatement } from '../parse/parser.js';
import { splitStatements } from '../parse/split.js';

/**
 * What is in scope at a cursor, read leniently from tokens (the statement being typed rarely
 * parses): the statement around the cursor, the tables the script defined before it, the
 * aliases of its FROM clause. Completion and hover both stand on it.
 */
export interface KnownTable {
  readonly name: string;
  readonly kind: 'table' | 'view';
  /** Read lazily: a catalog of 10,000 tables must not be copied on every keystroke. */
  columns(): readonly { readonly name: string; readonly type: string }[];
}

/** Tables defined by a statement, by statement text: completion re-reads the script on each call. */
const definedBy = new Map<string, KnownTable | null>();
const DEFINED_CACHE_LIMIT = 5000;

/** The statement around `offset` and the tables the statements closed before it define. */
export function statementAt(text: string, offset: number): { start: number; end: number; scriptTables: KnownTable[] } {
  let start = 0;
  let end = text.length;
  const scriptTables: KnownTable[] = [];
  for (const slice of splitStatements(text)) {
    // A statement closed by its ';' before the cursor is context; an open one is where we are.
    if (slice.end <= offset && text.charCodeAt(slice.end - 1) === 59) {
      collectTables(slice.text, scriptTables);
      start = slice.end;
      continue;
    }
    if (slice.start > offset) break;
    end = slice.end;
    break;
  }
  return { start, end, scriptTables };
}

/** Finds a table by name: the script's own first, else the catalog's (read only when named). */
export function tableLookup(scriptTables: readonly KnownTable[], catalog: SchemaCatalog | undefined): (name: string) => KnownTable | undefined {
  const own = new Map(scriptTables.map((t) => [t.name, t] as const));
  return (name) => {
    const mine = own.get(name);
    if (mine) return mine;
    const info = catalog?.table([DEFAULT_CATALOG, DEFAULT_DATABASE, name]) ?? catalog?.tables().find((t) => t.name === name);
    return info ? { name: info.name, kind: info.kind, columns: () => (info.columns ?? []).map((c) => ({ name: c.name, type: c.type.text })) } : undefined;
  };
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

/** Table name for each alias (and each table's own name) after FROM / JOIN in the statement. */
export function aliasesIn(text: string, tokens: readonly Token[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    const w = word(text, tokens[i]!);
    if (w !== 'FROM' && w !== 'JOIN' && !(w === ',' && inFromList(text, tokens.slice(0, i + 1)))) continue;
    let j = i + 1;
    const parts: string[] = [];
    while (j < tokens.length && (tokens[j]!.kind === TokenKind.Identifier || tokens[j]!.kind === TokenKind.QuotedIdentifier)) {
      parts.push(nameOf(text, tokens[j]!));
      if (word(text, tokens[j + 1] ?? tokens[j]!) !== '.') break;
      j += 2;
    }
    if (parts.length === 0) continue;
    const table = parts[parts.length - 1]!;
    map.set(table, table);
    let k = j + 1;
    // skip FOR SYSTEM_TIME AS OF <expr> up to AS alias: take the next AS <name> or a bare name
    if (word(text, tokens[k] ?? tokens[j]!) === 'FOR') {
      while (k < tokens.length && !(word(text, tokens[k]!) === 'AS' && word(text, tokens[k + 1] ?? tokens[k]!) !== 'OF' && word(text, tokens[k - 1]!) !== 'SYSTEM_TIME')) k++;
    }
    if (word(text, tokens[k] ?? tokens[j]!) === 'AS') k++;
    const alias = tokens[k];
    if (alias && (alias.kind === TokenKind.Identifier || alias.kind === TokenKind.QuotedIdentifier)) map.set(nameOf(text, alias), table);
  }
  return map;
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

/** Tables and views a statement defines, with their columns, for completion later in the script. */
function collectTables(statementText: string, out: KnownTable[]): void {
  let known = definedBy.get(statementText);
  if (known === undefined) {
    known = definedTable(statementText);
    if (definedBy.size >= DEFINED_CACHE_LIMIT) definedBy.clear();
    definedBy.set(statementText, known);
  }
  if (known) out.push(known);
}

function definedTable(statementText: string): KnownTable | null {
  const first = statementText.trimStart().slice(0, 40).toUpperCase();
  if (!first.startsWith('CREATE')) return null;
  const { node } = parseStatement(statementText);
  if (node.kind === 'CreateTable' || node.kind === 'CreateTableAs') {
    const columns = node.columns.map((c) => ({
      name: c.name.name,
      type: c.kind === 'PhysicalColumn' ? statementText.slice(c.type.range.start, c.type.range.end) : c.kind === 'MetadataColumn' ? 'METADATA' : 'AS …',
    }));
    return { name: node.name.parts[node.name.parts.length - 1]!.name, kind: 'table', columns: () => columns };
  }
  if (node.kind === 'CreateView') {
    const columns = (node.columns ?? []).map((c) => ({ name: c.name, type: '' }));
    return { name: node.name.parts[node.name.parts.length - 1]!.name, kind: 'view', columns: () => columns };
  }
  return null;
}
