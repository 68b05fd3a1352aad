import type { Expression, FunctionCall } from '../ast/expression.js';
import type { Identifier, Property } from '../ast/node.js';
import type {
  Hint, MatchRecognize, MeasureItem, NamedWindow, OrderItem, PatternDefinition, Query, RowPattern, Select, SelectItem, TableRef,
  WindowFrameBound, WindowSpec, WithItem,
} from '../ast/query.js';
import { lexInto } from '../lex/lexer.js';
import { TokenKind, type Token } from '../lex/token.js';
import { parseExpr, parseExprList, reservedAfterDot } from './expression-parser.js';
import { mergeAdjacentStrings, type ParserState } from './parser-state.js';
import { requireVersion } from './versions.js';

/** Does a query start at token k (after any number of '(')? */
export function looksLikeQuery(p: ParserState, k: number): boolean {
  let i = k;
  while (p.isOpAt(i, '(')) i++;
  const t = p.peekAt(i);
  return t.kind === TokenKind.Keyword && (t.value === 'SELECT' || t.value === 'WITH' || t.value === 'VALUES' || (t.value === 'TABLE' && i > k - 1 && p.peekAt(i + 1).kind !== TokenKind.Operator));
}

/** [WITH ...] body [ORDER BY] [LIMIT] [OFFSET] [FETCH] */
export function parseQuery(p: ParserState): Query {
  p.enter();
  const q = parseQueryAt(p);
  p.leave();
  return q;
}

function parseQueryAt(p: ParserState): Query {
  const start = p.start();
  if (p.isKw('WITH')) {
    p.next();
    p.acceptKw('RECURSIVE');
    const items: WithItem[] = [];
    do {
      const is = p.start();
      const name = p.ident();
      let columns: Identifier[] | undefined;
      if (p.isOp('(')) columns = parseIdentList(p);
      p.expectKw('AS');
      const open = p.peek();
      p.expectOp('(');
      const query = parseQuery(p);
      p.expectClose(open);
      items.push({ kind: 'WithItem', name, ...(columns ? { columns } : {}), query, range: p.range(is) });
    } while (p.acceptOp(',') && !p.failed);
    const body = parseQuery(p);
    return { kind: 'WithQuery', items, body, range: p.range(start) };
  }
  let query = parseSetOps(p);
  const isOrder = p.isKw('ORDER') && p.isKwAt(1, 'BY');
  if (isOrder || p.isKw('LIMIT') || p.isKw('OFFSET') || p.isKw('FETCH')) {
    let orderBy: OrderItem[] = [];
    let limit: Expression | undefined;
    let offset: Expression | undefined;
    let fetch: Expression | undefined;
    if (isOrder) {
      p.pos += 2;
      orderBy = parseOrderItems(p);
    }
    // As Flink (Calcite) takes them: LIMIT [OFFSET], or OFFSET [FETCH], or FETCH.
    const parseLimit = (): void => {
      p.next();
      if (p.isKw('ALL')) p.next();
      else limit = parseRowCount(p);
      if (p.isOp(',')) {
        // MySQL's LIMIT start, count: not in Flink's default conformance
        const c = p.peek();
        p.fail('sql.not-allowed', { what: 'sql.construct.limit-comma', instead: 'sql.construct.limit-offset' }, c.start, c.end);
      }
    };
    const parseOffset = (): void => {
      p.next();
      offset = parseRowCount(p);
      if (!p.acceptKw('ROWS')) p.acceptKw('ROW');
    };
    const parseFetch = (): void => {
      p.next();
      if (!p.acceptKw('FIRST')) p.expectKw('NEXT');
      fetch = parseRowCount(p);
      if (!p.acceptKw('ROWS')) p.expectKw('ROW');
      p.expectKw('ONLY');
    };
    if (p.isKw('LIMIT')) {
      parseLimit();
      if (p.isKw('OFFSET') && !p.failed) parseOffset();
    } else if (p.isKw('OFFSET')) {
      parseOffset();
      if (p.isKw('LIMIT') && !p.failed) {
        // OFFSET start LIMIT count: not in Flink's default conformance either
        const c = p.peek();
        p.fail('sql.not-allowed', { what: 'sql.construct.offset-limit', instead: 'sql.construct.limit-offset' }, c.start, c.end);
      }
      else if (p.isKw('FETCH') && !p.failed) parseFetch();
    } else if (p.isKw('FETCH')) parseFetch();
    query = { kind: 'OrderedQuery', query, orderBy, ...(limit ? { limit } : {}), ...(offset ? { offset } : {}), ...(fetch ? { fetch } : {}), range: p.range(start) };
  }
  return query;
}

