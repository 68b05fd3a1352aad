/**
 * The document algebra of Wadler's "prettier printer", as Prettier uses it: text, line breaks
 * that a group prints flat (as a space or nothing) when it fits the line width, indentation,
 * and line suffixes (trailing `--` comments moved to the end of the line they belong to).
 */
export type Doc = string | Doc[] | Line | Group | Indent | LineSuffix | BreakParent;

export interface Line {
  type: 'line';
  /** soft: nothing when flat; line: a space when flat; hard: always breaks; blank: breaks leaving one empty line. */
  mode: 'soft' | 'line' | 'hard' | 'blank';
}

export interface Group {
  type: 'group';
  contents: Doc;
  /** Set for groups that must break, and by propagation for groups holding a hard line. */
  break: boolean;
}

export interface Indent {
  type: 'indent';
  contents: Doc;
}

export interface LineSuffix {
  type: 'line-suffix';
  text: string;
}

export interface BreakParent {
  type: 'break-parent';
}

export const line: Line = { type: 'line', mode: 'line' };
export const softline: Line = { type: 'line', mode: 'soft' };
export const hardline: Line = { type: 'line', mode: 'hard' };
export const blankline: Line = { type: 'line', mode: 'blank' };
export const breakParent: BreakParent = { type: 'break-parent' };

export function group(contents: Doc, shouldBreak = false): Group {
  return { type: 'group', contents, break: shouldBreak };
}

export function indent(contents: Doc): Indent {
  return { type: 'indent', contents };
}

export function lineSuffix(text: string): LineSuffix {
  return { type: 'line-suffix', text };
}

export function join(separator: Doc, docs: Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(separator);
    out.push(d);
  });
  return out;
}
