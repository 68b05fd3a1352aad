import { NON_RESERVED_KEYWORDS, RESERVED_KEYWORDS } from './keywords.js';

/**
 * Word lookups for the lexer without allocating: the lexer hashes a word while scanning it, and
 * these tables answer from the hash and the text itself. Keywords are found case-insensitively;
 * short names are interned, so repeated names share one string (with its Map hash cached) and
 * most identifiers cost no allocation.
 */

/** FNV-1a step, used by the lexer over upper-cased (keywords) and exact (names) characters. */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 16777619);

const KW_SIZE = 2048;
const KW_MASK = KW_SIZE - 1;
const kwWords: (string | undefined)[] = new Array<string | undefined>(KW_SIZE).fill(undefined);
const kwReserved = new Uint8Array(KW_SIZE);

function upperHash(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

for (const [words, reserved] of [[NON_RESERVED_KEYWORDS, 0], [RESERVED_KEYWORDS, 1]] as const) {
  for (const w of words) {
    let slot = upperHash(w) & KW_MASK;
    while (kwWords[slot] !== undefined && kwWords[slot] !== w) slot = (slot + 1) & KW_MASK;
    kwWords[slot] = w;
    kwReserved[slot] = reserved;
  }
}

/** Slot of the keyword spelt (in any case) by ASCII text[start, end) with upper-case hash `h`, or -1. */
export function keywordSlot(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  let slot = h & KW_MASK;
  for (let w = kwWords[slot]; w !== undefined; w = kwWords[(slot = (slot + 1) & KW_MASK)]) {
    if (w.length !== len) continue;
    let k = 0;
    while (k < len) {
      let c = text.charCodeAt(start + k);
      if (c >= 97 && c <= 122) c -= 32;
      if (c !== w.charCodeAt(k)) break;
      k++;
    }
    if (k === len) return slot;
  }
  return -1;
}

export const keywordWord = (slot: number): string => kwWords[slot]!;
export const keywordIsReserved = (slot: number): boolean => kwReserved[slot] === 1;

/** Names shorter than this are copied by slice(), so interning them never pins a script's text. */
const INTERN_MAX = 13;
const NAME_SIZE = 4096;
const names: (string | undefined)[] = new Array<string | undefined>(NAME_SIZE).fill(undefined);

/** text[start, end) as a string, shared with earlier equal short names (`h` is its exact hash). */
export function internName(text: string, start: number, end: number, h: number): string {
  const len = end - start;
  if (len >= INTERN_MAX) return text.slice(start, end);
  const slot = h & (NAME_SIZE - 1);
  const cached = names[slot];
  if (cached !== undefined && cached.length === len) {
    let k = 0;
    while (k < len && cached.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === len) return cached;
  }
  const name = text.slice(start, end);
  names[slot] = name;
  return name;
}