/**
 * A table function call in TABLE(...) is plainer than a call in an expression: no `*`, DISTINCT
 * or ALL among its arguments, and no OVER, FILTER, WITHIN GROUP or null treatment after it.
 */
function checkTableFunctionCall(p: ParserState, call: FunctionCall): void {
  let i = p.toks.findIndex((t) => t.start >= call.name.range.end);
  const first = p.toks[i + 1];
  if (first && ((first.kind === TokenKind.Operator && first.value === '*') || (first.kind === TokenKind.Keyword && (first.value === 'DISTINCT' || first.value === 'ALL')))) {
    p.fail('sql.unexpected-token', { expected: 'sql.expect.expression', found: p.found(first) }, first.start, first.end);
    return;
  }
  if (!(call.over || call.overName || call.filter || call.withinGroup || call.nullTreatment)) return;
  for (let depth = 0; i < p.toks.length; i++) {
    const t = p.toks[i]!;
    if (t.kind !== TokenKind.Operator) continue;
    if (t.value === '(') depth++;
    else if (t.value === ')' && --depth === 0) break;
  }
  const after = p.toks[i + 1]!;
  p.fail('sql.unexpected-token', { expected: "')'", found: p.found(after) }, after.start, after.end);
}

/**
 * The count of LIMIT, OFFSET and FETCH: Flink (Calcite's UnsignedNumericLiteralOrParam) takes an
 * unsigned numeric literal or `?` only, never an expression or a subquery.
 */
function parseRowCount(p: ParserState): Expression {
  const t = p.peek();
  if (t.kind === TokenKind.Number) {
    p.next();
    return { kind: 'Literal', type: 'number', value: t.value!, range: { start: t.start, end: t.end } };
  }
  if (t.kind === TokenKind.Operator && t.value === '?') {
    p.next();
    return { kind: 'Parameter', range: { start: t.start, end: t.end } };
  }
  if (t.kind === TokenKind.EOF) p.expected('expression');
  else p.fail('sql.expected-row-count', { found: p.text.slice(t.start, t.end) }, t.start, t.end);
  return { kind: 'Literal', type: 'null', value: '', range: { start: t.start, end: t.start } };
}

function parseSetOps(p: ParserState): Query {
  const start = p.start();
  let left = parseQueryTerm(p);
  for (;;) {
    const t = p.peek();
    if (p.failed || t.kind !== TokenKind.Keyword) return left;
    const op = t.value;
    if (op !== 'UNION' && op !== 'INTERSECT' && op !== 'EXCEPT' && op !== 'MINUS') return left;
    p.next();
    let quantifier: 'ALL' | 'DISTINCT' | undefined;
    if (p.acceptKw('ALL')) quantifier = 'ALL';
    else if (p.acceptKw('DISTINCT')) quantifier = 'DISTINCT';
    const right = parseQueryTerm(p);
    left = { kind: 'SetOperation', op, ...(quantifier ? { quantifier } : {}), left, right, range: p.range(start) };
  }
}

function parseQueryTerm(p: ParserState): Query {
  const t = p.peek();
  const start = t.start;
  if (t.kind === TokenKind.Keyword) {
    if (t.value === 'SELECT') return parseSelect(p);
    if (t.value === 'VALUES') {
      p.next();
      const rows = parseExprList(p);
      return { kind: 'Values', rows, range: p.range(start) };
    }
    if (t.value === 'TABLE') {
      p.next();
      const table = p.qname();
      return { kind: 'TableQuery', table, range: p.range(start) };
    }
  }
  if (p.isOp('(')) {
    const open = p.next();
    const query = parseQuery(p);
    p.expectClose(open);
    return { kind: 'ParenQuery', query, range: p.range(start) };
  }
  p.expected('query');
  return { kind: 'Values', rows: [], range: { start, end: start } };
}

