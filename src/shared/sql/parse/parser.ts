import type { Statement } from '../ast/statement.js';
import type { SyntaxDiagnostic } from './diagnostic.js';
import { ParserState } from './parser-state.js';
import { splitStatements } from './split.js';
import { parseStatementAt } from './statement-parser.js';
import { versionNumber } from './versions.js';

export type { SyntaxDiagnostic } from './diagnostic.js';

export interface ParsedStatement {
  node: Statement;
  /** Offsets into the parsed text; end includes the terminating ';' if any. */
  start: number;
  end: number;
  diagnostics: SyntaxDiagnostic[];
  /**
   * Statements found after a missing ';' in the same slice (parseStatement only; their
   * diagnostics are also in `diagnostics` so a caller may ignore them).
   */
  following?: ParsedStatement[];
}

export interface ParseOptions {
  /** Target Flink version, '1.15'..'1.20' (default '1.20'); newer syntax is reported. */
  flinkVersion?: string;
}

/** Splits and parses a whole script. */
export function parseScript(text: string, options: ParseOptions = {}): { statements: ParsedStatement[]; diagnostics: SyntaxDiagnostic[] } {
  const statements: ParsedStatement[] = [];
  const diagnostics: SyntaxDiagnostic[] = [];
  const version = versionNumber(options.flinkVersion);
  for (const slice of splitStatements(text)) {
    const parsed = parseStatements(text, slice.start, slice.end, version);
    for (const s of parsed) {
      statements.push(s);
      for (const d of s.diagnostics) diagnostics.push(d);
    }
  }
  return { statements, diagnostics };
}

/** Parses one statement slice (text[start, end)), e.g. for an incremental re-check. */
export function parseStatement(text: string, start = 0, end = text.length, options: ParseOptions = {}): ParsedStatement {
  const parsed = parseStatements(text, start, end, versionNumber(options.flinkVersion));
  const first = parsed[0]!;
  if (parsed.length === 1) return first;
  const rest = parsed.slice(1);
  return { ...first, end: parsed[parsed.length - 1]!.end, diagnostics: parsed.flatMap((s) => s.diagnostics), following: rest };
}

/** All statements in text[start, end); at least one (an Empty node for blank input). */
function parseStatements(text: string, start: number, end: number, version: number): ParsedStatement[] {
  const stray = strayStatement(text, start, end);
  if (stray) return [stray];
  const p = new ParserState(text, start, end, version);
  const out: ParsedStatement[] = [];
  let sliceStart = start;
  // the first statement owns leading comments: start at the first non-blank character
  while (sliceStart < end && isBlank(text.charCodeAt(sliceStart))) sliceStart++;
  while (!p.atEnd()) {
    const before = p.pos;
    const first = p.diagnostics.length;
    const node = parseStatementAt(p);
    const failed = p.failed;
    const stop = p.limit;
    p.resume();
    let stmtEnd = p.prevEnd();
    if (failed) {
      // skip what the error made unreadable
      p.pos = Math.max(p.pos, stop);
      stmtEnd = p.pos > before ? p.toks[p.pos - 1]!.end : p.peek().end;
      if (p.isOp(';')) stmtEnd = p.next().end;
    } else if (p.isOp(';')) {
      stmtEnd = p.next().end;
    } else if (!p.atEnd()) {
      if (p.atStatementStartOnNewLine()) {
        const last = p.toks[p.pos - 1]!;
        p.report('sql.missing-semicolon', { next: p.found(p.peek()) }, last.start, last.end);
      } else {
        p.unexpected("';'");
        const stop2 = p.limit;
        p.resume();
        p.pos = Math.max(p.pos, stop2);
        stmtEnd = p.toks[p.pos - 1]!.end;
        if (p.isOp(';')) stmtEnd = p.next().end;
      }
    }
    if (failed && node.kind === 'Unknown' && p.toks[before]!.value === ';') {
      // a run of stray ';' is one empty statement with one error (see split.ts)
      while (p.isOp(';')) stmtEnd = p.next().end;
    }
    if (p.pos === before) {
      // no progress: swallow one token (never loop forever)
      stmtEnd = p.next().end;
    }
    out.push({ node, start: out.length === 0 ? Math.min(sliceStart, node.range.start) : node.range.start, end: Math.max(stmtEnd, node.range.end), diagnostics: p.diagnostics.slice(first) });
  }
  if (out.length === 0) {
    out.push({ node: { kind: 'Empty', range: { start: sliceStart, end: sliceStart } }, start: sliceStart, end: sliceStart, diagnostics: [] });
  }
  return out;
}

/**
 * A slice of nothing but ';' (split.ts makes a run of stray ones one slice): one error, without
 * lexing a token per ';' (a million of them once took seconds and a gigabyte).
 */
function strayStatement(text: string, start: number, end: number): ParsedStatement | undefined {
  let first = -1;
  let last = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 59) {
      if (first < 0) first = i;
      last = i;
    } else if (!isBlank(c)) return undefined;
  }
  if (first < 0) return undefined;
  const diagnostic: SyntaxDiagnostic = { severity: 'error', code: 'sql.expected-statement', params: { found: ';' }, start: first, end: first + 1 };
  return { node: { kind: 'Unknown', range: { start: first, end: first + 1 } }, start: first, end: last + 1, diagnostics: [diagnostic] };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0xfeff;
}
