import { TokenKind, type Token } from '../lex/token.js';
import { word } from './statement-scope.js';

/**
 * Where the user invents a name, so no suggestion may stand in for it: a column being defined
 * in CREATE TABLE (...), or an alias after AS in a SELECT list or FROM clause. `before` are the
 * statement's tokens before the word at the cursor, comments left out.
 */
export function inventsName(text: string, before: readonly Token[]): boolean {
  const lastWord = before.length > 0 ? word(text, before[before.length - 1]!) : '';
  if (lastWord === '(' || lastWord === ',') {
    const open = lastWord === '(' ? before.length - 1 : unclosedParen(text, before, before.length - 2);
    return open > 0 && opensTableElements(text, before, open);
  }
  if (lastWord === 'AS') return aliasAfterAs(text, before);
  return false;
}

/**
 * Where a data type is expected: after a new column's name in CREATE TABLE (...), or after AS in
 * CAST( / TRY_CAST(. Only types (and AS for a computed column) belong there, never functions.
 */
export function expectsType(text: string, before: readonly Token[]): 'column' | 'cast' | undefined {
  const n = before.length;
  if (n >= 2) {
    const sep = word(text, before[n - 2]!);
    const open = sep === '(' ? n - 2 : sep === ',' ? unclosedParen(text, before, n - 3) : -1;
    if (open > 0 && isName(before[n - 1]!) && opensTableElements(text, before, open)) return 'column';
  }
  if (n >= 1 && word(text, before[n - 1]!) === 'AS') {
    const open = unclosedParen(text, before, n - 2);
    const fn = open > 0 ? word(text, before[open - 1]!) : '';
    if (fn === 'CAST' || fn === 'TRY_CAST') return 'cast';
  }
  return undefined;
}

function isName(t: Token): boolean {
  return t.kind === TokenKind.Identifier || t.kind === TokenKind.QuotedIdentifier;
}

/** Index of the '(' not closed before `from` (inclusive), or -1. */
function unclosedParen(text: string, before: readonly Token[], from: number): number {
  let depth = 0;
  for (let i = from; i >= 0; i--) {
    const w = word(text, before[i]!);
    if (w === ')') depth++;
    else if (w === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Whether the '(' at `open` opens CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (...). */
function opensTableElements(text: string, before: readonly Token[], open: number): boolean {
  // the table name before it: a, a.b or a.b.c
  let i = open - 1;
  while (i >= 2 && word(text, before[i - 1]!) === '.') i -= 2;
  i--;
  if (i >= 2 && word(text, before[i]!) === 'EXISTS' && word(text, before[i - 1]!) === 'NOT' && word(text, before[i - 2]!) === 'IF') i -= 3;
  if (i < 1 || word(text, before[i]!) !== 'TABLE') return false;
  const head = word(text, before[0]!);
  return head === 'CREATE';
}

/** Whether AS is followed by a new alias: AS in a SELECT list or after a FROM item. */
function aliasAfterAs(text: string, before: readonly Token[]): boolean {
  if (before.length >= 2 && word(text, before[before.length - 2]!) === 'SYSTEM_TIME') return false;
  let depth = 0;
  for (let i = before.length - 2; i >= 0; i--) {
    const w = word(text, before[i]!);
    if (w === ')') depth++;
    else if (w === '(') {
      // CAST(x AS type), CREATE TABLE t (c AS expr): what follows is not a new name
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0) {
      if (w === 'SELECT' || w === 'FROM' || w === 'JOIN') return true;
      // WITH w AS (, CREATE VIEW v AS, ... WITH (...) AS SELECT, and clauses where AS is unusual
      if (CLAUSES.has(w)) return false;
    }
  }
  return false;
}

const CLAUSES = new Set(['WITH', 'VIEW', 'TABLE', 'WHERE', 'ON', 'GROUP', 'HAVING', 'ORDER', 'OVER', 'WINDOW', 'INTO', 'SET']);