function parseSelect(p: ParserState): Select {
  const start = p.next().start;
  const hints = p.peek().kind === TokenKind.HintComment ? parseHints(p) : [];
  p.acceptKw('STREAM');
  const select: Select = { kind: 'Select', hints, items: [], windows: [], range: { start, end: start } };
  if (p.acceptKw('DISTINCT')) select.quantifier = 'DISTINCT';
  else if (p.acceptKw('ALL')) select.quantifier = 'ALL';
  for (;;) {
    select.items.push(parseSelectItem(p));
    if (p.failed) break;
    if (p.acceptOp(',')) continue;
    // a name right after a complete item: most likely a forgotten comma
    if (p.isIdent() || p.isString() || p.peek().kind === TokenKind.Number) {
      const t = p.peek();
      p.fail('sql.missing-comma', { found: p.found(t) }, t.start, t.end);
    }
    break;
  }
  if (p.acceptKw('FROM')) select.from = parseTableExpression(p);
  // WHERE, GROUP BY and HAVING belong to a SELECT with FROM
  else if (!p.failed && (p.isKw('WHERE') || p.isKw('HAVING') || (p.isKw('GROUP') && p.isKwAt(1, 'BY')))) p.unexpected('FROM');
  if (p.acceptKw('WHERE')) select.where = parseExpr(p);
  if (p.isKw('GROUP') && p.isKwAt(1, 'BY')) {
    const gs = p.start();
    p.pos += 2;
    let quantifier: 'ALL' | 'DISTINCT' | undefined;
    if (p.acceptKw('DISTINCT')) quantifier = 'DISTINCT';
    else if (p.acceptKw('ALL')) quantifier = 'ALL';
    const items: Expression[] = [];
    do items.push(parseGroupItem(p));
    while (p.acceptOp(',') && !p.failed);
    select.groupBy = { kind: 'GroupBy', ...(quantifier ? { quantifier } : {}), items, range: p.range(gs) };
  }
  if (p.acceptKw('HAVING')) select.having = parseExpr(p);
  if (p.acceptKw('WINDOW')) {
    do {
      const ws = p.start();
      const name = p.ident();
      p.expectKw('AS');
      const spec = parseWindowSpec(p);
      const w: NamedWindow = { kind: 'NamedWindow', name, spec, range: p.range(ws) };
      select.windows.push(w);
    } while (p.acceptOp(',') && !p.failed);
  }
  // Flink 1.20 has no QUALIFY clause (QUALIFY is a name there: FROM t qualify)
  if (p.version > 120 && p.acceptKw('QUALIFY')) select.qualify = parseExpr(p);
  select.range = p.range(start);
  return select;
}

function parseGroupItem(p: ParserState): Expression {
  const start = p.start();
  const t = p.peek();
  if (t.kind === TokenKind.Keyword && (t.value === 'ROLLUP' || t.value === 'CUBE' || (t.value === 'GROUPING' && p.isKwAt(1, 'SETS')))) {
    p.next();
    if (t.value === 'GROUPING') p.next();
    const open = p.peek();
    p.expectOp('(');
    const args: Expression[] = [];
    if (!p.isOp(')')) {
      do args.push(parseGroupItem(p));
      while (p.acceptOp(',') && !p.failed);
    }
    p.expectClose(open);
    const name = t.value === 'GROUPING' ? 'GROUPING SETS' : t.value;
    return { kind: 'FunctionCall', name: { kind: 'QualifiedName', parts: [{ kind: 'Identifier', name, quoted: false, range: { start: t.start, end: t.end } }], range: { start: t.start, end: t.end } }, args, range: p.range(start) };
  }
  if (p.isOp('(') && p.isOpAt(1, ')')) {
    p.pos += 2;
    return { kind: 'RowCtor', explicit: false, fields: [], range: p.range(start) };
  }
  return parseExpr(p);
}

function parseSelectItem(p: ParserState): SelectItem {
  const start = p.start();
  const star = p.peek();
  // a bare * is a select item or a call's only argument (COUNT(*)), never an operand
  const expr: Expression = star.kind === TokenKind.Operator && star.value === '*' ? (p.next(), { kind: 'Star', range: { start, end: star.end } }) : parseExpr(p);
  let alias: Identifier | undefined;
  if (p.acceptKw('AS')) alias = p.ident();
  else if (p.isIdent()) alias = p.ident();
  return alias ? { kind: 'SelectItem', expr, alias, range: p.range(start) } : { kind: 'SelectItem', expr, range: p.range(start) };
}

