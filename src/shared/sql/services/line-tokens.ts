import { lex } from '../lex/lexer.js';
import { TokenKind } from '../lex/token.js';

/**
 * Highlighting by lines for editors that tokenize line by line (Monaco): the same lexer as
 * the parser, plus a state that carries an open block comment, string or backtick name into
 * the next line.
 */
export type LineMode = 'none' | 'comment' | 'string' | 'quoted';

export interface LineToken {
  readonly startIndex: number;
  readonly scopes: string;
}

const SCOPES: Partial<Record<TokenKind, string>> = {
  [TokenKind.Keyword]: 'keyword',
  [TokenKind.Identifier]: 'identifier',
  [TokenKind.QuotedIdentifier]: 'identifier',
  [TokenKind.String]: 'string',
  [TokenKind.Number]: 'number',
  [TokenKind.Operator]: 'operator',
  [TokenKind.LineComment]: 'comment',
  [TokenKind.BlockComment]: 'comment',
  [TokenKind.HintComment]: 'annotation',
  [TokenKind.UnterminatedBlockComment]: 'comment',
  [TokenKind.UnterminatedString]: 'string',
  [TokenKind.UnterminatedQuotedIdentifier]: 'identifier',
  [TokenKind.DoubleQuoted]: 'invalid',
  [TokenKind.UnterminatedDoubleQuoted]: 'invalid',
  [TokenKind.Unknown]: 'invalid',
};

const CONTINUED: Record<Exclude<LineMode, 'none'>, { scope: string; end(line: string): number }> = {
  comment: { scope: 'comment', end: (line) => (line.indexOf('*/') < 0 ? -1 : line.indexOf('*/') + 2) },
  string: { scope: 'string', end: (line) => closeQuoted(line, 39) },
  quoted: { scope: 'identifier', end: (line) => closeQuoted(line, 96) },
};

/** Offset after the closing quote of a run continued from the previous line; doubled quotes escape. */
function closeQuoted(line: string, quote: number): number {
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) !== quote) continue;
    if (line.charCodeAt(i + 1) === quote) {
      i++;
      continue;
    }
    return i + 1;
  }
  return -1;
}

export function tokenizeLine(line: string, mode: LineMode): { tokens: LineToken[]; end: LineMode } {
  const tokens: LineToken[] = [];
  const push = (startIndex: number, scopes: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.startIndex === startIndex) tokens[tokens.length - 1] = { startIndex, scopes };
    else if (!last || last.scopes !== scopes) tokens.push({ startIndex, scopes });
  };
  let from = 0;
  if (mode !== 'none') {
    const run = CONTINUED[mode];
    const end = run.end(line);
    push(0, run.scope);
    if (end < 0) return { tokens, end: mode };
    from = end;
    push(end, '');
  }
  let next: LineMode = 'none';
  for (const token of lex(line, from)) {
    if (token.kind === TokenKind.EOF) break;
    push(token.start, SCOPES[token.kind] ?? '');
    push(token.end, ''); // the whitespace after a token is plain text
    if (token.kind === TokenKind.UnterminatedBlockComment) next = 'comment';
    else if (token.kind === TokenKind.UnterminatedString) next = 'string';
    else if (token.kind === TokenKind.UnterminatedQuotedIdentifier) next = 'quoted';
  }
  if (tokens.length === 0) tokens.push({ startIndex: 0, scopes: '' });
  return { tokens, end: next };
}
