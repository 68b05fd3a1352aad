import { LOWER_KEYWORDS, keywordReserved } from './keywords.js';
import { TokenKind, type Token } from './token.js';

/**
 * Splits Flink SQL text into tokens with exact UTF-16 offsets. Never throws: broken input
 * becomes Unterminated* or Unknown tokens that the parser turns into diagnostics.
 * Whitespace is skipped; comments are emitted (the parser skips them, except hints).
 */
export function lex(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  lexInto(text, start, end, out, true);
  return out;
}

/**
 * Token objects the parser reuses from one statement to the next: it keeps no token after a
 * parse, and a first check of a long script would otherwise allocate (and collect) one per token.
 */
export class TokenPool {
  readonly objects: Token[] = [];
  used = 0;
}

/** Appends a token to `out`, reusing an object of `pool` when given. */
function put(out: Token[], pool: TokenPool | undefined, kind: TokenKind, start: number, end: number, value: string | undefined, reserved: boolean | undefined): void {
  if (pool === undefined) {
    out.push({ kind, start, end, value, reserved });
    return;
  }
  let t = pool.objects[pool.used];
  if (t === undefined) {
    t = { kind, start, end, value, reserved };
    pool.objects.push(t);
  } else {
    t.kind = kind;
    t.start = start;
    t.end = end;
    t.value = value;
    t.reserved = reserved;
  }
  pool.used++;
  out.push(t);
}

