/** One statement's text in the script: from its first non-blank character (comments included) through its ';'. */
export interface StatementSlice {
  start: number;
  end: number;
  text: string;
}

/** Words that may follow BEGIN STATEMENT SET; inside a set; anything else means END was forgotten. */
const SET_MEMBERS = new Set(['INSERT', 'UPSERT', 'CREATE', 'REPLACE', 'END', 'EXECUTE']);

const MAX_WORDS = 12;

/**
 * Once a statement's first words are known, only ';' and comments matter (and quotes, which hide
 * them). This regex consumes everything else, complete quoted strings included, in native code
 * even on a first check, before the JIT has compiled the loop below; it stops at ';', at a
 * possible comment start ('-', '/') and at a quote that does not close.
 */
const SKIP = /(?:'(?:[^']|'')*'|`(?:[^`]|``)*`|"(?:[^"]|"")*"|[^;'"`\-/])*/y;
const NEWLINE = /[\n\r]/g;

/**
 * Splits a script on top-level ';' — not inside strings, comments or quoted identifiers — without
 * tokenizing it fully (this runs on every keystroke over the whole script). A statement set,
 * `BEGIN STATEMENT SET; ...; END;` or `EXECUTE STATEMENT SET BEGIN ...; END;`, is one slice.
 * Unterminated strings and comments end at their line's end here, so one stray quote does not
 * swallow the rest of the script; the parser reports them.
 */
export function splitStatements(text: string): StatementSlice[] {
  return splitRange(text, 0, text.length).slices;
}

/**
 * Splits text[from, to) as if `to` were the end of the script. `clean` tells whether the split
 * really ended at `to` with nothing open (no statement set, no quote or comment running past
 * `to`, the last slice closed by its ';'), so that slices after `to` from an earlier split of
 * the same suffix are still valid: the basis of re-splitting only around an edit.
 */
