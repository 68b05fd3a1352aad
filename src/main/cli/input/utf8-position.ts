/**
 * Where UTF-8 input first goes wrong, so `weir check` can point at it instead of silently
 * replacing bytes with U+FFFD. Run only after a strict decode failed (the native decoder is the
 * fast path); follows the WHATWG decoder's rules (no overlongs, surrogates or > U+10FFFF).
 */
export interface Utf8Problem {
  /** 0-based offset of the first byte of the bad sequence. */
  offset: number;
  /** 1-based line and column (UTF-16 units, as editors count) of that byte. */
  line: number;
  column: number;
  /** That byte, e.g. 0xFF. */
  byte: number;
}

/** Offset of the first byte that starts an invalid or truncated sequence, or -1 when valid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // past U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = i + k < n ? b[i + k]! : -1;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The first problem in `b`, or undefined when it is valid UTF-8. */
export function utf8Problem(b: Uint8Array): Utf8Problem | undefined {
  const offset = firstInvalidUtf8(b);
  if (offset < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  // everything before `offset` is valid, so the line's prefix decodes exactly
  const column = new TextDecoder('utf-8').decode(b.subarray(lineStart, offset)).length + 1;
  return { offset, line, column, byte: b[offset]! };
}
