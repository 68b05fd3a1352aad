import type { SchemaCatalog, TableInfo } from '../analyze/catalog.js';
import type { SemanticDiagnostic } from '../analyze/semantic-diagnostic.js';
import { Session, type Trace } from '../analyze/session.js';
import { analyzeStatement } from '../analyze/statement-analyzer.js';
import { TablePool } from '../analyze/table-pool.js';
import type { Statement } from '../ast/statement.js';
import { parseStatement, type ParseOptions, type SyntaxDiagnostic } from '../parse/parser.js';
import { MAX_NESTING } from '../parse/nesting.js';
import type { StatementSlice } from '../parse/split.js';
import { IncrementalSplitter } from './incremental-split.js';

/**
 * Checks a whole script, re-parsing only statements whose text changed since the last call:
 * results are cached by statement text with offsets relative to the statement, so a
 * one-character edit in a 10,000-line script re-parses one statement and shifts the rest.
 * Semantic analysis runs over every statement in order (each depends on the tables created
 * before it), but a statement's analysis is reused while what it read from the session (the
 * tables it names, the current catalog...) is unchanged. A re-analysed definition equal to the
 * last one keeps its object (TablePool), so only a changed signature re-checks its users.
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
  /** The last check that used it. */
  seen: number;
}

/** Entries kept beyond those of the last script, so undo/redo hits the cache too. */
const SPARE_ENTRIES = 2000;

export class ScriptChecker {
  private readonly cache = new Map<string, CachedStatement>();
  private readonly splitter = new IncrementalSplitter();
  /** External tables looked up so far, so cached analyses see the same objects. */
  private readonly catalogMemo = new Map<string, TableInfo | undefined>();
  private readonly pool = new TablePool();

  constructor(private readonly options: CheckerOptions = {}) {}

  /** Number of the current check; entries used by it carry it in `seen`. */
  private generation = 0;

  check(text: string): CheckResult {
    const slices = this.splitter.split(text);
    const statements: CheckedStatement[] = [];
    const diagnostics: Diagnostic[] = [];
    const generation = ++this.generation;
    let live = 0;
    this.pool.next();
    const session = this.options.syntaxOnly ? undefined : new Session(this.options.catalog, this.catalogMemo, this.pool);
    let parsed = 0;
    for (const slice of slices) {
      const { entry, nodes } = this.entry(text, slice, generation);
      if (nodes) parsed++;
      if (entry.seen !== generation || nodes) live++;
      entry.seen = generation;
      statements.push({ kind: entry.kind, start: slice.start, end: slice.end });
      for (const d of entry.diagnostics) {
        diagnostics.push({ severity: d.severity, code: d.code, params: d.params, start: slice.start + d.start, end: slice.start + d.end });
      }
      if (session) {
        for (const d of this.analyze(entry, session, text, slice, nodes)) {
          diagnostics.push({ severity: d.severity, code: d.code, params: d.params, start: slice.start + d.start, end: slice.start + d.end });
        }
      }
    }
    // Keep this script's statements plus a bounded number of older ones (undo/redo hits them).
    if (this.cache.size > live + SPARE_ENTRIES) for (const [key, entry] of this.cache) if (entry.seen !== generation) this.cache.delete(key);
    return { statements, diagnostics, parsed };
  }

  /**
   * The session as the statements before the one at `offset` leave it (tables, views with the
   * columns of their queries, USE...), and that statement's bounds: hover and completion read
   * names from the same analysis as diagnostics. Cached statements only replay their effects.
   */
  sessionAt(text: string, offset: number): { session: Session; start: number; end: number } {
    const session = new Session(this.options.catalog, this.catalogMemo, this.pool);
    let start = 0;
    let end = text.length;
    const generation = ++this.generation;
    let live = 0;
    this.pool.next();
    for (const slice of this.splitter.split(text)) {
      // a statement closed by its ';' before the cursor is context; an open one is where we are
      if (slice.end <= offset && text.charCodeAt(slice.end - 1) === 59) {
        const { entry, nodes } = this.entry(text, slice, generation);
        entry.seen = generation;
        live++;
        this.analyze(entry, session, text, slice, nodes);
        start = slice.end;
        continue;
      }
      if (slice.start <= offset) end = slice.end;
      break;
    }
    if (this.cache.size > live + SPARE_ENTRIES) for (const [key, entry] of this.cache) if (entry.seen !== generation) this.cache.delete(key);
    return { session, start, end };
  }

  /** The cache entry of a statement, parsing it (and returning its nodes) when new. */
  private entry(text: string, slice: StatementSlice, generation: number): { entry: CachedStatement; nodes: readonly Statement[] | undefined } {
    const entry = this.cache.get(slice.text);
    // ASTs are not cached: kept alive they would be promoted and make every collection
    // slow; re-parsing the one statement whose analysis must be redone is cheaper.
    if (entry) return { entry, nodes: undefined };
    // Parsed in place in the whole text (flat: lexing it is faster than a sliced copy), so
    // offsets are shifted to the statement's start for the cache.
    const result = parseStatement(text, slice.start, slice.end, this.options);
    const created: CachedStatement = {
      kind: result.node.kind,
      length: slice.text.length,
      diagnostics: relative(result.diagnostics, slice.start),
      broken: result.following !== undefined || result.diagnostics.some((d) => d.severity === 'error'),
      seen: generation,
    };
    this.cache.set(slice.text, created);
    return { entry: created, nodes: statementNodes(result) };
  }

  /** The statement's semantic diagnostics, from the cache while what it read is unchanged. */
  private analyze(entry: CachedStatement, session: Session, text: string, slice: StatementSlice, parsed: readonly Statement[] | undefined): readonly SemanticDiagnostic[] {
    const cached = entry.analysis;
    if (cached && session.unchanged(cached.reads)) {
      for (const e of cached.effects) session.apply(e, true);
      return cached.diagnostics;
    }
    const trace: Trace = { reads: [], effects: [] };
    session.trace = trace;
    const diagnostics: SemanticDiagnostic[] = [];
    const nodes = parsed ?? statementNodes(parseStatement(text, slice.start, slice.end, this.options));
    for (const node of nodes) for (const d of analyzeGuarded(node, session, entry.broken)) diagnostics.push(d);
    session.trace = undefined;
    relative(diagnostics, slice.start);
    entry.analysis = { reads: trace.reads, effects: trace.effects, diagnostics };
    return diagnostics;
  }
}

/**
 * The parser bounds nesting (MAX_NESTING) and the binder loops over long chains; should some
 * shape still exhaust the stack, that statement gets a located error instead of the whole check
 * (and a deploy) failing with no location.
 */
function analyzeGuarded(node: Statement, session: Session, broken: boolean): SemanticDiagnostic[] {
  try {
    return analyzeStatement(node, session, broken);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [{ severity: 'error', code: 'sql.too-deep', params: { max: MAX_NESTING }, start: node.range.start, end: node.range.end }];
  }
}

/** Shifts diagnostics (in place) to offsets from `base`. */
function relative<D extends { start: number; end: number }>(diagnostics: D[], base: number): D[] {
  for (const d of diagnostics) {
    d.start -= base;
    d.end -= base;
  }
  return diagnostics;
}

function statementNodes(result: ReturnType<typeof parseStatement>): Statement[] {
  if (!result.following) return [result.node];
  return [result.node, ...result.following.map((f) => f.node)];
}
