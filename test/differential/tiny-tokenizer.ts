/**
 * A deliberately small SQL tokenizer for the differential test: it cuts the .q scripts into
 * statements and finds the tokens that mutations delete, duplicate, swap or cut at. It never
 * imports Weir's lexer, so a lexer bug cannot hide itself by shaping its own test input.
 */

export type TinyTokenKind = 'word' | 'number' | 'string' | 'quoted' | 'op' | 'comment' | 'unterminated';

export interface TinyToken {
  kind: TinyTokenKind;
  text: string;
  start: number;
  end: number;
}

const MULTI_OPS = ['/*+', '<>', '<=', '>=', '!=', '||', '=>', '->', '::'];

/** All tokens including comments; whitespace is dropped. Never throws; linear in the input. */
export function tinyTokenize(text: string): TinyToken[] {
  const out: TinyToken[] = [];
  let i = 0;
  let inHint = false;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const start = i;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (inHint && text.startsWith('*/', i)) {
      // the end of a /*+ hint */ is a token of its own, like Calcite's HINT_END
      out.push({ kind: 'op', text: '*/', start, end: i + 2 });
      i += 2;
      inHint = false;
      continue;
    }
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      out.push({ kind: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (text.startsWith('/*', i) && !text.startsWith('/*+', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      out.push({ kind: close < 0 ? 'unterminated' : 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === "'" || c === '`' || c === '"') {
      // quotes are escaped by doubling in all three forms
      i++;
      let closed = false;
      while (i < n) {
        if (text[i] === c) {
          if (text[i + 1] === c) {
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        i++;
      }
      const kind: TinyTokenKind = !closed ? 'unterminated' : c === "'" ? 'string' : 'quoted';
      out.push({ kind, text: text.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i++;
      while (i < n && /[0-9.]/.test(text[i]!)) i++;
      if (/[eE]/.test(text[i] ?? '') && /[-+0-9]/.test(text[i + 1] ?? '')) {
        i += 2;
        while (i < n && /[0-9]/.test(text[i]!)) i++;
      }
      out.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (/[\p{L}_$]/u.test(c)) {
      i++;
      while (i < n && /[\p{L}\p{N}_$]/u.test(text[i]!)) i++;
      out.push({ kind: 'word', text: text.slice(start, i), start, end: i });
      continue;
    }
    const op = MULTI_OPS.find((o) => text.startsWith(o, i)) ?? c;
    if (op === '/*+') inHint = true;
    i += op.length;
    out.push({ kind: 'op', text: op, start, end: i });
  }
  return out;
}

/** Tokens without comments (what a parser's grammar sees). */
export function codeTokens(text: string): TinyToken[] {
  return tinyTokenize(text).filter((t) => t.kind !== 'comment');
}

const isWord = (t: TinyToken | undefined, w: string): boolean => t?.kind === 'word' && t.text.toUpperCase() === w;

/**
 * Offsets just after each top-level ';' (one ending a statement, not one inside a
 * `STATEMENT SET BEGIN ... END` block).
 */
export function statementEnds(text: string): number[] {
  const toks = codeTokens(text);
  const ends: number[] = [];
  let inSet = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (isWord(t, 'BEGIN') && isWord(toks[k - 1], 'SET') && isWord(toks[k - 2], 'STATEMENT')) inSet = true;
    else if (inSet && isWord(t, 'END') && (toks[k + 1] === undefined || toks[k + 1]!.text === ';')) inSet = false;
    else if (!inSet && t.kind === 'op' && t.text === ';') ends.push(t.end);
  }
  return ends;
}

/** True when the text is one or more whole statements: it ends with a top-level ';' and no open quote or comment. */
export function endsStatement(text: string): boolean {
  const toks = tinyTokenize(text);
  if (toks.some((t) => t.kind === 'unterminated')) return false;
  const code = toks.filter((t) => t.kind !== 'comment');
  const last = code[code.length - 1];
  if (last === undefined || last.text !== ';') return false;
  const ends = statementEnds(text);
  return ends[ends.length - 1] === last.end;
}
