/**
 * Terminal display width (East Asian Width): CJK ideographs, kana, Hangul, full-width forms and
 * CJK punctuation take two cells, combining marks none, everything else one. Enough for aligning
 * the CLI's help and tables in Chinese; pure, so the CLI and tests share it.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (。、「」)
  [0x3041, 0x33ff], // kana, bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms (，：；（）)
  [0xffe0, 0xffe6], // full-width signs
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B..
];

const ZERO = /[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f]/;

export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || ZERO.test(ch)) return 0;
  if (cp < 0x1100) return 1;
  for (const [from, to] of WIDE) if (cp >= from && cp <= to) return 2;
  return 1;
}

/** Cells the text takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Pads with spaces to `width` display cells (never cuts). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Lines written as `usage<TAB>description` get their descriptions in one column, counted in
 * display cells; a usage too wide for the column puts its description on the next line. A line
 * starting with a tab continues the description above. Lines without a tab stay as they are.
 */
export function alignColumns(text: string, column = 41): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) {
      out.push(line);
      continue;
    }
    const usage = line.slice(0, tab).trimEnd();
    const description = line.slice(tab + 1).trim();
    if (displayWidth(usage) + 2 > column) out.push(usage, ' '.repeat(column) + description);
    else out.push(padDisplay(usage, column) + description);
  }
  return out.join('\n');
}
