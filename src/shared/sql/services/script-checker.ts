import { parseStatement, type ParseOptions, type SyntaxDiagnostic } from '../parse/parser.js';
import { IncrementalSplitter } from './incremental-split.js';

/**
 * Checks a whole script, re-parsing only statements whose text changed since the last call:
 * results are cached by statement text with offsets relative to the statement, so a
 * one-character edit in a 10,000-line script re-parses one statement and shifts the rest.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly start: number;
  readonly end: number;
}

export interface CheckedStatement {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

export interface CheckResult {
  readonly statements: readonly CheckedStatement[];
  readonly diagnostics: readonly Diagnostic[];
  /** Statements parsed in this call (the rest came from the cache). */
  readonly parsed: number;
}

interface CachedStatement {
  readonly kind: string;
  readonly length: number;
  /** Offsets relative to the statement's start. */
  readonly diagnostics: readonly SyntaxDiagnostic[];
}

/** Entries kept beyond those of the last script, so undo/redo hits the cache too. */
const SPARE_ENTRIES = 2000;

export class ScriptChecker {
  private cache = new Map<string, CachedStatement>();
  private readonly splitter = new IncrementalSplitter();

  constructor(private readonly options: ParseOptions = {}) {}

  check(text: string): CheckResult {
    const slices = this.splitter.split(text);
    const statements: CheckedStatement[] = [];
    const diagnostics: Diagnostic[] = [];
    const used = new Map<string, CachedStatement>();
    let parsed = 0;
    for (const slice of slices) {
      let entry = used.get(slice.text) ?? this.cache.get(slice.text);
      if (!entry) {
        const result = parseStatement(slice.text, 0, slice.text.length, this.options);
        entry = { kind: result.node.kind, length: slice.text.length, diagnostics: result.diagnostics };
        parsed++;
      }
      used.set(slice.text, entry);
      statements.push({ kind: entry.kind, start: slice.start, end: slice.end });
      for (const d of entry.diagnostics) {
        diagnostics.push({ severity: d.severity, code: d.code, params: d.params, start: slice.start + d.start, end: slice.start + d.end });
      }
    }
    // Keep this script's statements plus a bounded number of older ones.
    if (this.cache.size > used.size + SPARE_ENTRIES) this.cache = used;
    else for (const [key, value] of used) this.cache.set(key, value);
    return { statements, diagnostics, parsed };
  }
}