export function splitRange(
  text: string,
  from: number,
  to: number,
): { slices: StatementSlice[]; clean: boolean; cleanEnds: boolean[]; broken: boolean[] } {
  const out: StatementSlice[] = [];
  // Per slice: did the scan resume right at its end in a fresh state (it ended with its own ';')?
  const cleanEnds: boolean[] = [];
  // Per slice: it has an unterminated quote or comment, so its extent depends on all text after it.
  const brokenSlices: boolean[] = [];
  const n = Math.min(to, text.length);
  let sliceStart = -1; // first non-blank char of the current slice
  let lastEnd = 0; // end of the last non-blank char
  let hasToken = false; // the slice has more than comments
  let broken = false; // the slice has an unterminated string or comment
  let words: string[] = []; // first words of the current (sub)statement
  let inSet = false;
  let subWords = 0; // words seen in the current set member
  let setCut = -1; // end of the last member of an open set
  let memberFirst: string | null = null; // first word of the current set member

  const emit = (end: number, clean = false): void => {
    if (sliceStart >= 0 && (hasToken || broken)) {
      out.push({ start: sliceStart, end, text: text.slice(sliceStart, end) });
      // A slice with an unterminated quote or comment depends on text after it: never clean.
      cleanEnds.push(clean && !broken);
      brokenSlices.push(broken);
    }
    sliceStart = -1;
    hasToken = false;
    broken = false;
    words = [];
    inSet = false;
    subWords = 0;
    setCut = -1;
    memberFirst = null;
  };

  let i = Math.max(0, from);
  let skipping = true;
  while (i < n) {
    if (words.length >= MAX_WORDS && !inSet && skipping) {
      SKIP.lastIndex = i;
      SKIP.test(text);
      const stop = SKIP.lastIndex;
      // past `to` the loop alone knows whether a quote overran it: let it finish the range
      if (stop > n) skipping = false;
      else if (stop > i) {
        let e = stop;
        while (e > i && isBlank(text.charCodeAt(e - 1))) e--;
        if (e > i) lastEnd = e;
        i = stop;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0xfeff) {
      i++;
      continue;
    }
    if (sliceStart < 0) sliceStart = i;
    const s = i;
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if ((c === 45 && d === 45) || (c === 47 && d === 47)) {
      i = Math.min(lineEnd(text, i), n);
      lastEnd = i;
      continue;
    }
    if (c === 47 && d === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        broken = true;
        i = lineEnd(text, i);
      } else {
        if (text.charCodeAt(i + 2) === 43) hasToken = true; // a hint is part of the statement
        i = close + 2;
      }
      lastEnd = i;
      continue;
    }
    hasToken = true;
    if (c === 39 || c === 96 || c === 34) {
      i = skipQuoted(text, i, c);
      if (i < 0) {
        broken = true;
        i = lineEnd(text, s);
      }
      lastEnd = i;
      continue;
    }
    if (isWordChar(c)) {
      for (; i < n; i++) {
        const ch = text.charCodeAt(i); // tested inline: calls cost on a first check
        if (!((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 36 || ch > 127)) break;
      }
      // Only the first words of a statement (and of each set member) matter: skip the
      // allocation for the rest, this loop runs over the whole script on every keystroke.
      const memberStart = inSet && subWords === 0;
      const word = words.length < MAX_WORDS || memberStart ? text.slice(s, i).toUpperCase() : '';
      if (memberStart) memberFirst = word;
      if (memberStart) {
        if (!SET_MEMBERS.has(word) && setCut >= 0) {
          // END was forgotten: close the set before this statement
          const restart = s;
          emit(setCut);
          sliceStart = restart;
          hasToken = true;
        }
      }
      if (words.length < MAX_WORDS) words.push(word);
      subWords++;
      lastEnd = i;
      continue;
    }
    if (c === 59) {
      i++;
      lastEnd = i;
      if (inSet) {
        if (subWords > 0 && memberFirst === 'END') {
          emit(i, true);
        } else {
          setCut = i;
          subWords = 0;
          memberFirst = null;
        }
        continue;
      }
      if (opensSet(words)) {
        inSet = true;
        setCut = i;
        subWords = 0;
        continue;
      }
      // a run of stray ';' is one empty statement (one error, not a million slices)
      if (words.length === 0 && s === sliceStart) i = lastEnd = endOfSemicolonRun(text, i, n);
      emit(i, true);
      continue;
    }
    i++;
    lastEnd = i;
  }
  // Anything pending, even a comment (it belongs to the next statement), means not clean.
  const open = sliceStart >= 0 || inSet;
  const overran = i > n;
  emit(Math.min(lastEnd, n));
  return { slices: out, clean: !open && !overran, cleanEnds, broken: brokenSlices };

  function isWordChar(ch: number): boolean {
    return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 36 || ch > 127;
  }
}

/** End of the ';'s (and blanks between them) that follow a stray ';' ending at `i`. */
function endOfSemicolonRun(text: string, i: number, n: number): number {
  let end = i;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 59) end = j + 1;
    else if (!isBlank(c)) break;
  }
  return end;
}

/** BEGIN STATEMENT SET ; or ... STATEMENT SET BEGIN <not END> ; */
function opensSet(words: string[]): boolean {
  if (words[0] === 'BEGIN' && words[1] === 'STATEMENT' && words[2] === 'SET' && words.length === 3) return true;
  for (let k = 0; k + 2 < words.length; k++) {
    if (words[k] === 'STATEMENT' && words[k + 1] === 'SET' && words[k + 2] === 'BEGIN') return words[k + 3] !== 'END';
  }
  return false;
}

/** Index after the closing quote, or -1 when unterminated. Doubled quotes escape. */
function skipQuoted(text: string, i: number, q: number): number {
  const quote = q === 39 ? "'" : q === 96 ? '`' : '"';
  let j = i + 1;
  for (;;) {
    const k = text.indexOf(quote, j);
    if (k < 0) return -1;
    if (text.charCodeAt(k + 1) !== q) return k + 1;
    j = k + 2;
  }
}

function lineEnd(text: string, i: number): number {
  NEWLINE.lastIndex = i;
  return NEWLINE.test(text) ? NEWLINE.lastIndex - 1 : text.length;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0xfeff;
}