export function parseOrderItems(p: ParserState): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const start = p.start();
    const expr = parseExpr(p);
    const item: OrderItem = { kind: 'OrderItem', expr, range: { start, end: start } };
    if (p.acceptKw('ASC')) item.direction = 'ASC';
    else if (p.acceptKw('DESC')) item.direction = 'DESC';
    if (p.acceptKw('NULLS')) {
      if (p.acceptKw('FIRST')) item.nulls = 'FIRST';
      else if (p.expectKw('LAST')) item.nulls = 'LAST';
    }
    item.range = p.range(start);
    items.push(item);
  } while (p.acceptOp(',') && !p.failed);
  return items;
}

export function parseWindowSpec(p: ParserState): WindowSpec {
  const open = p.peek();
  const spec: WindowSpec = { kind: 'WindowSpec', partitionBy: [], orderBy: [], range: { start: open.start, end: open.start } };
  if (!p.expectOp('(')) return spec;
  if (p.isIdent()) spec.base = p.ident();
  if (p.isKw('PARTITION') && p.isKwAt(1, 'BY')) {
    p.pos += 2;
    spec.partitionBy = parseExprList(p);
  }
  if (p.isKw('ORDER') && p.isKwAt(1, 'BY')) {
    p.pos += 2;
    spec.orderBy = parseOrderItems(p);
  }
  if (p.isKw('ROWS') || p.isKw('RANGE')) {
    const fs = p.start();
    const unit = p.next().value as 'ROWS' | 'RANGE';
    let startBound: WindowFrameBound;
    let endBound: WindowFrameBound | undefined;
    if (p.acceptKw('BETWEEN')) {
      startBound = parseFrameBound(p);
      p.expectKw('AND');
      endBound = parseFrameBound(p);
    } else startBound = parseFrameBound(p);
    spec.frame = { unit, start: startBound, ...(endBound ? { end: endBound } : {}), range: p.range(fs) };
    if (p.acceptKw('EXCLUDE')) {
      if (p.acceptKw('CURRENT')) p.expectKw('ROW');
      else if (!p.acceptKw('GROUP') && !p.acceptKw('TIES')) p.expectKws('NO', 'OTHERS');
    }
  }
  if (p.isKw('ALLOW') || p.isKw('DISALLOW')) {
    p.next();
    p.expectKw('PARTIAL');
  }
  p.expectClose(open);
  spec.range = p.range(open.start);
  return spec;
}

function parseFrameBound(p: ParserState): WindowFrameBound {
  const start = p.start();
  if (p.acceptKw('UNBOUNDED')) {
    if (p.acceptKw('PRECEDING')) return { kind: 'WindowFrameBound', bound: 'UNBOUNDED PRECEDING', range: p.range(start) };
    p.expectKw('FOLLOWING');
    return { kind: 'WindowFrameBound', bound: 'UNBOUNDED FOLLOWING', range: p.range(start) };
  }
  if (p.acceptKw('CURRENT')) {
    p.expectKw('ROW');
    return { kind: 'WindowFrameBound', bound: 'CURRENT ROW', range: p.range(start) };
  }
  const offset = parseExpr(p);
  if (p.acceptKw('PRECEDING')) return { kind: 'WindowFrameBound', bound: 'PRECEDING', offset, range: p.range(start) };
  p.expectKw('FOLLOWING');
  return { kind: 'WindowFrameBound', bound: 'FOLLOWING', offset, range: p.range(start) };
}

export function parseIdentList(p: ParserState): Identifier[] {
  const open = p.next();
  const list: Identifier[] = [];
  if (p.isOp(')')) {
    // () is never a valid name list in Flink (PRIMARY KEY (), INSERT INTO t (), AS T(), ...)
    const t = p.peek();
    p.fail('sql.expected-identifier', { found: ')' }, t.start, t.end);
  } else {
    for (;;) {
      list.push(p.ident());
      if (p.failed) break;
      if (p.acceptOp(',')) continue;
      if (p.isIdent()) {
        const t = p.peek();
        p.fail('sql.missing-comma', { found: p.found(t) }, t.start, t.end);
      }
      break;
    }
  }
  p.expectClose(open);
  return list;
}

