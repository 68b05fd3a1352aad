import { TokenKind, type Token } from '../../lex/token.js';

/** Keywords written like a call, directly followed by their parenthesis: CAST(x AS INT), TABLE(TUMBLE(...)). */
const CALL_KEYWORDS = new Set(['CAST', 'TRY_CAST', 'EXTRACT', 'ROW', 'ARRAY', 'MAP', 'MULTISET', 'TABLE', 'DESCRIPTOR', 'UNNEST', 'HASH']);

/** Context the printer learned from the AST about single token boundaries. */
export interface SpacingHints {
  /** No space after this token (unary minus, '<' of a type, a function name before '('). */
  tightAfter: Set<number>;
  /** No space before this token ('<' and '>' of a type). */
  tightBefore: Set<number>;
  /** Keep the source's choice between this token and the next (MATCH_RECOGNIZE patterns). */
  asWritten: Set<number>;
}

/**
 * The space between two adjacent tokens: '' or ' '. Only boundaries where dropping the blank
 * can never merge the two tokens into something else (a comment, a longer operator, a number)
 * are ever made tight; every other pair gets one space.
 */
export function spaceBetween(toks: Token[], a: number, b: number, hints: SpacingHints): string {
  const ta = toks[a]!;
  const tb = toks[b]!;
  const va = ta.kind === TokenKind.Operator ? ta.value : undefined;
  const vb = tb.kind === TokenKind.Operator ? tb.value : undefined;
  if (hints.asWritten.has(a)) return ta.end === tb.start ? '' : ' ';
  if (vb === ',' || vb === ';' || vb === ')' || vb === ']') return '';
  if (va === '(' || va === '[') return '';
  if (va === '.' || vb === '.') {
    if (ta.kind === TokenKind.Number || tb.kind === TokenKind.Number) return ta.end === tb.start ? '' : ' ';
    return '';
  }
  if (hints.tightAfter.has(a) || hints.tightBefore.has(b)) return '';
  if (vb === '(') {
    if (ta.kind === TokenKind.Keyword) return CALL_KEYWORDS.has(ta.value!) ? '' : ' ';
    if (ta.kind === TokenKind.Identifier || ta.kind === TokenKind.QuotedIdentifier) return ta.end === tb.start ? '' : ' ';
    return ' ';
  }
  if (vb === '[') {
    if (ta.kind === TokenKind.Identifier || ta.kind === TokenKind.QuotedIdentifier || ta.kind === TokenKind.Keyword || va === ')' || va === ']') return '';
  }
  // `x.*` and `COUNT(*)` are covered above; anything else is an operator or a word: one space
  return ' ';
}
