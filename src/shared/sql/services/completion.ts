import type { SchemaCatalog } from '../analyze/catalog.js';
import { CONNECTORS, FORMATS, connectorSpec, formatSpec, type OptionSpec } from '../analyze/connectors/index.js';
import { lex } from '../lex/lexer.js';
import { TokenKind, isComment, type Token } from '../lex/token.js';
import { expectsType, inventsName } from './name-position.js';
import { inFromList, nameOf, quote, relationIn, relationTable, StatementScope, word } from './statement-scope.js';

/**
 * Completion that knows where it is in a Flink SQL statement, read from the tokens before the
 * cursor (so it works on half-written, unparseable text): statement keywords at the start,
 * tables after FROM / JOIN / INTO, columns of the tables and aliases in scope (`v.` lists v's
 * columns), connector option keys inside WITH (...) and their values after `=`, functions and
 * keywords inside expressions. Tables and columns come from the script and the catalog.
 */
export type CompletionKind = 'keyword' | 'table' | 'view' | 'column' | 'function' | 'option' | 'value';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  readonly detail?: string;
  /** A table's or view's number of columns (the editor words it in the user's language). */
  readonly columns?: number;
  /** Where its one-line doc is: a connector's doc group and option key, or 'function' and the name. */
  readonly doc?: { readonly group: string; readonly key: string };
  /** Lower sorts first: columns before functions before keywords in expressions. */
  readonly rank: number;
}

export interface CompletionResult {
  readonly items: readonly CompletionItem[];
  /** The text these items replace: the word (or string contents) under the cursor. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
}

export interface CompletionEnv {
  readonly catalog?: SchemaCatalog;
  readonly functions?: readonly { readonly name: string; readonly signature?: string }[];
  /** Most items returned (the editor filters further as the user types). */
  readonly limit?: number;
}

const STATEMENT_KEYWORDS = [
  'CREATE TABLE', 'CREATE TEMPORARY TABLE', 'CREATE VIEW', 'CREATE TEMPORARY VIEW', 'CREATE FUNCTION', 'CREATE CATALOG', 'CREATE DATABASE',
  'INSERT INTO', 'INSERT OVERWRITE', 'SELECT', 'WITH', 'SET', 'RESET', 'BEGIN STATEMENT SET;', 'END;', 'EXECUTE STATEMENT SET', 'EXPLAIN',
  'USE', 'USE CATALOG', 'SHOW TABLES', 'SHOW JOBS', 'SHOW CATALOGS', 'SHOW DATABASES', 'SHOW FUNCTIONS', 'DESCRIBE', 'ALTER TABLE', 'DROP TABLE',
  'DROP VIEW', 'ADD JAR', 'LOAD MODULE', 'CALL', 'STOP JOB', 'TRUNCATE TABLE',
];

const EXPRESSION_KEYWORDS = [
  'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'JOIN', 'LEFT JOIN', 'INNER JOIN', 'ON', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS NULL',
  'IS NOT NULL', 'BETWEEN', 'LIKE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'DISTINCT', 'UNION ALL', 'FOR SYSTEM_TIME AS OF', 'OVER', 'PARTITION BY',
  'INTERVAL', 'CAST', 'TRY_CAST', 'TABLE', 'DESCRIPTOR', 'LATERAL TABLE', 'UNNEST', 'WINDOW', 'SELECT', 'VALUES',
];

/** Flink SQL data types, offered where a column's or a CAST's type is written. */
const DATA_TYPES = [
  'STRING', 'VARCHAR', 'CHAR', 'BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP',
  'TIMESTAMP_LTZ', 'BYTES', 'BINARY', 'VARBINARY', 'ARRAY', 'MAP', 'MULTISET', 'ROW', 'INTERVAL',
];

/** What may open a CREATE TABLE element besides a column name. */
const TABLE_ELEMENT_KEYWORDS = ['PRIMARY KEY', 'WATERMARK FOR', 'CONSTRAINT'];

const AFTER_TABLE_KEYWORDS = [
  'AS', 'WHERE', 'JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'INNER JOIN', 'FULL OUTER JOIN', 'CROSS JOIN', 'ON', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT',
  'UNION ALL', 'FOR SYSTEM_TIME AS OF', 'WINDOW',
];

const TABLE_CONTEXT = new Set(['FROM', 'JOIN', 'INTO', 'TABLE', 'UPDATE', 'DESCRIBE', 'DESC', 'OVERWRITE', 'TRUNCATE']);