// ---------- FROM ----------

const JOIN_WORDS = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'OUTER']);

export function parseTableExpression(p: ParserState): TableRef {
  const start = p.start();
  let left = parseTableRef(p);
  for (;;) {
    if (p.failed) return left;
    if (p.acceptOp(',')) {
      const right = parseTableRef(p);
      left = { kind: 'Join', joinType: 'COMMA', natural: false, left, right, range: p.range(start) };
      continue;
    }
    const t = p.peek();
    if (t.kind !== TokenKind.Keyword || !JOIN_WORDS.has(t.value!)) return left;
    if (t.value === 'OUTER' && !p.isKwAt(1, 'APPLY')) return left;
    const natural = p.acceptKw('NATURAL');
    let joinType = 'INNER';
    if ((p.isKw('CROSS') || p.isKw('OUTER')) && p.isKwAt(1, 'APPLY')) {
      joinType = p.next().value + ' APPLY';
      p.next();
      const right = parseTableRef(p);
      left = { kind: 'Join', joinType, natural, left, right, range: p.range(start) };
      continue;
    }
    if (p.acceptKw('INNER')) joinType = 'INNER';
    else if (p.acceptKw('CROSS')) joinType = 'CROSS';
    else if (p.isKw('LEFT') || p.isKw('RIGHT') || p.isKw('FULL')) {
      joinType = p.next().value!;
      p.acceptKw('OUTER');
    }
    if (!p.expectKw('JOIN')) return left;
    const right = parseTableRef(p);
    const join: TableRef = { kind: 'Join', joinType, natural, left, right, range: { start, end: start } };
    if (p.acceptKw('ON')) join.on = parseExpr(p);
    else if (p.acceptKw('USING')) {
      if (p.isOp('(')) join.using = parseIdentList(p);
      else p.unexpected("'('");
    }
    join.range = p.range(start);
    left = join;
  }
}

function parseTableRef(p: ParserState): TableRef {
  const start = p.start();
  let ref = parseTablePrimary(p);
  if (p.isKw('MATCH_RECOGNIZE')) ref = parseMatchRecognize(p, ref, start);
  // alias
  if (p.acceptKw('AS')) ref.alias = p.ident();
  else if (p.isIdent()) ref.alias = p.ident();
  if (ref.alias && p.isOp('(')) ref.columnAliases = parseIdentList(p);
  if (ref.alias) ref.range = p.range(start);
  if (p.isKw('MATCH_RECOGNIZE')) ref = parseMatchRecognize(p, ref, start);
  return ref;
}

function parseTablePrimary(p: ParserState): TableRef {
  const start = p.start();
  const t = p.peek();
  if (t.kind === TokenKind.Keyword && (t.value === 'LATERAL' || t.value === 'TABLE')) {
    const lateral = p.acceptKw('LATERAL');
    if (p.acceptKw('TABLE')) {
      const open = p.peek();
      p.expectOp('(');
      if (p.isOp('(') && !p.failed) p.expected('identifier');
      const call = parseExpr(p);
      // TABLE(...) holds a table function call, not a name or another expression
      if (!p.failed && call.kind !== 'FunctionCall') {
        const t = p.peek();
        p.fail('sql.unexpected-token', { expected: "'(' (a table function call)", found: p.found(t) }, t.start, t.end);
      }
      if (call.kind === 'FunctionCall' && !p.failed) checkTableFunctionCall(p, call);
      p.expectClose(open);
      if (call.kind === 'FunctionCall' && call.name.parts.length === 1 && call.name.parts[0]!.name.toUpperCase() === 'SESSION') {
        requireVersion(p, 'sql.feature.session-window-tvf', call.range.start, call.name.range.end);
      }
      return { kind: 'TableFunction', lateral, call, range: p.range(start) };
    }
    const open = p.peek();
    p.expectOp('(');
    const query = parseQuery(p);
    p.expectClose(open);
    return { kind: 'DerivedTable', lateral, query, range: p.range(start) };
  }
  if (t.kind === TokenKind.Keyword && t.value === 'UNNEST') {
    p.next();
    const open = p.peek();
    p.expectOp('(');
    const args = parseExprList(p);
    p.expectClose(open);
    let withOrdinality = false;
    if (p.isKw('WITH') && p.isKwAt(1, 'ORDINALITY')) {
      p.pos += 2;
      withOrdinality = true;
    }
    return { kind: 'Unnest', args, withOrdinality, range: p.range(start) };
  }
  if (p.isOp('(')) {
    const open = p.next();
    if (looksLikeQuery(p, 0)) {
      const query = parseQuery(p);
      p.expectClose(open);
      return { kind: 'DerivedTable', lateral: false, query, range: p.range(start) };
    }
    p.enter();
    const inner = parseTableExpression(p);
    p.leave();
    p.expectClose(open);
    inner.range = p.range(start);
    return inner;
  }
  const name = p.qname();
  const hints = p.peek().kind === TokenKind.HintComment ? parseHints(p) : [];
  const ref: TableRef = { kind: 'TableName', name, hints, range: { start, end: start } };
  if (p.isKw('FOR') && p.isKwAt(1, 'SYSTEM_TIME')) {
    p.pos += 2;
    p.expectKws('AS', 'OF');
    ref.systemTime = parseExpr(p);
  }
  ref.range = p.range(start);
  return ref;
}

