import type { Identifier, QualifiedName, Range, StringLiteralNode } from '../ast/node.js';
import { lexInto, TokenPool } from '../lex/lexer.js';
import { TokenKind, type Token } from '../lex/token.js';
import type { SyntaxCode, SyntaxDiagnostic } from './diagnostic.js';
import { MAX_NESTING } from './nesting.js';

/** Statement keywords that, at the start of a line, begin a new statement even after an error. */
const RECOVERY_STARTS = new Set([
  'CREATE', 'ALTER', 'DROP', 'INSERT', 'UPSERT', 'USE', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'BEGIN', 'END',
  'EXECUTE', 'LOAD', 'UNLOAD', 'ADD', 'REMOVE', 'RESET', 'CALL', 'STOP', 'TRUNCATE', 'ANALYZE', 'DELETE', 'REPLACE', 'COMPILE',
]);

/** Every word that can start a statement (used to spot a missing ';'). */
export const STATEMENT_STARTS = new Set([...RECOVERY_STARTS, 'SELECT', 'WITH', 'VALUES', 'SET', 'UPDATE', 'TABLE']);

const MAX_FOUND = 40;

/** Token objects kept between parses (a 10,000-line script's largest statement needs far fewer). */
const MAX_POOLED = 1 << 16;

/**
 * One pool for all parses: a parse runs to its end before the next starts, and no node or
 * diagnostic keeps a token (they copy offsets and values), so the next parse may overwrite them.
 */
const TOKENS = new TokenPool();

/**
 * The token cursor shared by the parser's modules. Errors never throw: the first error of a
 * statement is recorded, then the cursor pretends the statement ended (`limit`) at the next
 * recovery point, so every loop in the parser sees EOF and unwinds at once.
 */
export class ParserState {
  readonly toks: Token[] = [];
  pos = 0;
  /** Index of the token that acts as end of input for the current statement. */
  limit: number;
  failed = false;
  /** Inside a statement set body: recover at the next ';' rather than at the next statement. */
  inSet = false;
  /** Inside POSITION(a IN b): IN is a separator, not a predicate. */
  noIn = false;
  /** Current nesting (see nesting.ts); a stack guard, not grammar. */
  depth = 0;
  readonly diagnostics: SyntaxDiagnostic[] = [];
  readonly version: number;
  private readonly eofTok: Token;

  constructor(readonly text: string, start: number, end: number, version: number) {
    TOKENS.used = 0;
    // a huge statement grew the pool: let those tokens go rather than keep them for good
    if (TOKENS.objects.length > MAX_POOLED) TOKENS.objects.length = MAX_POOLED;
    lexInto(text, start, end, this.toks, false, TOKENS);
    this.limit = this.toks.length - 1;
    this.eofTok = this.toks[this.limit]!;
    this.version = version;
  }

  peek(): Token {
    return this.pos < this.limit ? this.toks[this.pos]! : this.eofTok;
  }

  peekAt(k: number): Token {
    const i = this.pos + k;
    return i < this.limit ? this.toks[i]! : this.eofTok;
  }

  atEnd(): boolean {
    return this.pos >= this.limit;
  }

  // The helpers below read this.toks directly rather than through peek(): on a first check they
  // run unoptimized, where every call costs, and they run a few times per token.

  next(): Token {
    return this.pos < this.limit ? this.toks[this.pos++]! : this.eofTok;
  }

  /** Start offset of the current token (the start of the node about to be parsed). */
  start(): number {
    return this.pos < this.limit ? this.toks[this.pos]!.start : this.eofTok.start;
  }

  /** End offset of the last consumed token. */
  prevEnd(): number {
    return this.pos > 0 ? this.toks[this.pos - 1]!.end : this.eofTok.start;
  }

  range(start: number): Range {
    const end = this.pos > 0 ? this.toks[this.pos - 1]!.end : this.eofTok.start;
    return { start, end: end < start ? start : end };
  }

  // ----- keywords and operators -----

  // (the EOF token is neither a keyword nor an operator)
  isKw(word: string): boolean {
    if (this.pos >= this.limit) return false;
    const t = this.toks[this.pos]!;
    return t.kind === TokenKind.Keyword && t.value === word;
  }

