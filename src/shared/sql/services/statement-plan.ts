import { lex } from '../lex/lexer.js';
import { isComment, TokenKind, type Token } from '../lex/token.js';
import { splitStatements } from '../parse/split.js';

/**
 * Statements as the deploy paths and preview send them, cut by the front end's own lexer and
 * splitter (a `--` inside a string is no comment, a `;` inside one ends nothing), so that no other
 * layer strips comments or classifies statements with regexes of its own.
 */

/** The tokens of a text that are not comments, without the end marker. */
function codeTokens(text: string): Token[] {
  return lex(text).filter((t) => t.kind !== TokenKind.EOF && !isComment(t.kind));
}

/** The script as the SQL Gateway takes it: one statement per call, no trailing ';', sets as EXECUTE STATEMENT SET. */
export function gatewayStatements(sql: string): string[] {
  const out: string[] = [];
  for (const slice of splitStatements(sql)) {
    const text = slice.text.trim();
    const code = codeTokens(text);
    if (code.length === 0) continue;
    const last = code[code.length - 1]!;
    let statement = last.kind === TokenKind.Operator && last.value === ';' ? text.slice(0, last.start) + text.slice(last.end) : text;
    statement = statement.trimEnd();
    // `BEGIN STATEMENT SET; … END` is the SQL client's form; the gateway takes one EXECUTE STATEMENT SET.
    const [a, b, c, d] = code;
    if (word(text, a, 'BEGIN') && word(text, b, 'STATEMENT') && word(text, c, 'SET') && d?.kind === TokenKind.Operator && d.value === ';') {
      statement = `${statement.slice(0, a!.start)}EXECUTE STATEMENT SET BEGIN ${statement.slice(d.end).trimStart()}`;
    }
    out.push(statement);
  }
  return out;
}

/** Statements a preview keeps before its query: they only set up the session (tables, views, SET …). */
const SETUP = new Set(['CREATE', 'SET', 'RESET', 'USE', 'LOAD', 'ADD']);

/**
 * What "Preview" runs: the selection if there is one; else the statement at the cursor preceded
 * by the script's setup statements before it (CREATE TABLE, SET …); INSERTs, statement sets and
 * other queries are left out.
 */
export function previewSql(text: string, selection: { start: number; end: number } | null, cursor: number): string {
  if (selection && selection.end > selection.start) {
    const selected = text.slice(selection.start, selection.end);
    if (selected.trim() !== '') return selected.trim();
  }
  const slices = splitStatements(text);
  if (slices.length === 0) return '';
  let at = slices.findIndex((s) => cursor <= s.end);
  if (at < 0) at = slices.length - 1;
  return slices
    .slice(0, at + 1)
    .filter((s, i) => {
      if (i === at) return true;
      const first = codeTokens(s.text)[0];
      return first !== undefined && SETUP.has(s.text.slice(first.start, first.end).toUpperCase());
    })
    .map((s) => s.text.trim())
    .join('\n');
}

/** A statement's first line of code (comments left out), at most 80 characters: how messages name it. */
export function statementHead(statement: string): string {
  const first = codeTokens(statement)[0];
  if (!first) return '';
  const end = statement.indexOf('\n', first.start);
  const line = statement.slice(first.start, end < 0 ? statement.length : end).trim();
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

function word(text: string, t: Token | undefined, expected: string): boolean {
  return t !== undefined && (t.kind === TokenKind.Keyword || t.kind === TokenKind.Identifier) && text.slice(t.start, t.end).toUpperCase() === expected;
}
