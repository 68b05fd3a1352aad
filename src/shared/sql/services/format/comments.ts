import { TokenKind, type Token } from '../../lex/token.js';

/**
 * Where a comment sits in the source decides where it goes in the output: a comment that starts
 * its own line stays on its own line before what follows it; a comment after code on the same
 * line stays at the end of that line. Comments are never dropped or moved out of their statement:
 * the printer emits every token of a statement exactly once, comments included.
 */
export interface CommentPlacement {
  /** Only blanks between the previous token (or the statement start) and the comment, across a line break. */
  ownLine: boolean;
  /** An empty line before the comment (kept, as authors use them to separate sections). */
  blankBefore: boolean;
  /** Something must start a new line after the comment (a line comment, or a break in the source). */
  breakAfter: boolean;
}

/** Plain comments; hints (`/*+ ... *\/`) are syntax and stay where they are. */
export function isPlainComment(t: Token): boolean {
  return t.kind === TokenKind.LineComment || t.kind === TokenKind.BlockComment || t.kind === TokenKind.UnterminatedBlockComment;
}

export function placeComments(text: string, toks: Token[]): (CommentPlacement | undefined)[] {
  const out: (CommentPlacement | undefined)[] = new Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!isPlainComment(t)) continue;
    const prevEnd = i > 0 ? toks[i - 1]!.end : -1;
    const before = prevEnd < 0 ? 1 : newlinesBetween(text, prevEnd, t.start);
    const next = toks[i + 1];
    out[i] = {
      ownLine: before > 0,
      blankBefore: prevEnd >= 0 && before > 1,
      breakAfter: t.kind === TokenKind.LineComment || next === undefined || next.kind === TokenKind.EOF || newlinesBetween(text, t.end, next.start) > 0,
    };
  }
  return out;
}

function newlinesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