// ---------- hints ----------

/** Parses one or more hint comments: /*+ NAME('k'='v', ...), NAME2(a, b) *\/. */
export function parseHints(p: ParserState): Hint[] {
  const hints: Hint[] = [];
  while (p.peek().kind === TokenKind.HintComment) {
    const h = p.next();
    const toks: Token[] = [];
    lexInto(p.text, h.start + 3, h.end - 2, toks, false);
    mergeAdjacentStrings(p.text, toks);
    let i = 0;
    const bad = (t: Token): void => {
      p.report('sql.invalid-hint', { found: p.found(t) }, t.start, t.end);
    };
    // an empty hint comment /*+ */ is a syntax error in Flink
    if (toks.length <= 1) p.report('sql.invalid-hint', { found: '*/' }, h.end - 2, h.end);
    while (i < toks.length - 1) {
      const nameTok = toks[i]!;
      if (nameTok.kind !== TokenKind.Identifier && nameTok.kind !== TokenKind.Keyword && nameTok.kind !== TokenKind.QuotedIdentifier) {
        bad(nameTok);
        break;
      }
      i++;
      const hint: Hint = { kind: 'Hint', name: p.text.slice(nameTok.start, nameTok.end).toUpperCase(), options: [], values: [], range: { start: nameTok.start, end: nameTok.end } };
      const open = toks[i]!;
      if (open.kind === TokenKind.Operator && open.value === '(') {
        i++;
        let ok = true;
        /** the options' form: key = value pairs, strings or names, never mixed (Calcite) */
        let form = '';
        const sameForm = (f: string, t: Token): boolean => {
          if (form === '' || form === f) {
            form = f;
            return true;
          }
          bad(t);
          ok = false;
          return false;
        };
        while (i < toks.length - 1 && !(toks[i]!.kind === TokenKind.Operator && toks[i]!.value === ')')) {
          const k = toks[i]!;
          const eq = toks[i + 1]!;
          const f = eq.kind === TokenKind.Operator && eq.value === '=' ? 'kv' : k.kind === TokenKind.String ? 'string' : k.kind === TokenKind.Number ? '' : 'name';
          if (f !== '' && !sameForm(f, f === 'kv' ? eq : k)) break;
          if (eq.kind === TokenKind.Operator && eq.value === '=') {
            const v = toks[i + 2]!;
            if (v.kind !== TokenKind.String) {
              bad(v);
              ok = false;
              break;
            }
            const prop: Property = { kind: 'Property', key: k.value ?? p.text.slice(k.start, k.end), keyRange: { start: k.start, end: k.end }, value: v.value!, valueRange: { start: v.start, end: v.end }, range: { start: k.start, end: v.end } };
            hint.options.push(prop);
            i += 3;
          } else if (k.kind === TokenKind.String || k.kind === TokenKind.Identifier || k.kind === TokenKind.QuotedIdentifier || k.kind === TokenKind.Number || k.kind === TokenKind.Keyword) {
            hint.values.push(k.value ?? p.text.slice(k.start, k.end));
            i++;
            // dotted names: db.tbl
            while (toks[i]!.kind === TokenKind.Operator && toks[i]!.value === '.' && i + 1 < toks.length - 1) i += 2;
          } else {
            bad(k);
            ok = false;
            break;
          }
          const sep = toks[i]!;
          if (sep.kind === TokenKind.Operator && sep.value === ',') i++;
          else if (!(sep.kind === TokenKind.Operator && sep.value === ')')) {
            bad(sep);
            ok = false;
            break;
          }
        }
        if (!ok) break;
        const close = toks[i]!;
        if (!(close.kind === TokenKind.Operator && close.value === ')')) {
          bad(close);
          break;
        }
        hint.range = { start: nameTok.start, end: close.end };
        i++;
      }
      hints.push(hint);
      const sep = toks[i]!;
      if (sep.kind === TokenKind.Operator && sep.value === ',') i++;
      else if (sep.kind !== TokenKind.EOF) {
        bad(sep);
        break;
      }
    }
  }
  return hints;
}