export function complete(text: string, offset: number, env: CompletionEnv = {}): CompletionResult {
  const limit = env.limit ?? 1000;
  const statement = StatementScope.at(text, offset, env.catalog);
  const { start, end } = statement;
  const tokens = lex(text, start, Math.max(end, offset)).filter((t) => t.kind !== TokenKind.EOF);
  const at = tokens.findIndex((t) => t.start < offset && offset <= t.end);
  const current = at >= 0 ? tokens[at]! : undefined;
  if (current && isComment(current.kind)) return { items: [], replaceStart: offset, replaceEnd: offset };

  const inString = current?.kind === TokenKind.String || current?.kind === TokenKind.UnterminatedString;
  const isWord = current && (current.kind === TokenKind.Identifier || current.kind === TokenKind.Keyword);
  const replaceStart = inString ? current!.start + 1 : isWord ? current!.start : offset;
  const replaceEnd = inString ? Math.max(replaceStart, Math.min(offset, current!.end - (current!.kind === TokenKind.String ? 1 : 0))) : offset;
  const prefix = text.slice(replaceStart, offset).toLowerCase();
  const before = tokens.filter((t) => t.end <= (current && (inString || isWord) ? current.start : offset) && !isComment(t.kind));
  const all = tokens.filter((t) => !isComment(t.kind));

  const items: CompletionItem[] = [];
  const push = (item: CompletionItem) => {
    if (items.length < limit && item.label.toLowerCase().startsWith(prefix)) items.push(item);
  };
  const result = () => ({ items: items.sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)), replaceStart, replaceEnd });

  const options = optionContext(text, before, all);
  if (options) {
    if (options.valueOf !== undefined) {
      const spec = options.specs.find((s) => s.key === options.valueOf);
      for (const value of valuesOf(options.valueOf, spec)) push({ label: value, kind: 'value', insertText: inString ? value : `'${value}'`, rank: 0 });
    } else {
      for (const spec of options.specs) {
        if (options.used.has(spec.key)) continue;
        push({
          label: spec.key,
          kind: 'option',
          insertText: inString ? spec.key : `'${spec.key}' = '${spec.default ?? ''}'`,
          detail: `${spec.type}${spec.required ? ', required' : ''}${spec.default !== undefined ? ` = ${spec.default}` : ''}`,
          doc: { group: spec.doc, key: docKey(spec.key) },
          rank: spec.required ? 0 : 1,
        });
      }
    }
    return result();
  }
  if (inString) return result();

  const last = before[before.length - 1];
  const lastWord = last ? word(text, last) : '';
  if (before.length === 0) {
    for (const k of STATEMENT_KEYWORDS) push({ label: k, kind: 'keyword', insertText: k, rank: 0 });
    return result();
  }

  if (inventsName(text, before)) {
    // a new column's name: only the clauses that may stand there, and only once typed
    if (prefix && (lastWord === '(' || lastWord === ',')) for (const k of TABLE_ELEMENT_KEYWORDS) push({ label: k, kind: 'keyword', insertText: k, rank: 0 });
    return result();
  }

  const typeWanted = expectsType(text, before);
  if (typeWanted) {
    for (const k of DATA_TYPES) push({ label: k, kind: 'keyword', insertText: k, rank: 0 });
    if (typeWanted === 'column') for (const k of ['AS', 'METADATA']) push({ label: k, kind: 'keyword', insertText: k, rank: 1 });
    return result();
  }

  // `alias.` → the columns of what the alias names: a table, view, CTE or subquery
  if (last && lastWord === '.' && before.length >= 2) {
    const qualifier = qualifierBefore(text, before);
    const scope = statement.scopeAt(offset, { wordStart: replaceStart });
    const relation = relationIn(scope, qualifier);
    const table = relation ? relationTable(relation) : statement.table(qualifier);
    for (const c of table?.columns() ?? []) push({ label: c.name, kind: 'column', insertText: quote(c.name), detail: c.type, rank: 0 });
    return result();
  }

  if (TABLE_CONTEXT.has(lastWord) || (lastWord === ',' && inFromList(text, before))) {
    // CTEs of the query being typed come first: they hide tables of the same name
    const ctes = lastWord === 'FROM' || lastWord === 'JOIN' || lastWord === ',' ? statement.ctesAt(offset, { wordStart: replaceStart }) : [];
    for (const cte of ctes) push({ label: cte.name, kind: 'table', insertText: quote(cte.name), columns: cte.columnCount, rank: 0 });
    const hidden = new Set(ctes.map((c) => c.name));
    for (const table of statement.tables(prefix)) {
      if (hidden.has(table.name)) continue;
      push({ label: table.name, kind: table.kind === 'view' ? 'view' : 'table', insertText: quote(table.name), columns: table.columnCount, rank: table.own ? 0 : 1 });
    }
    return result();
  }

  // After a FROM item: its alias or the next clause, never a function
  if (last && (last.kind === TokenKind.Identifier || last.kind === TokenKind.QuotedIdentifier || lastWord === ')') && inFromList(text, before)) {
    for (const k of AFTER_TABLE_KEYWORDS) push({ label: k, kind: 'keyword', insertText: k, rank: 2 });
    return result();
  }

  // Inside an expression: columns of the tables in scope, then functions, then keywords.
  const seen = new Set<string>();
  for (let scope = statement.scopeAt(offset, { wordStart: replaceStart }); scope; scope = scope.parent) {
    for (const relation of scope.relations) {
      const table = relationTable(relation);
      for (const c of table.columns()) {
        if (seen.has(c.name)) continue;
        seen.add(c.name);
        push({ label: c.name, kind: 'column', insertText: quote(c.name), detail: `${c.type} · ${table.name}`, rank: 0 });
      }
    }
  }
  for (const f of env.functions ?? []) {
    push({ label: f.name, kind: 'function', insertText: f.name, ...(f.signature ? { detail: f.signature } : {}), doc: { group: 'function', key: f.name }, rank: 1 });
  }
  for (const k of EXPRESSION_KEYWORDS) push({ label: k, kind: 'keyword', insertText: k, rank: 2 });
  return result();
}