  isKwAt(k: number, word: string): boolean {
    const i = this.pos + k;
    if (i >= this.limit) return false;
    const t = this.toks[i]!;
    return t.kind === TokenKind.Keyword && t.value === word;
  }

  acceptKw(word: string): boolean {
    if (this.pos >= this.limit) return false;
    const t = this.toks[this.pos]!;
    if (t.kind !== TokenKind.Keyword || t.value !== word) return false;
    this.pos++;
    return true;
  }

  /** Accepts a sequence of keywords only when all of them are next. */
  acceptKws(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isKwAt(i, words[i]!)) return false;
    this.pos += words.length;
    return true;
  }

  expectKw(word: string): boolean {
    if (this.acceptKw(word)) return true;
    this.unexpected(word);
    return false;
  }

  expectKws(...words: string[]): boolean {
    for (const w of words) if (!this.expectKw(w)) return false;
    return true;
  }

  isOp(op: string): boolean {
    if (this.pos >= this.limit) return false;
    const t = this.toks[this.pos]!;
    return t.kind === TokenKind.Operator && t.value === op;
  }

  isOpAt(k: number, op: string): boolean {
    const i = this.pos + k;
    if (i >= this.limit) return false;
    const t = this.toks[i]!;
    return t.kind === TokenKind.Operator && t.value === op;
  }

  acceptOp(op: string): boolean {
    if (this.pos >= this.limit) return false;
    const t = this.toks[this.pos]!;
    if (t.kind !== TokenKind.Operator || t.value !== op) return false;
    this.pos++;
    return true;
  }

  expectOp(op: string): boolean {
    if (this.acceptOp(op)) return true;
    this.unexpected(`'${op}'`);
    return false;
  }

  /** Expects the ')' matching `open`; at the end of input the error points at the opener. */
  expectClose(open: Token, close = ')'): boolean {
    if (this.acceptOp(close)) return true;
    const t = this.peek();
    if (t.kind === TokenKind.EOF) this.fail('sql.unclosed-paren', { open: this.text.slice(open.start, open.end), close }, open.start, open.end);
    else this.unexpected(`'${close}'`);
    return false;
  }

  // ----- identifiers -----

  /** Can the current token be a name? Reserved keywords cannot (unless in backticks). */
  isIdent(): boolean {
    return this.pos < this.limit && isIdentToken(this.toks[this.pos]!);
  }

  isIdentAt(k: number): boolean {
    return isIdentToken(this.peekAt(k));
  }

  ident(): Identifier {
    const t = this.pos < this.limit ? this.toks[this.pos]! : this.eofTok;
    if (isIdentToken(t)) {
      this.pos++;
      return { kind: 'Identifier', name: t.kind === TokenKind.Keyword ? this.text.slice(t.start, t.end) : t.value ?? '', quoted: t.kind === TokenKind.QuotedIdentifier, range: { start: t.start, end: t.end } };
    }
    if (t.kind === TokenKind.Keyword && t.reserved) this.fail('sql.reserved-word', { word: this.text.slice(t.start, t.end) }, t.start, t.end);
    else this.expected('identifier');
    return { kind: 'Identifier', name: '', quoted: false, range: { start: t.start, end: t.start } };
  }

  qname(): QualifiedName {
    const start = this.start();
    const parts = [this.ident()];
    while (this.isOp('.') && !this.failed) {
      this.pos++;
      parts.push(this.ident());
    }
    return { kind: 'QualifiedName', parts, range: this.range(start) };
  }

  /** A name that must be a single part (catalog names, SHOW DATABASES FROM catalog). */
  simpleName(what: string): QualifiedName {
    const name = this.qname();
    if (name.parts.length > 1) this.fail('sql.single-part-name', { what, name: this.text.slice(name.range.start, name.range.end) }, name.range.start, name.range.end);
    return name;
  }

  string(): StringLiteralNode {
    const t = this.peek();
    if (t.kind === TokenKind.String) {
      this.pos++;
      return { kind: 'StringLiteral', value: t.value ?? '', range: { start: t.start, end: t.end } };
    }
    this.unexpected('sql.expect.string');
    return { kind: 'StringLiteral', value: '', range: { start: t.start, end: t.start } };
  }

  /**
   * The parts of a string token that joined several adjacent literals ('k' 'v' → 'k', 'v'), or []
   * when it is a single literal: lets "'k' 'v'" in options still be reported as a missing '='.
   */
  joinedParts(t: Token): Token[] {
    if (t.kind !== TokenKind.String) return [];
    const parts: Token[] = [];
    lexInto(this.text, t.start, t.end, parts, false);
    parts.pop(); // EOF
    return parts.length > 1 ? parts : [];
  }

  /** The first part of a joined string token ('k' of 'k' 'v'), else undefined. */
  firstJoinedPart(t: Token): Token | undefined {
    return this.joinedParts(t)[0];
  }

  /**
   * Where Flink reads a string with Calcite's StringLiteral() ('a' 'b' is one literal: SET, RESET,
   * WITH options, RAW(...)), joins the current string token with the '…' strings right after it.
   * Other places (COMMENT, AS 'class', JAR paths, LIKE patterns, typed literals) take one token.
   */
  joinStrings(): void {
    const t = this.peek();
    if (t.kind !== TokenKind.String || this.pos >= this.limit || this.failed) return;
    let k = this.pos + 1;
    let value = t.value ?? '';
    while (k < this.limit && this.toks[k]!.kind === TokenKind.String && this.text.charCodeAt(this.toks[k]!.start) === 39) value += this.toks[k++]!.value ?? '';
    const n = k - this.pos - 1;
    if (n === 0) return;
    this.toks.splice(this.pos, n + 1, { kind: TokenKind.String, start: t.start, end: this.toks[k - 1]!.end, value, reserved: undefined });
    this.limit -= n;
  }

  isString(): boolean {
    return this.peek().kind === TokenKind.String;
  }

  // ----- diagnostics -----

  /** Records the statement's first error and stops the statement at the next recovery point. */
  fail(code: SyntaxCode, params: Record<string, string | number>, start: number, end: number): void {
    if (this.failed) return;
    this.failed = true;
    this.diagnostics.push({ severity: 'error', code, params, start, end });
    this.limit = this.recoveryPoint();
  }

  /** One level deeper; past MAX_NESTING the statement ends here. Pair with `leave()`. */
  enter(): void {
    if (++this.depth <= MAX_NESTING) return;
    const t = this.peek();
    const at = t.kind === TokenKind.EOF && this.pos > 0 ? this.toks[this.pos - 1]! : t;
    this.fail('sql.too-deep', { max: MAX_NESTING }, at.start, at.end);
    // jump to the recovery point: every level below sees the end and unwinds without recursing
    this.pos = Math.max(this.pos, this.limit);
  }

  leave(): void {
    this.depth--;
  }

  /** Errors that do not stop parsing (the structure is still clear). */
  report(code: SyntaxCode, params: Record<string, string | number>, start: number, end: number, severity: 'error' | 'warning' = 'error'): void {
    this.diagnostics.push({ severity, code, params, start, end });
  }

  /** "Expected X, found Y" for the current token, with a specific message for lexical problems. */
  unexpected(expected: string): void {
    const t = this.peek();
    if (this.lexicalProblem(t)) return;
    if (t.kind === TokenKind.EOF) {
      const last = this.pos > 0 ? this.toks[this.pos - 1]! : t;
      this.fail('sql.unexpected-end', { expected }, last.start, last.end);
      return;
    }
    this.fail('sql.unexpected-token', { expected, found: this.found(t) }, t.start, t.end);
  }

  /** "Expected an identifier / expression / data type / query". */
  expected(what: 'identifier' | 'expression' | 'data-type' | 'query' | 'statement'): void {
    const t = this.peek();
    if (this.lexicalProblem(t)) return;
    if (t.kind === TokenKind.EOF) {
      const last = this.pos > 0 ? this.toks[this.pos - 1]! : t;
      this.fail(what === 'statement' ? 'sql.unexpected-end' : (`sql.missing-${what}` as SyntaxCode), what === 'statement' ? { expected: 'sql.expect.statement' } : {}, last.start, last.end);
      return;
    }
    if (what === 'identifier' && t.kind === TokenKind.Keyword && t.reserved) {
      this.fail('sql.reserved-word', { word: this.found(t) }, t.start, t.end);
      return;
    }
    this.fail(`sql.expected-${what}` as SyntaxCode, { found: this.found(t) }, t.start, t.end);
  }

  found(t: Token): string {
    const s = this.text.slice(t.start, Math.min(t.end, t.start + MAX_FOUND));
    return t.end - t.start > MAX_FOUND ? s + '…' : s;
  }

  /** Turns a broken token into its own diagnostic; true when it did. */
  private lexicalProblem(t: Token): boolean {
    switch (t.kind) {
      case TokenKind.UnterminatedString:
        this.fail('sql.unterminated-string', {}, t.start, t.end);
        return true;
      case TokenKind.UnterminatedQuotedIdentifier:
        this.fail('sql.unterminated-identifier', {}, t.start, t.end);
        return true;
      case TokenKind.UnterminatedBlockComment:
        this.fail('sql.unterminated-comment', {}, t.start, t.start + 2);
        return true;
      case TokenKind.DoubleQuoted:
      case TokenKind.UnterminatedDoubleQuoted:
        this.fail('sql.double-quoted', { text: this.found(t) }, t.start, t.end);
        return true;
      case TokenKind.Unknown: {
        const ch = t.value ?? '';
        const ascii = FULLWIDTH[ch];
        if (ascii) this.fail('sql.fullwidth-char', { char: ch, ascii }, t.start, t.end);
        else this.fail('sql.unknown-char', { char: ch }, t.start, t.end);
        return true;
      }
      case TokenKind.Operator:
        if (t.value === ')' || t.value === ']') {
          this.fail('sql.unmatched-paren', { found: t.value }, t.start, t.end);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  // ----- recovery -----

  /** Is token i the first on its line? */
  private atLineStart(i: number): boolean {
    const t = this.toks[i]!;
    for (let k = t.start - 1; k >= 0; k--) {
      const c = this.text.charCodeAt(k);
      if (c === 10 || c === 13) return true;
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  private recoveryPoint(): number {
    const end = this.toks.length - 1;
    for (let i = Math.max(this.pos, 1); i < end; i++) {
      const t = this.toks[i]!;
      if (t.kind === TokenKind.Operator && t.value === ';') return i;
      if (t.kind === TokenKind.Keyword && this.atLineStart(i) && t.value !== undefined) {
        if (this.inSet ? t.value === 'END' : RECOVERY_STARTS.has(t.value)) return i;
      }
    }
    return end;
  }

  /** Ends the current statement: forget the error state and see the rest of the input again. */
  resume(): void {
    this.failed = false;
    this.depth = 0;
    this.limit = this.toks.length - 1;
  }

  /** Is the current token a word that starts a statement and first on its line? */
  atStatementStartOnNewLine(): boolean {
    const t = this.peek();
    return t.kind === TokenKind.Keyword && t.value !== undefined && STATEMENT_STARTS.has(t.value) && this.atLineStart(this.pos);
  }
}

/**
 * 'a' 'b' is one literal in Flink (Calcite): a string followed by '…' strings, separated only by
 * whitespace or comments, becomes one String token spanning all parts with the values joined.
 * Done once here so that every place a string literal may appear (SET, WITH, COMMENT, hints…) agrees.
 */
export function mergeAdjacentStrings(text: string, toks: Token[]): void {
  let w = 0;
  for (let r = 0; r < toks.length; r++) {
    const t = toks[r]!;
    const prev = w > 0 ? toks[w - 1]! : undefined;
    if (prev !== undefined && prev.kind === TokenKind.String && t.kind === TokenKind.String && t.value !== undefined && text.charCodeAt(t.start) === 39) {
      toks[w - 1] = { kind: TokenKind.String, start: prev.start, end: t.end, value: (prev.value ?? '') + t.value, reserved: undefined };
      continue;
    }
    toks[w++] = t;
  }
  toks.length = w;
}

export function isIdentToken(t: Token): boolean {
  return t.kind === TokenKind.Identifier || t.kind === TokenKind.QuotedIdentifier || (t.kind === TokenKind.Keyword && t.reserved === false);
}

/** Full-width punctuation typed with a Chinese input method, and what was meant. */
const FULLWIDTH: Record<string, string> = {
  '，': ',', '；': ';', '（': '(', '）': ')', '‘': "'", '’': "'", '“': '"', '”': '"', '：': ':', '。': '.', '＝': '=', '【': '[', '】': ']', '《': '<', '》': '>', '！': '!', '？': '?', '｀': '`', '＊': '*',
};
