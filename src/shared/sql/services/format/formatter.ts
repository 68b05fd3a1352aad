import { lex } from '../../lex/lexer.js';
import { TokenKind, type Token } from '../../lex/token.js';
import { parseStatement } from '../../parse/parser.js';
import { splitStatements, type StatementSlice } from '../../parse/split.js';
import type { AnyNode } from '../../ast/visit.js';
import { astEqual } from './ast-equal.js';
import { isPlainComment } from './comments.js';
import { resolveFormatOptions, type FormatOptions, type ResolvedFormatOptions } from './format-options.js';
import { printDoc } from './printer.js';
import { StatementPrinter } from './statement-printer.js';

export type { FormatOptions } from './format-options.js';

/** A statement left as written: it has syntax errors, or (a formatter bug) printing it changed its meaning. */
export interface SkippedStatement {
  start: number;
  end: number;
  reason: 'syntax-error' | 'unsafe';
}

export interface FormatResult {
  text: string;
  changed: boolean;
  skipped: SkippedStatement[];
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Formats a whole script: each statement printed from its AST, one blank line at most between
 * statements, the script's line ending kept. Statements that do not parse are left exactly as
 * written, and so is any statement whose printed form would not parse back to the same AST.
 */
export function formatScript(text: string, options?: FormatOptions): FormatResult {
  const opts = resolveFormatOptions(options);
  const eol = lineEnding(text);
  const skipped: SkippedStatement[] = [];
  let out = '';
  let prevEnd = -1;
  const append = (start: number, end: number, chunk: string, startsWithComment: boolean): void => {
    if (prevEnd >= 0) {
      const gap = countNewlines(text, prevEnd, start);
      out += gap === 0 && startsWithComment ? ' ' : gap >= 2 ? eol + eol : eol;
    }
    out += chunk;
    prevEnd = end;
  };
  for (const slice of splitStatements(text)) {
    const r = formatSlice(text, slice, opts, eol);
    if (r.skipped) skipped.push(r.skipped);
    append(slice.start, slice.end, r.text, startsWithComment(text, slice.start));
  }
  // comments after the last statement belong to no slice
  const tail = text.slice(Math.max(prevEnd, 0)).trim();
  if (tail.length > 0) {
    const at = text.indexOf(tail, Math.max(prevEnd, 0));
    append(at, at + tail.length, tail, true);
  }
  if (out.length > 0 && /\n[ \t\r\n]*$/.test(text)) out += eol;
  return { text: out, changed: out !== text, skipped };
}

/**
 * Formats the statements that text[start, end] touches, as edits of those statements and the
 * indentation before them. The whole text gives the same result as formatScript (the editor's
 * Format Document and `weir fmt` agree, blank lines and stray whitespace between statements too).
 */
export function formatRange(text: string, start: number, end: number, options?: FormatOptions): { edits: TextEdit[]; skipped: SkippedStatement[] } {
  if (start <= 0 && end >= text.length) {
    const whole = formatScript(text, options);
    return { edits: whole.changed ? [{ start: 0, end: text.length, newText: whole.text }] : [], skipped: whole.skipped };
  }
  const opts = resolveFormatOptions(options);
  const eol = lineEnding(text);
  const edits: TextEdit[] = [];
  const skipped: SkippedStatement[] = [];
  for (const slice of splitStatements(text)) {
    if (slice.end < start || slice.start > end) continue;
    const r = formatSlice(text, slice, opts, eol);
    if (r.skipped) {
      skipped.push(r.skipped);
      continue;
    }
    // Whitespace between the start of its line and the statement is stray: a statement starts its line.
    const lineStart = text.lastIndexOf('\n', slice.start - 1) + 1;
    const from = /^\s+$/.test(text.slice(lineStart, slice.start)) ? lineStart : slice.start;
    if (r.text !== slice.text || from !== slice.start) edits.push({ start: from, end: slice.end, newText: r.text });
  }
  return { edits, skipped };
}

function formatSlice(text: string, slice: StatementSlice, opts: ResolvedFormatOptions, eol: string): { text: string; skipped?: SkippedStatement } {
  const parsed = parseStatement(text, slice.start, slice.end);
  if (parsed.following || parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { text: slice.text, skipped: { start: slice.start, end: slice.end, reason: 'syntax-error' } };
  }
  const toks = lex(text, slice.start, slice.end);
  let printed: string | undefined;
  try {
    const printer = new StatementPrinter(text, toks, opts);
    const doc = printer.printSlice(parsed.node as unknown as AnyNode, slice.start, slice.end);
    if (printer.consumed === printer.tokenCount) printed = printDoc(doc, opts.lineWidth, opts.indent, eol);
    // the printer and the comparison recurse per AST level: a chain too long for the stack is left as written
    if (printed !== undefined && !sameMeaning(text, toks, parsed, printed)) printed = undefined;
  } catch {
    printed = undefined;
  }
  if (printed === undefined) {
    return { text: slice.text, skipped: { start: slice.start, end: slice.end, reason: 'unsafe' } };
  }
  return { text: printed };
}

/** The printed statement lexes to the same tokens and comments and parses to the same AST. */
function sameMeaning(text: string, toks: Token[], parsed: ReturnType<typeof parseStatement>, printed: string): boolean {
  const again = lex(printed);
  const a = toks.filter((t) => !isPlainComment(t));
  const b = again.filter((t) => !isPlainComment(t));
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind) return false;
    if (x.kind === TokenKind.Keyword ? x.value !== y.value : text.slice(x.start, x.end) !== printed.slice(y.start, y.end)) return false;
  }
  const ca = toks.filter(isPlainComment).map((t) => text.slice(t.start, t.end).trimEnd()).sort();
  const cb = again.filter(isPlainComment).map((t) => printed.slice(t.start, t.end).trimEnd()).sort();
  if (ca.join('\u0000') !== cb.join('\u0000')) return false;
  const reparsed = parseStatement(printed);
  if (reparsed.following) return false;
  if (reparsed.diagnostics.map((d) => d.code).join() !== parsed.diagnostics.map((d) => d.code).join()) return false;
  return astEqual(parsed.node, reparsed.node);
}

function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function startsWithComment(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return (c === 45 && d === 45) || (c === 47 && d === 47) || (c === 47 && d === 42 && text.charCodeAt(at + 2) !== 43);
}
