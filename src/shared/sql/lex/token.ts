/** Kinds of tokens. String values so that tokens read well in tests and in the debugger. */
export enum TokenKind {
  Identifier = 'identifier',
  /** `name` in backticks; value holds the name with `` `` `` unescaped. */
  QuotedIdentifier = 'quoted-identifier',
  /** A word from the keyword table; `reserved` tells whether it may also be an identifier. */
  Keyword = 'keyword',
  /** '..' with '' escapes, or a prefixed form: N'..', E'..', X'..', U&'..', _charset'..'. */
  String = 'string',
  Number = 'number',
  /** Operators and punctuation: ( ) [ ] , ; . + - * / % = <> != < <= > >= || => ? : { }. */
  Operator = 'operator',
  LineComment = 'line-comment',
  BlockComment = 'block-comment',
  /** An optimizer hint comment /*+ ... *\/. */
  HintComment = 'hint-comment',
  /** "text" in double quotes: not valid Flink SQL, kept whole so the parser can say why. */
  DoubleQuoted = 'double-quoted',
  UnterminatedString = 'unterminated-string',
  UnterminatedQuotedIdentifier = 'unterminated-quoted-identifier',
  UnterminatedDoubleQuoted = 'unterminated-double-quoted',
  UnterminatedBlockComment = 'unterminated-block-comment',
  Unknown = 'unknown',
  EOF = 'eof',
}

export interface Token {
  kind: TokenKind;
  /** UTF-16 offsets into the lexed text; end is exclusive. */
  start: number;
  end: number;
  /** Upper-cased word for keywords, unquoted name for identifiers, unescaped text for strings, operator text. */
  value?: string;
  /** For keywords: true when Flink reserves the word (it needs backticks to be a name). */
  reserved?: boolean;
}

export function isComment(kind: TokenKind): boolean {
  return (
    kind === TokenKind.LineComment ||
    kind === TokenKind.BlockComment ||
    kind === TokenKind.HintComment ||
    kind === TokenKind.UnterminatedBlockComment
  );
}