/** The parser's entry: same tokens, but plain comments are dropped (hints are kept). */
export function lexInto(text: string, start: number, end: number, out: Token[], keepComments: boolean, pool?: TokenPool): void {
  let i = Math.max(0, start);
  const n = Math.min(text.length, end);
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x3000) {
      i++;
      continue;
    }
    const s = i;
    // One place emits the token (a first check compiles this loop while it runs: one inlined
    // put() instead of one per kind keeps that compile short).
    let kind: TokenKind;
    let value: string | undefined;
    let reserved: boolean | undefined;
    token: {
      // -- and // line comments
      if ((c === 45 && text.charCodeAt(i + 1) === 45 && i + 1 < n) || (c === 47 && text.charCodeAt(i + 1) === 47 && i + 1 < n)) {
        i += 2;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 10 || d === 13) break;
          i++;
        }
        if (!keepComments) continue;
        kind = TokenKind.LineComment;
        break token;
      }
      // block comments and hints
      if (c === 47 && i + 1 < n && text.charCodeAt(i + 1) === 42) {
        const hint = i + 2 < n && text.charCodeAt(i + 2) === 43;
        i += 2;
        let closed = false;
        while (i < n) {
          if (text.charCodeAt(i) === 42 && i + 1 < n && text.charCodeAt(i + 1) === 47) {
            i += 2;
            closed = true;
            break;
          }
          i++;
        }
        kind = !closed ? TokenKind.UnterminatedBlockComment : hint ? TokenKind.HintComment : TokenKind.BlockComment;
        if (!keepComments && kind === TokenKind.BlockComment) continue;
        break token;
      }
      // quoted strings, with optional prefixes
      if (c === 39) {
        i = lexString(text, i, n);
        kind = stringKind;
        value = stringValue;
        break token;
      }
      if ((c === 78 || c === 110 || c === 69 || c === 101 || c === 88 || c === 120) && i + 1 < n && text.charCodeAt(i + 1) === 39) {
        i = lexString(text, i + 1, n);
        kind = stringKind;
        value = stringValue;
        break token;
      }
      if ((c === 85 || c === 117) && text.charCodeAt(i + 1) === 38 && text.charCodeAt(i + 2) === 39 && i + 2 < n) {
        i = lexString(text, i + 2, n);
        kind = stringKind;
        value = stringValue;
        break token;
      }
      if (c === 96) {
        // `quoted identifier` with `` escapes
        i++;
        let name = '';
        let from = i;
        let closed = false;
        while (i < n) {
          if (text.charCodeAt(i) === 96) {
            if (i + 1 < n && text.charCodeAt(i + 1) === 96) {
              name += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            name += text.slice(from, i);
            i++;
            closed = true;
            break;
          }
          i++;
        }
        if (!closed) name += text.slice(from, i);
        kind = closed ? TokenKind.QuotedIdentifier : TokenKind.UnterminatedQuotedIdentifier;
        value = name;
        break token;
      }
      if (c === 34) {
        i++;
        let closed = false;
        while (i < n) {
          const d = text.charCodeAt(i);
          i++;
          if (d === 34) {
            if (i < n && text.charCodeAt(i) === 34) {
              i++;
              continue;
            }
            closed = true;
            break;
          }
        }
        kind = closed ? TokenKind.DoubleQuoted : TokenKind.UnterminatedDoubleQuoted;
        value = text.slice(s + 1, closed ? i - 1 : i);
        break token;
      }
      // numbers: 12, 1.5, .5, 1e10, 1.5E-3
      if (isDigit(c) || (c === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        if (i < n && text.charCodeAt(i) === 46) {
          i++;
          while (i < n && isDigit(text.charCodeAt(i))) i++;
        }
        const e = text.charCodeAt(i);
        if ((e === 69 || e === 101) && i + 1 < n) {
          let j = i + 1;
          const sign = text.charCodeAt(j);
          if ((sign === 43 || sign === 45) && j + 1 < n) j++;
          if (isDigit(text.charCodeAt(j))) {
            i = j;
            while (i < n && isDigit(text.charCodeAt(i))) i++;
          }
        }
        kind = TokenKind.Number;
        value = text.slice(s, i);
        break token;
      }
      // words
      if (isIdentStart(c)) {
        // Track the letters' case while scanning: most words are all upper (keywords) or all
        // lower (names), and then no upper-cased copy is needed to look them up.
        let lower = c >= 97 && c <= 122;
        let mixed = c > 127;
        let upperSeen = c >= 65 && c <= 90;
        i++;
        // (character tests inline: on a first check this loop runs unoptimized, where calls cost)
        while (i < n) {
          const ch = text.charCodeAt(i);
          if (ch >= 97 && ch <= 122) lower = true;
          else if (ch >= 65 && ch <= 90) upperSeen = true;
          else if (ch > 127) {
            if (!isUnicodeLetter(ch)) break;
            mixed = true;
          } else if (!((ch >= 48 && ch <= 57) || ch === 95 || ch === 36)) break;
          i++;
        }
        // _charset'..' introducer, e.g. _UTF16'x'
        if (c === 95 && i < n && text.charCodeAt(i) === 39) {
          i = lexString(text, i, n);
          kind = stringKind;
          value = stringValue;
          break token;
        }
        const word = text.slice(s, i);
        let upper: string | undefined;
        if (mixed || (lower && upperSeen)) upper = word.toUpperCase();
        else if (lower) upper = LOWER_KEYWORDS.get(word);
        else upper = word;
        reserved = upper === undefined ? undefined : keywordReserved(upper);
        kind = reserved === undefined ? TokenKind.Identifier : TokenKind.Keyword;
        value = reserved === undefined ? word : upper;
        break token;
      }
      // operators
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      let len = 0;
      switch (c) {
        case 40: case 41: case 91: case 93: case 44: case 59: case 46: case 43: case 45: case 42:
        case 47: case 37: case 63: case 123: case 125: case 126: case 94: case 38:
          len = 1;
          break;
        case 58: // : or ::
          len = d === 58 ? 2 : 1;
          break;
        case 61: // = or =>
          len = d === 62 ? 2 : 1;
          break;
        case 60: // < <= <> 
          len = d === 61 || d === 62 ? 2 : 1;
          break;
        case 62: // > >=
          len = d === 61 ? 2 : 1;
          break;
        case 33: // !=
          len = d === 61 ? 2 : 0;
          break;
        case 124: // || or |
          len = d === 124 ? 2 : 1;
          break;
      }
      if (len > 0) {
        i += len;
        kind = TokenKind.Operator;
        value = text.slice(s, i);
        break token;
      }
      // anything else: one code point
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      kind = TokenKind.Unknown;
      value = text.slice(s, i);
    }
    put(out, pool, kind, s, i, value, reserved);
  }
  put(out, pool, TokenKind.EOF, n, n, undefined, undefined);
}

/** Kind and value of the string lexString() read last (it returns only where the string ends). */
let stringKind = TokenKind.String;
let stringValue = '';

/** Lexes a '...' string whose opening quote is at `q` (a prefix may come before it). */
function lexString(text: string, q: number, n: number): number {
  let i = q + 1;
  let from = i;
  let value = '';
  while (i < n) {
    if (text.charCodeAt(i) === 39) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 39) {
        value += text.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      stringKind = TokenKind.String;
      stringValue = value + text.slice(from, i);
      return i + 1;
    }
    i++;
  }
  stringKind = TokenKind.UnterminatedString;
  stringValue = value + text.slice(from, i);
  return i;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || (c > 127 && isUnicodeLetter(c));
}

/** Letters outside ASCII (CJK names are common in users' scripts); full-width punctuation is not a letter. */
function isUnicodeLetter(c: number): boolean {
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xff00 && c <= 0xff20) return false; // full-width ASCII punctuation and digits
  if (c >= 0xff3b && c <= 0xff40) return false;
  if (c >= 0xff5b && c <= 0xff65) return false;
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation (curly quotes, ellipsis)
  if (c === 0xa0 || c === 0xfeff || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0xd800 && c <= 0xdfff) return true; // surrogate halves of astral letters
  return c >= 0xc0;
}