// ---------- MATCH_RECOGNIZE ----------

function parseMatchRecognize(p: ParserState, input: TableRef, start: number): TableRef {
  p.next();
  const open = p.peek();
  const mr: MatchRecognize = { kind: 'MatchRecognize', input, partitionBy: [], orderBy: [], measures: [], subsets: [], defines: [], range: { start, end: start } };
  if (!p.expectOp('(')) return mr;
  if (p.isKw('PARTITION') && p.isKwAt(1, 'BY')) {
    p.pos += 2;
    mr.partitionBy = parseExprList(p);
  }
  if (p.isKw('ORDER') && p.isKwAt(1, 'BY')) {
    p.pos += 2;
    mr.orderBy = parseOrderItems(p);
  }
  if (p.acceptKw('MEASURES')) {
    do {
      const ms = p.start();
      const expr = parseExpr(p);
      p.expectKw('AS');
      const alias = p.ident();
      const m: MeasureItem = { kind: 'MeasureItem', expr, alias, range: p.range(ms) };
      mr.measures.push(m);
    } while (p.acceptOp(',') && !p.failed);
  }
  if (p.isKw('ONE') || p.isKw('ALL')) {
    const one = p.next().value === 'ONE';
    p.expectKw(one ? 'ROW' : 'ROWS');
    p.expectKws('PER', 'MATCH');
    if (!one && (p.isKw('SHOW') || p.isKw('OMIT') || p.isKw('WITH'))) {
      p.next();
      p.acceptKw('EMPTY');
      p.acceptKw('MATCHES');
      p.acceptKw('UNMATCHED');
    }
    mr.rowsPerMatch = one ? 'ONE ROW PER MATCH' : 'ALL ROWS PER MATCH';
  }
  if (p.isKw('AFTER')) {
    const as = p.next().start;
    p.expectKws('MATCH', 'SKIP');
    let target: Identifier | undefined;
    let text = 'AFTER MATCH SKIP ';
    if (p.acceptKw('PAST')) {
      p.expectKws('LAST', 'ROW');
      text += 'PAST LAST ROW';
    } else if (p.acceptKw('TO')) {
      if (p.isKw('NEXT')) {
        p.next();
        p.expectKw('ROW');
        text += 'TO NEXT ROW';
      } else {
        const which = p.acceptKw('FIRST') ? 'FIRST ' : p.acceptKw('LAST') ? 'LAST ' : '';
        target = p.ident();
        text += 'TO ' + which + target.name;
      }
    } else p.unexpected('PAST LAST ROW / TO NEXT ROW / TO FIRST / TO LAST');
    mr.afterMatch = { text, ...(target ? { target } : {}), range: p.range(as) };
  }
  if (p.expectKw('PATTERN')) {
    const po = p.peek();
    p.expectOp('(');
    if (!p.isOp(')')) mr.pattern = parsePatternAlternation(p);
    p.expectClose(po);
  }
  if (p.acceptKw('WITHIN')) mr.within = parseExpr(p);
  if (p.acceptKw('SUBSET')) {
    do {
      const ss = p.start();
      const name = p.ident();
      p.expectOp('=');
      const members = p.isOp('(') ? parseIdentList(p) : (p.unexpected("'('"), []);
      mr.subsets.push({ name, members, range: p.range(ss) });
    } while (p.acceptOp(',') && !p.failed);
  }
  if (p.expectKw('DEFINE')) {
    do {
      const ds = p.start();
      const name = p.ident();
      p.expectKw('AS');
      const condition = parseExpr(p);
      const d: PatternDefinition = { kind: 'PatternDefinition', name, condition, range: p.range(ds) };
      mr.defines.push(d);
    } while (p.acceptOp(',') && !p.failed);
  }
  p.expectClose(open);
  mr.range = p.range(start);
  return mr;
}