/** The written name before a trailing '.': `db.t.` gives ['db', 't']. */
function qualifierBefore(text: string, before: readonly Token[]): string[] {
  const parts: string[] = [];
  for (let i = before.length - 2; i >= 0; i -= 2) {
    const t = before[i]!;
    if (t.kind !== TokenKind.Identifier && t.kind !== TokenKind.QuotedIdentifier && t.kind !== TokenKind.Keyword) break;
    parts.unshift(nameOf(text, t));
    if (i === 0 || word(text, before[i - 1]!) !== '.') break;
  }
  return parts;
}

/** Inside WITH ( ... ): the option specs that apply, keys already used, and the key before `=`. */
function optionContext(
  text: string,
  before: readonly Token[],
  all: readonly Token[],
): { specs: readonly OptionSpec[]; used: Set<string>; valueOf: string | undefined } | null {
  let depth = 0;
  let open = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const w = word(text, before[i]!);
    if (w === ')') depth++;
    else if (w === '(') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 1 || word(text, before[open - 1]!) !== 'WITH') return null;
  // WITH ( after CREATE ... (not a CTE: those are WITH name AS)
  const pairs = new Map<string, string>();
  for (let i = open + 1; i + 2 < all.length; i++) {
    if (all[i]!.kind === TokenKind.String && word(text, all[i + 1]!) === '=' && all[i + 2]!.kind === TokenKind.String) {
      pairs.set(all[i]!.value ?? '', all[i + 2]!.value ?? '');
    }
  }
  const connector = pairs.get('connector');
  const spec = connector ? connectorSpec(connector) : undefined;
  const specs: OptionSpec[] = spec ? [...spec.options] : [{ key: 'connector', type: 'enum', values: CONNECTORS.map((c) => c.name), required: true, doc: 'common' }];
  for (const key of spec?.formatKeys ?? []) {
    const format = pairs.get(key);
    const f = format ? formatSpec(format) : undefined;
    const prefix = key === 'format' ? '' : key.slice(0, key.length - 'format'.length);
    for (const o of f?.options ?? []) specs.push({ ...o, key: `${prefix}${f!.name}.${o.key}` });
  }
  const last = before[before.length - 1];
  const valueOf = last && word(text, last) === '=' && before[before.length - 2]?.kind === TokenKind.String ? (before[before.length - 2]!.value ?? '') : undefined;
  return { specs, used: new Set(pairs.keys()), valueOf };
}

function valuesOf(key: string, spec: OptionSpec | undefined): string[] {
  if (key === 'connector') return CONNECTORS.map((c) => c.name);
  if (key.endsWith('format')) return FORMATS.map((f) => f.name);
  if (spec?.type === 'boolean') return ['true', 'false'];
  if (spec?.values) return [...spec.values];
  return spec?.default !== undefined ? [spec.default] : [];
}


/** Format options are documented under their key without the format prefix. */
function docKey(key: string): string {
  const format = FORMATS.find((f) => key.startsWith(`${f.name}.`) || key.includes(`.${f.name}.`));
  return format ? key.slice(key.indexOf(`${format.name}.`) + format.name.length + 1) : key;
}
