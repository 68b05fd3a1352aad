import type { SchemaCatalog, TableInfo } from '../analyze/catalog.js';
import type { SemanticDiagnostic } from '../analyze/semantic-diagnostic.js';
import { Session, type Trace } from '../analyze/session.js';
import { analyzeStatement } from '../analyze/statement-analyzer.js';
import { TablePool } from '../analyze/table-pool.js';
import type { Statement } from '../ast/statement.js';
import { parseStatement, type ParseOptions, type SyntaxDiagnostic } from '../parse/parser.js';
import { IncrementalSplitter } from './incremental-split.js';

/**
 * Checks a whole script, re-parsing only statements whose text changed since the last call:
 * results are cached by statement text with offsets relative to the statement, so a
 * one-character edit in a 10,000-line script re-parses one statement and shifts the rest.
 * Semantic analysis runs over every statement in order (each depends on the tables created
 * before it), but a statement's analysis is reused while what it read from the session (the
 * tables it names, the current catalog...) is unchanged.
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

export interface CheckerOptions extends ParseOptions {
  /** Only syntax: no name binding or option checks (`weir check --syntax-only`). */
  syntaxOnly?: boolean;
  /** Tables and functions outside the script. */
  catalog?: SchemaCatalog;
}

interface CachedStatement {
  readonly kind: string;
  readonly length: number;
  /** Offsets relative to the statement's start. */
  readonly diagnostics: readonly SyntaxDiagnostic[];
  readonly broken: boolean;
  analysis?: Trace & { diagnostics: readonly SemanticDiagnostic[] };
}

/** Entries kept beyond those of the last script, so undo/redo hits the cache too. */
const SPARE_ENTRIES = 2000;

export class ScriptChecker {
  private cache = new Map<string, CachedStatement>();
  private readonly splitter = new IncrementalSplitter();
  /** External tables looked up so far, so cached analyses see the same objects. */
  private readonly catalogMemo = new Map<string, TableInfo | undefined>();
  private readonly pool = new TablePool();

  constructor(private readonly options: CheckerOptions = {}) {}

  check(text: string): CheckResult {
    const slices = this.splitter.split(text);
    const statements: CheckedStatement[] = [];
    const diagnostics: Diagnostic[] = [];
    const used = new Map<string, CachedStatement>();
    this.pool.next();
    const session = this.options.syntaxOnly ? undefined : new Session(this.options.catalog, this.catalogMemo, this.pool);
    let parsed = 0;
    for (const slice of slices) {
      let entry = used.get(slice.text) ?? this.cache.get(slice.text);
      // ASTs are not cached: kept alive they would be promoted and make every collection
      // slow; re-parsing the one statement whose analysis must be redone is cheaper.
      let nodes: readonly Statement[] | undefined;
      if (!entry) {
        const result = parseStatement(slice.text, 0, slice.text.length, this.options);
        nodes = [result.node, ...(result.following ?? []).map((f) => f.node)];
        entry = {
          kind: result.node.kind,
          length: slice.text.length,
          diagnostics: result.diagnostics,
          broken: result.following !== undefined || result.diagnostics.some((d) => d.severity === 'error'),
        };
        parsed++;
      }
      used.set(slice.text, entry);
      statements.push({ kind: entry.kind, start: slice.start, end: slice.end });
      for (const d of entry.diagnostics) {
        diagnostics.push({ severity: d.severity, code: d.code, params: d.params, start: slice.start + d.start, end: slice.start + d.end });
      }
      if (session) {
        const text = slice.text;
        const known = nodes;
        const parse = () => known ?? statementNodes(parseStatement(text, 0, text.length, this.options));
        for (const d of analyze(entry, session, parse)) {
          diagnostics.push({ severity: d.severity, code: d.code, params: d.params, start: slice.start + d.start, end: slice.start + d.end });
        }
      }
    }
    // Keep this script's statements plus a bounded number of older ones.
    if (this.cache.size > used.size + SPARE_ENTRIES) this.cache = used;
    else for (const [key, value] of used) this.cache.set(key, value);
    return { statements, diagnostics, parsed };
  }
}

/** The statement's semantic diagnostics, from the cache when its inputs are unchanged. */
function statementNodes(result: ReturnType<typeof parseStatement>): Statement[] {
  return [result.node, ...(result.following ?? []).map((f) => f.node)];
}

function analyze(entry: CachedStatement, session: Session, nodes: () => readonly Statement[]): readonly SemanticDiagnostic[] {
  const cached = entry.analysis;
  if (cached && session.unchanged(cached.reads)) {
    for (const e of cached.effects) session.apply(e);
    return cached.diagnostics;
  }
  const trace: Trace = { reads: [], effects: [] };
  session.trace = trace;
  const diagnostics: SemanticDiagnostic[] = [];
  for (const node of nodes()) diagnostics.push(...analyzeStatement(node, session, entry.broken));
  session.trace = undefined;
  entry.analysis = { ...trace, diagnostics };
  return diagnostics;
}