function parsePatternAlternation(p: ParserState): RowPattern {
  p.enter();
  const pattern = parsePatternAlternationAt(p);
  p.leave();
  return pattern;
}

function parsePatternAlternationAt(p: ParserState): RowPattern {
  const start = p.start();
  const first = parsePatternSequence(p);
  if (!p.isOp('|')) return first;
  const alternatives = [first];
  while (p.acceptOp('|') && !p.failed) alternatives.push(parsePatternSequence(p));
  return { kind: 'PatternAlternation', alternatives, range: p.range(start) };
}

function parsePatternSequence(p: ParserState): RowPattern {
  const start = p.start();
  const items: RowPattern[] = [];
  while (!p.failed && !p.atEnd() && !p.isOp(')') && !p.isOp('|') && !(p.isOp('-') && p.isOpAt(1, '}'))) {
    const before = p.pos;
    items.push(parsePatternQuantified(p));
    if (p.pos === before) break;
  }
  if (items.length === 0) p.unexpected('sql.expect.pattern-variable');
  if (items.length === 1) return items[0]!;
  return { kind: 'PatternSequence', items, range: p.range(start) };
}

function parsePatternQuantified(p: ParserState): RowPattern {
  const start = p.start();
  let pat: RowPattern;
  if (p.isOp('(')) {
    const open = p.next();
    const inner = p.isOp(')') ? undefined : parsePatternAlternation(p);
    p.expectClose(open);
    pat = { kind: 'PatternGroup', ...(inner ? { pattern: inner } : {}), exclude: false, range: p.range(start) };
  } else if (p.isOp('{') && p.isOpAt(1, '-')) {
    p.pos += 2;
    const inner = parsePatternAlternation(p);
    p.expectOp('-');
    p.expectOp('}');
    pat = { kind: 'PatternGroup', pattern: inner, exclude: true, range: p.range(start) };
  } else {
    const t = p.peek();
    let name: Identifier;
    if (reservedAfterDot(t)) {
      // pattern variables are names: reserved words need backticks (PATTERN (A `BY`))
      p.fail('sql.reserved-word', { word: p.text.slice(t.start, t.end) }, t.start, t.end);
      return { kind: 'PatternVariable', name: { kind: 'Identifier', name: '', quoted: false, range: { start: t.start, end: t.start } }, range: { start: t.start, end: t.start } };
    }
    if (t.kind === TokenKind.Keyword) {
      // pattern variables may be any non-reserved word, e.g. A, B, UP, `DOWN`
      p.next();
      name = { kind: 'Identifier', name: p.text.slice(t.start, t.end), quoted: false, range: { start: t.start, end: t.end } };
    } else name = p.ident();
    pat = { kind: 'PatternVariable', name, range: name.range };
  }
  // quantifiers
  const qs = p.start();
  let q = '';
  if (p.isOp('*') || p.isOp('+') || p.isOp('?')) q = p.next().value!;
  else if (p.isOp('{') && !p.isOpAt(1, '-')) {
    const open = p.next();
    q = '{';
    // {n}, {n,}, {n,m} or {,m}
    const num = (): boolean => {
      if (p.peek().kind !== TokenKind.Number) return false;
      q += p.next().value;
      return true;
    };
    const hasMin = num();
    if (p.isOp(',')) {
      p.next();
      q += ',';
      if (!num() && !hasMin) p.unexpected('sql.expect.number');
    } else if (!hasMin) p.unexpected('sql.expect.number-or-comma');
    if (!p.failed && !p.isOp('}')) p.unexpected(hasMin ? "',' / '}'" : "'}'");
    p.expectClose(open, '}');
    q += '}';
  }
  if (q && p.isOp('?')) q += p.next().value;
  if (q) pat = { kind: 'PatternQuantified', pattern: pat, quantifier: q, range: p.range(start) };
  void qs;
  return pat;
}
