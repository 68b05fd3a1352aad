import type { BinaryExpr, Expression, FunctionCall } from '../ast/expression.js';
import type { Identifier, QualifiedName, Range } from '../ast/node.js';
import type { Join, OrderItem, Query, Select, SetOperation, TableRef, WindowSpec } from '../ast/query.js';
import type { ColumnInfo, DataTypeInfo, TableInfo } from './catalog.js';
import { didYouMean } from './did-you-mean.js';
import { builtinFunction, builtinFunctionNames, isSyntaxCall } from './function-registry.js';
import { columnOf, Scope, type Relation } from './scope.js';
import { withSuggestions, type SemanticDiagnostic } from './semantic-diagnostic.js';
import type { Session } from './session.js';
import { simpleType, typeInfo } from './types.js';

/** Output columns of a query; undefined when not known (SELECT * over an unknown table). */
export type Columns = ColumnInfo[] | undefined;

/** Receives each bound SELECT with its scope (FROM relations, select-list aliases, enclosing scope) and the CTEs visible in it. */
export type ScopeObserver = (select: Select, scope: Scope, ctes: ReadonlyMap<string, Columns>[]) => void;

const WINDOW_TVFS = new Set(['TUMBLE', 'HOP', 'CUMULATE', 'SESSION']);
/** Boolean binary operators as the parser writes them, found without the regex below. */
const COMPARISONS = new Set(['AND', 'OR', '=', '<>', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const BOOLEAN = simpleType('BOOLEAN');
/** A column whose type the analyzer does not work out. */
export const UNKNOWN = simpleType('UNKNOWN');

/**
 * Binds the names of queries and expressions: FROM items, columns, functions. Reports what is
 * surely wrong and stays silent wherever a relation's columns are not known.
 */
export class QueryBinder {
  /** CTEs visible at this point, innermost last. */
  private ctes: Map<string, Columns>[] = [];

  constructor(
    private readonly session: Session,
    private readonly out: SemanticDiagnostic[],
    /** Told each SELECT's scope once bound: hover and completion read names from it. */
    private readonly observe?: ScopeObserver,
  ) {}

  // ---------- queries ----------

  query(q: Query, outer?: Scope, orderBy?: OrderItem[]): Columns {
    switch (q.kind) {
      case 'Select':
        return this.select(q, outer, orderBy);
      case 'ParenQuery':
        return this.query(q.query, outer, orderBy);
      case 'OrderedQuery': {
        const cols = this.query(q.query, outer, q.orderBy);
        for (const e of [q.limit, q.offset, q.fetch]) if (e) this.expr(e, new Scope([], outer));
        return cols;
      }
      case 'WithQuery': {
        const frame = new Map<string, Columns>();
        this.ctes.push(frame);
        try {
          for (const item of q.items) {
            const cols = this.query(item.query, outer);
            frame.set(item.name.name, item.columns ? renamed(cols, item.columns) : cols);
          }
          return this.query(q.body, outer, orderBy);
        } finally {
          this.ctes.pop();
        }
      }
      case 'SetOperation': {
        // a UNION of thousands of queries is one left-deep chain: walk it with a loop
        const chain: SetOperation[] = [];
        let first: Query = q;
        for (; first.kind === 'SetOperation'; first = first.left) chain.push(first);
        const left = this.query(first, outer);
        for (let i = chain.length - 1; i >= 0; i--) this.query(chain[i]!.right, outer);
        if (orderBy) {
          const scope = new Scope([{ name: undefined, columns: left }], outer);
          for (const o of orderBy) this.expr(o.expr, scope);
        }
        return left;
      }
      case 'Values': {
        const scope = new Scope([], outer);
        const first = q.rows[0];
        const types = q.rows.map((row) => (row.kind === 'RowCtor' ? row.fields.map((f) => this.expr(f, scope)) : [this.expr(row, scope)]));
        if (!first) return undefined;
        return types[0]!.map((t, i) => ({ name: `EXPR$${i}`, type: t ?? UNKNOWN, nullable: true }));
      }
      case 'TableQuery': {
        const t = this.tableByName(q.table, true);
        return t ? t.columns?.slice() : undefined;
      }
    }
  }

  private select(s: Select, outer: Scope | undefined, orderBy?: OrderItem[]): Columns {
    const scope = new Scope([], outer);
    if (s.from) this.from(s.from, scope);
    if (s.where) this.expr(s.where, scope);
    const output: ColumnInfo[] = [];
    let known = true;
    s.items.forEach((item, i) => {
      if (item.expr.kind === 'Star') {
        const rels = item.expr.qualifier ? this.starRelations(item.expr.qualifier, scope) : scope.relations;
        for (const r of rels ?? []) {
          if (!r.columns) known = false;
          else output.push(...r.columns);
        }
        if (!rels) known = false;
        return;
      }
      const type = this.expr(item.expr, scope);
      const name = item.alias?.name ?? implicitName(item.expr) ?? `EXPR$${i}`;
      output.push({ name, type: type ?? UNKNOWN, nullable: true });
    });
    // GROUP BY, HAVING, QUALIFY and ORDER BY may name select-list aliases
    scope.aliases = new Map(output.map((c) => [c.name, c]));
    for (const w of s.windows) this.windowSpec(w.spec, scope);
    if (s.groupBy) for (const g of s.groupBy.items) this.expr(g, scope);
    if (s.having) this.expr(s.having, scope);
    if (s.qualify) this.expr(s.qualify, scope);
    for (const o of orderBy ?? []) this.expr(o.expr, scope);
    if (this.observe) this.observe(s, scope, this.ctes.slice());
    return known ? output : undefined;
  }

  private starRelations(q: QualifiedName, scope: Scope): Relation[] | undefined {
    const r = scope.relation(q.parts.map((p) => p.name));
    if (r) return [r];
    if (!scope.open) this.unknownColumn(q.parts.map((p) => p.name).join('.') + '.*', q.range, scope.relations.flatMap((x) => (x.name ? [x.name] : [])), 'error');
    return undefined;
  }

  // ---------- FROM ----------

  /** Adds the relations of a FROM item to `scope` (LATERAL items see those already added). */
  private from(ref: TableRef, scope: Scope): void {
    switch (ref.kind) {
      case 'TableName': {
        const rel = this.tableRelation(ref.name, ref.alias, ref.columnAliases);
        if (ref.systemTime) this.expr(ref.systemTime, scope);
        scope.relations.push(rel);
        return;
      }
      case 'Join': {
        // thousands of joins are one left-deep chain: bind the leftmost item, then each join in turn
        const chain: Join[] = [];
        let first: TableRef = ref;
        for (; first.kind === 'Join'; first = first.left) chain.push(first);
        this.from(first, scope);
        for (let i = chain.length - 1; i >= 0; i--) this.join(chain[i]!, scope);
        return;
      }
      case 'DerivedTable': {
        const cols = this.query(ref.query, ref.lateral ? new Scope(scope.relations.slice(), scope.parent) : scope.parent);
        scope.relations.push({ name: ref.alias?.name, columns: ref.columnAliases ? renamed(cols, ref.columnAliases) : cols });
        return;
      }
      case 'TableFunction': {
        const lateral = new Scope(scope.relations.slice(), scope.parent);
        let cols: Columns;
        if (ref.call.kind === 'FunctionCall' && ref.call.name.parts.length === 1 && WINDOW_TVFS.has(ref.call.name.parts[0]!.name.toUpperCase())) {
          cols = this.windowTvf(ref.call, lateral);
        } else {
          this.expr(ref.call, lateral);
          cols = undefined;
        }
        scope.relations.push({ name: ref.alias?.name, columns: ref.columnAliases ? renamed(cols, ref.columnAliases, true) : cols });
        return;
      }
      case 'Unnest': {
        const lateral = new Scope(scope.relations.slice(), scope.parent);
        for (const a of ref.args) this.expr(a, lateral);
        scope.relations.push({ name: ref.alias?.name, columns: ref.columnAliases ? renamed(undefined, ref.columnAliases, true) : undefined });
        return;
      }
      case 'MatchRecognize': {
        const input = new Scope([], scope.parent);
        this.from(ref.input, input);
        for (const e of ref.partitionBy) this.expr(e, input);
        for (const o of ref.orderBy) this.expr(o.expr, input);
        const inner = new Scope(input.relations, scope.parent);
        inner.patternVariables = new Set(ref.defines.map((d) => d.name.name));
        collectPatternVariables(ref.pattern, inner.patternVariables);
        for (const sub of ref.subsets) inner.patternVariables.add(sub.name.name);
        for (const d of ref.defines) this.expr(d.condition, inner);
        const measures: ColumnInfo[] = ref.measures.map((m) => ({ name: m.alias.name, type: this.expr(m.expr, inner) ?? UNKNOWN, nullable: true }));
        if (ref.within) this.expr(ref.within, inner);
        let cols: Columns;
        const inputCols = input.open ? undefined : input.relations.flatMap((r) => r.columns!);
        if (ref.rowsPerMatch === 'ALL ROWS PER MATCH') cols = inputCols ? [...inputCols, ...measures] : undefined;
        else {
          const keys = ref.partitionBy.map((e) => (e.kind === 'ColumnRef' ? inputCols?.find((c) => c.name === e.name.parts[e.name.parts.length - 1]!.name) : undefined));
          cols = keys.every((k) => k) ? [...(keys as ColumnInfo[]), ...measures] : undefined;
        }
        scope.relations.push({ name: ref.alias?.name, columns: cols });
        return;
      }
    }
  }

  /** Adds a join's right side to `scope` (its left side is already there) and binds its condition. */
  private join(ref: Join, scope: Scope): void {
    const before = scope.relations.length;
    this.from(ref.right, scope);
    if (ref.using) {
      const leftCols = scope.relations.slice(0, before);
      const rightCols = scope.relations.slice(before);
      for (const u of ref.using) {
        (scope.merged ??= new Set()).add(u.name);
        for (const side of [leftCols, rightCols]) {
          if (side.every((r) => r.columns !== undefined) && !side.some((r) => r.columns!.some((c) => c.name === u.name))) {
            this.unknownColumn(u.name, u.range, side.flatMap((r) => r.columns!.map((c) => c.name)), 'error');
            break;
          }
        }
      }
    }
    if (ref.natural) {
      for (const r of scope.relations) for (const c of r.columns ?? []) (scope.merged ??= new Set()).add(c.name);
    }
    if (ref.on) this.expr(ref.on, scope);
  }

  /** TUMBLE/HOP/CUMULATE/SESSION(TABLE t, DESCRIPTOR(ts), ...): t's columns plus the window columns. */
  private windowTvf(call: FunctionCall, scope: Scope): Columns {
    let input: Columns;
    let timeCol: ColumnInfo | undefined;
    const inputScope = new Scope([], scope.parent);
    const args = call.args.map((a) => (a.kind === 'NamedArgument' ? a.value : a));
    for (const a of args) {
      if (a.kind !== 'TableArgument') continue;
      if (a.table) inputScope.relations.push(this.tableRelation(a.table, undefined, undefined));
      else if (a.query) inputScope.relations.push({ name: undefined, columns: this.query(a.query, scope.parent) });
      input = inputScope.open ? undefined : inputScope.relations.flatMap((r) => r.columns!);
      for (const e of a.partitionBy ?? []) this.expr(e, inputScope);
      for (const o of a.orderBy ?? []) this.expr(o.expr, inputScope);
    }
    for (const a of args) {
      if (a.kind === 'TableArgument') continue;
      if (a.kind === 'FunctionCall' && a.name.parts.length === 1 && a.name.parts[0]!.name.toUpperCase() === 'DESCRIPTOR') {
        for (const c of a.args) {
          const t = this.expr(c, inputScope);
          if (c.kind === 'ColumnRef' && t) timeCol = input?.find((x) => x.name === c.name.parts[c.name.parts.length - 1]!.name);
        }
        continue;
      }
      this.expr(a, scope);
    }
    if (!input) return undefined;
    const time = timeCol?.type.root === 'TIMESTAMP_LTZ' ? simpleType('TIMESTAMP_LTZ', 'TIMESTAMP_LTZ(3)') : simpleType('TIMESTAMP', 'TIMESTAMP(3)');
    return [
      ...input,
      { name: 'window_start', type: simpleType('TIMESTAMP', 'TIMESTAMP(3)'), nullable: false },
      { name: 'window_end', type: simpleType('TIMESTAMP', 'TIMESTAMP(3)'), nullable: false },
      { name: 'window_time', type: time, nullable: false },
    ];
  }

  private tableRelation(name: QualifiedName, alias: Identifier | undefined, columnAliases: Identifier[] | undefined): Relation {
    const parts = name.parts.map((p) => p.name);
    let cols: readonly ColumnInfo[] | undefined;
    let path: readonly string[] | undefined;
    let source: TableInfo | undefined;
    const cte = parts.length === 1 ? this.cte(parts[0]!) : undefined;
    if (cte) cols = cte.columns;
    else {
      source = this.tableByName(name, true);
      cols = source?.columns;
      path = source?.path ?? this.session.fullPath(parts);
    }
    const relation = { name: alias?.name ?? parts[parts.length - 1], path: alias ? undefined : path, columns: columnAliases ? renamed(cols, columnAliases) : cols };
    // only when observed: the checker binds millions of names and needs none of this
    if (!this.observe) return relation;
    return cte ? { ...relation, cte: true } : source ? { ...relation, source } : relation;
  }

  private cte(name: string): { columns: Columns } | undefined {
    for (let i = this.ctes.length - 1; i >= 0; i--) if (this.ctes[i]!.has(name)) return { columns: this.ctes[i]!.get(name) };
    return undefined;
  }

  /** Resolves a table or view by name, reporting it when unknown. */
  tableByName(name: QualifiedName, used = false): TableInfo | undefined {
    const parts = name.parts.map((p) => p.name);
    // A statement cut short (`DESCRIBE CATALOG` with no name) has no name to resolve: its syntax error says it.
    if (parts.length === 0) return undefined;
    const path = this.session.fullPath(parts);
    const t = this.session.table(path);
    if (t?.invalidOptions && used) {
      this.out.push({ severity: 'error', code: 'sql.invalid-table-options', params: { name: parts.join('.') }, start: name.range.start, end: name.range.end });
    }
    if (t) return t;
    this.unknownTable(name, path);
    return undefined;
  }

  unknownTable(name: QualifiedName, path: readonly string[]): void {
    // an observer wants bindings, not diagnostics: skip did-you-mean over a 10,000-table catalog
    if (this.observe) return;
    const written = name.parts.map((p) => p.name).join('.');
    const candidates = this.session.tableNames(path);
    for (const frame of this.ctes) candidates.push(...frame.keys());
    const suggestions = didYouMean(name.parts[name.parts.length - 1]!.name, candidates);
    this.out.push({
      severity: this.session.catalogIsComplete(path[0]!) ? 'error' : 'warning',
      code: 'sql.unknown-table',
      params: withSuggestions({ name: written }, suggestions),
      start: name.range.start,
      end: name.range.end,
    });
  }

  // ---------- expressions ----------

  /** Binds names in `e` and returns its type where simply known. */
  expr(e: Expression, scope: Scope): DataTypeInfo | undefined {
    switch (e.kind) {
      case 'ColumnRef':
        return this.column(e.name, scope);
      case 'Literal':
        if (e.type === 'boolean') return BOOLEAN;
        if (e.type === 'number') return /[.eE]/.test(e.value) ? (/[eE]/.test(e.value) ? simpleType('DOUBLE') : simpleType('DECIMAL')) : simpleType(Math.abs(Number(e.value)) > 2147483647 ? 'BIGINT' : 'INT');
        if (e.type === 'binary') return simpleType('BINARY');
        return e.type === 'null' ? simpleType('NULL') : undefined;
      case 'TypedLiteral': {
        const root = e.type.toUpperCase().replace(/ WITH LOCAL TIME ZONE$/, '_LTZ');
        return simpleType(root === 'TIMESTAMP_LTZ' || root === 'DATE' || root === 'TIME' || root === 'TIMESTAMP' ? root : 'UNKNOWN');
      }
      case 'IntervalLiteral':
        this.expr(e.value, scope);
        return simpleType('INTERVAL');
      case 'CastExpr':
        this.expr(e.value, scope);
        return typeInfo(e.type);
      case 'UnaryExpr': {
        const t = this.expr(e.operand, scope);
        return e.op === 'NOT' ? BOOLEAN : e.op === '-' || e.op === '+' ? t : undefined;
      }
      case 'BinaryExpr': {
        if (e.left.kind !== 'BinaryExpr') return binaryType(e.op, this.expr(e.left, scope), this.expr(e.right, scope));
        // a 3,000-term OR is one left-deep chain: bind its leftmost operand, then each right one
        const chain: BinaryExpr[] = [];
        let first: Expression = e;
        for (; first.kind === 'BinaryExpr'; first = first.left) chain.push(first);
        let type = this.expr(first, scope);
        for (let i = chain.length - 1; i >= 0; i--) type = binaryType(chain[i]!.op, type, this.expr(chain[i]!.right, scope));
        return type;
      }
      case 'BetweenExpr':
        for (const x of [e.value, e.low, e.high]) this.expr(x, scope);
        return BOOLEAN;
      case 'InExpr':
        this.expr(e.value, scope);
        for (const x of e.list ?? []) this.expr(x, scope);
        if (e.query) this.query(e.query, scope);
        return BOOLEAN;
      case 'LikeExpr':
        for (const x of [e.value, e.pattern, e.escape]) if (x) this.expr(x, scope);
        return BOOLEAN;
      case 'IsExpr':
        this.expr(e.value, scope);
        return BOOLEAN;
      case 'ExistsExpr':
        this.query(e.query, scope);
        return BOOLEAN;
      case 'SubqueryExpr': {
        const cols = this.query(e.query, scope);
        return e.quantifier ? BOOLEAN : cols?.length === 1 ? known(cols[0]!.type) : undefined;
      }
      case 'CaseExpr': {
        if (e.operand) this.expr(e.operand, scope);
        let result: DataTypeInfo | undefined;
        for (const w of e.whens) {
          this.expr(w.when, scope);
          const t = this.expr(w.then, scope);
          if (t && t.root !== 'NULL') result ??= t;
        }
        if (e.else) this.expr(e.else, scope);
        return result;
      }
      case 'ExtractExpr':
        this.expr(e.value, scope);
        return simpleType('BIGINT');
      case 'FunctionCall':
        return this.call(e, scope);
      case 'ArrayCtor':
        for (const x of e.elements) this.expr(x, scope);
        if (e.query) this.query(e.query, scope);
        return simpleType(e.collection);
      case 'MapCtor':
        for (const x of e.entries) this.expr(x, scope);
        if (e.query) this.query(e.query, scope);
        return simpleType('MAP');
      case 'RowCtor':
        for (const x of e.fields) this.expr(x, scope);
        return e.explicit ? simpleType('ROW') : undefined;
      case 'ItemAccess':
        this.expr(e.target, scope);
        this.expr(e.index, scope);
        return undefined;
      case 'FieldAccess':
        this.expr(e.target, scope);
        return undefined;
      case 'NamedArgument':
        return this.expr(e.value, scope);
      case 'TableArgument':
        if (e.table) this.tableRelation(e.table, undefined, undefined);
        if (e.query) this.query(e.query, scope);
        return undefined;
      default:
        return undefined;
    }
  }

  private call(e: FunctionCall, scope: Scope): DataTypeInfo | undefined {
    const parts = e.name.parts;
    const name = parts[parts.length - 1]!.name;
    const builtin = parts.length === 1 ? builtinFunction(name) : undefined;
    if (!this.observe && parts.length === 1 && !builtin && !isSyntaxCall(name) && !this.session.hasFunction(name) && !this.session.lenientFunctions()) {
      const suggestions = didYouMean(name.toUpperCase(), [...builtinFunctionNames(), ...this.session.functionNames()]);
      this.out.push({ severity: 'error', code: 'sql.unknown-function', params: withSuggestions({ name }, suggestions), start: e.name.range.start, end: e.name.range.end });
    }
    const upper = name.toUpperCase();
    const argTypes: (DataTypeInfo | undefined)[] = [];
    for (const a of e.args) {
      // DESCRIPTOR names columns of a table argument, bound by the window TVF
      if (upper === 'DESCRIPTOR') break;
      argTypes.push(this.expr(a, scope));
    }
    if (e.filter) this.expr(e.filter, scope);
    for (const o of e.withinGroup ?? []) this.expr(o.expr, scope);
    if (e.over) this.windowSpec(e.over, scope);
    if (e.returning) return typeInfo(e.returning);
    const rule = builtin?.returns;
    if (!rule) return undefined;
    if (rule.startsWith('arg')) {
      const t = argTypes[Number(rule.slice(3))];
      return t && t.root !== 'NULL' ? t : undefined;
    }
    return simpleType(rule);
  }

  private windowSpec(w: WindowSpec, scope: Scope): void {
    for (const p of w.partitionBy) this.expr(p, scope);
    for (const o of w.orderBy) this.expr(o.expr, scope);
  }

  // ---------- columns ----------

  private column(name: QualifiedName, scope: Scope): DataTypeInfo | undefined {
    if (name.parts.length === 1) return this.simpleColumn(name.parts[0]!.name, name.range, scope);
    const parts = name.parts.map((p) => p.name);
    // qualified: t.c, db.t.c, cat.db.t.c, or c.field / t.c.field for ROW fields
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.patternVariables?.has(parts[0]!)) return this.simpleColumn(parts[1]!, name.range, s, true);
      for (let q = Math.min(parts.length - 1, 4); q >= 1; q--) {
        const rel = s.relationAt(parts, q);
        if (!rel) continue;
        if (!rel.columns) return undefined;
        const col = columnOf(rel.columns, parts[q]!);
        if (col) return q === parts.length - 1 ? known(col.type) : undefined;
        this.unknownColumn(parts.slice(0, q + 1).join('.'), name.range, rel.columns.map((c) => c.name), 'error', parts[q]);
        return undefined;
      }
      // c.field: a ROW column's field
      if (s.relations.some((r) => r.columns && columnOf(r.columns, parts[0]!))) return undefined;
      if (s.aliases?.has(parts[0]!)) return undefined;
      if (s.open) return undefined;
    }
    this.unknownColumn(parts.join('.'), name.range, scope.relations.flatMap((r) => (r.name ? [r.name] : [])), 'error', parts[0]);
    return undefined;
  }

  private simpleColumn(name: string, range: Range, scope: Scope, quiet = false): DataTypeInfo | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      let found: ColumnInfo | undefined;
      let count = 0;
      for (const r of s.relations) {
        const c = r.columns ? columnOf(r.columns, name) : undefined;
        if (c) {
          found ??= c;
          count++;
        }
      }
      if (count > 1 && !s.merged?.has(name)) {
        const owners = s.relations.filter((r) => r.columns && columnOf(r.columns, name)).map((r) => r.name ?? '(subquery)');
        this.out.push({ severity: 'error', code: 'sql.ambiguous-column', params: { name, tables: owners.map((o) => `'${o}'`).join(', ') }, start: range.start, end: range.end });
        return undefined;
      }
      if (found) return known(found.type);
      const alias = s.aliases?.get(name);
      if (alias) return known(alias.type);
      if (s.open) return undefined;
    }
    if (quiet) return undefined;
    this.unknownColumn(name, range, scope.visibleColumns(), 'error');
    return undefined;
  }

  private unknownColumn(written: string, range: Range, candidates: string[], severity: 'error' | 'warning', last = written): void {
    if (this.observe) return;
    const suggestions = didYouMean(last, candidates);
    this.out.push({ severity, code: 'sql.unknown-column', params: withSuggestions({ name: written }, suggestions), start: range.start, end: range.end });
  }
}

function binaryType(op: string, l: DataTypeInfo | undefined, r: DataTypeInfo | undefined): DataTypeInfo | undefined {
  if (COMPARISONS.has(op) || /^(AND|OR|=|<>|!=|<|<=|>|>=|IS .*|MEMBER OF|SUBMULTISET OF|.*DISTINCT FROM)$/i.test(op)) return BOOLEAN;
  if (op === '||') return simpleType('VARCHAR');
  if (ARITHMETIC.has(op) && l && r && isNumeric(l) && isNumeric(r)) return l;
  return undefined;
}

function known(t: DataTypeInfo): DataTypeInfo | undefined {
  return t.root === 'UNKNOWN' ? undefined : t;
}

function isNumeric(t: DataTypeInfo): boolean {
  return ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE'].includes(t.root);
}

/** The name Flink gives an unaliased select item: a column's name, else none (EXPR$n). */
function implicitName(e: Expression): string | undefined {
  if (e.kind === 'ColumnRef') return e.name.parts[e.name.parts.length - 1]!.name;
  if (e.kind === 'FieldAccess') return e.field.name;
  return undefined;
}

/** Columns renamed by an alias list; with `typesUnknown` the names are all that is known. */
function renamed(cols: readonly ColumnInfo[] | undefined, names: Identifier[], typesUnknown = false): Columns {
  if (!cols && !typesUnknown) return undefined;
  return names.map((n, i) => {
    const c = cols?.[i];
    return c ? { ...c, name: n.name } : { name: n.name, type: UNKNOWN, nullable: true };
  });
}

function collectPatternVariables(p: import('../ast/query.js').RowPattern | undefined, out: Set<string>): void {
  if (!p) return;
  switch (p.kind) {
    case 'PatternVariable':
      out.add(p.name.name);
      return;
    case 'PatternSequence':
      for (const x of p.items) collectPatternVariables(x, out);
      return;
    case 'PatternAlternation':
      for (const x of p.alternatives) collectPatternVariables(x, out);
      return;
    case 'PatternQuantified':
      collectPatternVariables(p.pattern, out);
      return;
    case 'PatternGroup':
      collectPatternVariables(p.pattern, out);
      return;
  }
}
