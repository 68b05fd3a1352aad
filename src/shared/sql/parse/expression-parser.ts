import type { Expression, FunctionCall, WhenClause } from '../ast/expression.js';
import type { QualifiedName } from '../ast/node.js';
import { TokenKind, type Token } from '../lex/token.js';
import type { ParserState } from './parser-state.js';
import { looksLikeQuery, parseOrderItems, parseQuery, parseWindowSpec } from './query-parser.js';
import { intervalQualifier, parseDataType, TIME_UNITS } from './type-parser.js';

/** Reserved words that are also names of built-in functions, callable as NAME(...). */
const RESERVED_FUNCTIONS = new Set(`ABS AVG CARDINALITY CEIL CEILING CHAR_LENGTH CHARACTER_LENGTH CLASSIFIER COALESCE COLLECT
CONVERT CORR COUNT COVAR_POP COVAR_SAMP CUME_DIST CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DENSE_RANK ELEMENT EVERY EXP
FIRST_VALUE FLOOR FUSION GROUPING INTERSECTION LAG LAST_VALUE LEAD LEFT LN LOCALTIME LOCALTIMESTAMP LOWER MATCH_NUMBER MAX MIN
MOD NTH_VALUE NTILE NULLIF OCTET_LENGTH OVERLAY PERCENT_RANK PERCENTILE_CONT PERCENTILE_DISC POSITION POWER PREV NEXT RANK
REGR_COUNT REGR_SXX REGR_SYY RIGHT ROW_NUMBER SQRT STDDEV_POP STDDEV_SAMP SUBSTRING SUM TRANSLATE TRIM TRUNCATE UPPER VAR_POP
VAR_SAMP YEAR MONTH DAY HOUR MINUTE SECOND JSON_ARRAY JSON_ARRAYAGG JSON_EXISTS JSON_OBJECT JSON_OBJECTAGG JSON_QUERY
JSON_VALUE WIDTH_BUCKET TRIM_ARRAY SOME ANY USER CURRENT_USER SESSION_USER SYSTEM_USER CURRENT_ROLE CURRENT_PATH
CURRENT_CATALOG CURRENT_SCHEMA MEMBER CHAR`.split(/\s+/));

/** Functions written without parentheses. */
const NILADIC = new Set(['CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'USER', 'CURRENT_USER',
  'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CURRENT_PATH', 'CURRENT_CATALOG', 'CURRENT_SCHEMA']);

/** Functions with keyword-separated arguments; their argument lists are parsed leniently. */
const SPECIAL_ARGS = new Set(['TRIM', 'SUBSTRING', 'POSITION', 'OVERLAY', 'FLOOR', 'CEIL', 'CEILING', 'CONVERT', 'TRANSLATE',
  'JSON_OBJECT', 'JSON_OBJECTAGG', 'JSON_ARRAY', 'JSON_ARRAYAGG', 'JSON_VALUE', 'JSON_QUERY', 'JSON_EXISTS']);

const CONNECTORS = new Set(['FROM', 'FOR', 'IN', 'PLACING', 'BOTH', 'LEADING', 'TRAILING', 'VALUE', 'TO', 'USING', 'ON', 'ABSENT',
  'EMPTY', 'ERROR', 'DEFAULT', 'WITH', 'WITHOUT', 'CONDITIONAL', 'UNCONDITIONAL', 'WRAPPER', 'FORMAT', 'JSON', 'PASSING', 'AS', 'ENCODING']);

/** Keywords of the predicates parsePredicate reads (BETWEEN, IN, LIKE ...). */
const PREDICATES = new Set(['BETWEEN', 'IN', 'LIKE', 'ILIKE', 'SIMILAR', 'MEMBER', 'SUBMULTISET', 'OVERLAPS', 'PRECEDES', 'SUCCEEDS', 'EQUALS']);

const COMPARISON = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

/** Keywords that continue an expression after an operand (binary, IS and predicate operators). */
const CONTINUATIONS = new Set(['OR', 'AND', 'IS', 'NOT', 'BETWEEN', 'IN', 'LIKE', 'ILIKE', 'SIMILAR', 'MEMBER', 'SUBMULTISET', 'OVERLAPS', 'PRECEDES', 'SUCCEEDS', 'EQUALS']);

export function parseExpr(p: ParserState): Expression {
  p.enter();
  const e = parseExprAt(p);
  p.leave();
  return e;
}

function parseExprAt(p: ParserState): Expression {
  // Most expressions are one operand (a column, a literal, a call) ended by ',' ')' AS...: parse
  // it first and skip the precedence levels below when nothing after it continues the expression.
  const t = p.peek();
  if ((t.kind === TokenKind.Keyword && t.value === 'NOT') || (t.kind === TokenKind.Operator && (t.value === '-' || t.value === '+'))) return parseOr(p);
  const operand = parsePostfix(p);
  if (p.failed || !continuesExpression(p.peek())) return operand;
  return parseOr(p, operand);
}

function continuesExpression(t: Token): boolean {
  if (t.kind === TokenKind.Operator) return t.value !== ',' && t.value !== ')' && t.value !== ';';
  return t.kind === TokenKind.Keyword && CONTINUATIONS.has(t.value!);
}

function binary(p: ParserState, op: string, opTok: Token, left: Expression, right: Expression): Expression {
  return { kind: 'BinaryExpr', op, opRange: { start: opTok.start, end: opTok.end }, left, right, range: { start: left.range.start, end: p.prevEnd() } };
}

// Each level takes the leftmost operand when parseExpr has already parsed it.
function parseOr(p: ParserState, first?: Expression): Expression {
  let left = parseAnd(p, first);
  while (p.isKw('OR') && !p.failed) {
    const op = p.next();
    left = binary(p, 'OR', op, left, parseAnd(p));
  }
  return left;
}

function parseAnd(p: ParserState, first?: Expression): Expression {
  let left = parseNot(p, first);
  while (p.isKw('AND') && !p.failed) {
    const op = p.next();
    left = binary(p, 'AND', op, left, parseNot(p));
  }
  return left;
}

function parseNot(p: ParserState, first?: Expression): Expression {
  if (!first && p.isKw('NOT')) {
    const start = p.next().start;
    p.enter();
    const operand = parseNot(p);
    p.leave();
    return { kind: 'UnaryExpr', op: 'NOT', operand, range: p.range(start) };
  }
  return parseIs(p, first);
}

function parseIs(p: ParserState, first?: Expression): Expression {
  const value = parseComparison(p, first);
  if (!p.isKw('IS')) return value;
  const depth = p.depth;
  const chain = parseIsChain(p, value);
  p.depth = depth;
  return chain;
}

/** x IS NULL IS NULL ...: each IS nests the tree one level (see nesting.ts). */
function parseIsChain(p: ParserState, first: Expression): Expression {
  let value = first;
  while (p.isKw('IS') && !p.failed) {
    p.enter();
    p.next();
    const not = p.acceptKw('NOT');
    const t = p.peek();
    let test = '';
    if (t.kind === TokenKind.Keyword && (t.value === 'NULL' || t.value === 'TRUE' || t.value === 'FALSE' || t.value === 'UNKNOWN')) {
      p.next();
      test = t.value;
    } else if (p.isKw('DISTINCT')) {
      p.next();
      p.expectKw('FROM');
      const right = parseComparison(p);
      value = { kind: 'BinaryExpr', op: not ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM', opRange: { start: t.start, end: t.end }, left: value, right, range: p.range(value.range.start) };
      continue;
    } else if (p.isKw('JSON')) {
      p.next();
      test = 'JSON';
      const k = p.peek();
      if (k.kind === TokenKind.Keyword && (k.value === 'VALUE' || k.value === 'ARRAY' || k.value === 'SCALAR')) {
        p.next();
        test += ' ' + k.value;
      } else if (k.kind === TokenKind.Identifier && k.value!.toUpperCase() === 'OBJECT') {
        p.next();
        test += ' OBJECT';
      }
    } else {
      p.unexpected('NULL / TRUE / FALSE / UNKNOWN / DISTINCT FROM / JSON');
    }
    value = { kind: 'IsExpr', not, test, value, range: p.range(value.range.start) };
  }
  return value;
}

function parseComparison(p: ParserState, first?: Expression): Expression {
  let left = parsePredicate(p, first);
  for (;;) {
    const t = p.peek();
    if (p.failed || t.kind !== TokenKind.Operator || !COMPARISON.has(t.value!)) return left;
    // Flink's default conformance has no bang-equal
    if (t.value === '!=') p.fail('sql.not-allowed', { what: "'!='", instead: "'<>'" }, t.start, t.end);
    p.next();
    let right: Expression;
    const q = p.peek();
    if (q.kind === TokenKind.Keyword && (q.value === 'ANY' || q.value === 'SOME' || q.value === 'ALL') && p.isOpAt(1, '(')) {
      p.next();
      const open = p.next();
      if (looksLikeQuery(p, 0)) {
        const query = parseQuery(p);
        p.expectClose(open);
        right = { kind: 'SubqueryExpr', query, quantifier: q.value, range: p.range(q.start) };
      } else {
        const args = parseExprList(p);
        p.expectClose(open);
        right = { kind: 'FunctionCall', name: nameOf(q, p), args, range: p.range(q.start) };
      }
    } else right = parsePredicate(p);
    left = binary(p, t.value!, t, left, right);
  }
}

function nameOf(t: Token, p: ParserState): QualifiedName {
  const name = p.text.slice(t.start, t.end);
  return { kind: 'QualifiedName', parts: [{ kind: 'Identifier', name, quoted: false, range: { start: t.start, end: t.end } }], range: { start: t.start, end: t.end } };
}

function parsePredicate(p: ParserState, first?: Expression): Expression {
  const value = parseAdditive(p, first);
  if (p.failed || p.peek().kind !== TokenKind.Keyword) return value;
  const depth = p.depth;
  const chain = parsePredicateChain(p, value);
  p.depth = depth;
  return chain;
}

/** BETWEEN, IN, LIKE ... chains nest the tree one level per predicate (see nesting.ts). */
function parsePredicateChain(p: ParserState, first: Expression): Expression {
  let value = first;
  for (;;) {
    if (p.failed) return value;
    const start = value.range.start;
    const notTok = p.isKw('NOT') ? 1 : 0;
    const t = p.peekAt(notTok);
    if (t.kind !== TokenKind.Keyword || !PREDICATES.has(t.value!)) return value;
    p.enter();
    const not = notTok === 1;
    switch (t.value) {
      case 'BETWEEN': {
        p.pos += notTok + 1;
        let symmetric: 'SYMMETRIC' | 'ASYMMETRIC' | undefined;
        if (p.acceptKw('SYMMETRIC')) symmetric = 'SYMMETRIC';
        else if (p.acceptKw('ASYMMETRIC')) symmetric = 'ASYMMETRIC';
        const low = parseAdditive(p);
        p.expectKw('AND');
        const high = parseAdditive(p);
        value = { kind: 'BetweenExpr', not, ...(symmetric ? { symmetric } : {}), value, low, high, range: p.range(start) };
        break;
      }
      case 'IN': {
        if (p.noIn) return value;
        p.pos += notTok + 1;
        const open = p.peek();
        if (!p.expectOp('(')) return value;
        if (looksLikeQuery(p, 0)) {
          const query = parseQuery(p);
          p.expectClose(open);
          value = { kind: 'InExpr', not, value, query, range: p.range(start) };
        } else {
          const list = parseExprList(p);
          p.expectClose(open);
          value = { kind: 'InExpr', not, value, list, range: p.range(start) };
        }
        break;
      }
      case 'LIKE':
      case 'ILIKE':
      case 'SIMILAR': {
        p.pos += notTok + 1;
        let op: string = t.value;
        if (op === 'SIMILAR') {
          p.expectKw('TO');
          op = 'SIMILAR TO';
        }
        const pattern = parseAdditive(p);
        let escape: Expression | undefined;
        if (p.acceptKw('ESCAPE')) escape = parseAdditive(p);
        value = { kind: 'LikeExpr', op, not, value, pattern, ...(escape ? { escape } : {}), range: p.range(start) };
        break;
      }
      case 'MEMBER':
      case 'SUBMULTISET': {
        p.pos += notTok + 1;
        p.expectKw('OF');
        const right = parseAdditive(p);
        value = binary(p, (not ? 'NOT ' : '') + t.value + ' OF', t, value, right);
        break;
      }
      case 'OVERLAPS':
      case 'PRECEDES':
      case 'SUCCEEDS':
      case 'EQUALS': {
        if (not) return value;
        p.next();
        value = binary(p, t.value, t, value, parseAdditive(p));
        break;
      }
      default:
        return value;
    }
  }
}

function parseAdditive(p: ParserState, first?: Expression): Expression {
  let left = parseMultiplicative(p, first);
  for (;;) {
    const t = p.peek();
    if (p.failed || t.kind !== TokenKind.Operator || (t.value !== '+' && t.value !== '-')) return left;
    p.next();
    left = binary(p, t.value, t, left, parseMultiplicative(p));
  }
}

function parseMultiplicative(p: ParserState, first?: Expression): Expression {
  let left = first ?? parseUnary(p);
  for (;;) {
    const t = p.peek();
    if (p.failed || t.kind !== TokenKind.Operator || (t.value !== '*' && t.value !== '/' && t.value !== '%' && t.value !== '||')) return left;
    p.next();
    left = binary(p, t.value, t, left, parseUnary(p));
  }
}

function parseUnary(p: ParserState): Expression {
  const t = p.peek();
  // Calcite's prefix row operators (+ - NOT EXISTS) may stack before any operand: `a >= NOT b`, `EXISTS x`
  if ((t.kind === TokenKind.Operator && (t.value === '-' || t.value === '+')) || (t.kind === TokenKind.Keyword && t.value === 'NOT')) {
    p.next();
    p.enter();
    const operand = parseUnary(p);
    p.leave();
    return { kind: 'UnaryExpr', op: t.value!, operand, range: p.range(t.start) };
  }
  return parsePostfix(p);
}

function parsePostfix(p: ParserState): Expression {
  const e = parsePrimary(p);
  // most operands have no [index] or .field after them
  if (p.failed || (!p.isOp('[') && !p.isOp('.'))) return e;
  const depth = p.depth;
  const chain = parsePostfixChain(p, e);
  p.depth = depth;
  return chain;
}

/** a[1][2].f ...: each access nests the tree one level (see nesting.ts). */
function parsePostfixChain(p: ParserState, first: Expression): Expression {
  let e = first;
  for (;;) {
    if (p.failed) return e;
    if (p.isOp('[') || p.isOp('.')) p.enter();
    if (p.isOp('[')) {
      const open = p.next();
      const index = parseExpr(p);
      p.expectClose(open, ']');
      e = { kind: 'ItemAccess', target: e, index, range: p.range(e.range.start) };
    } else if (p.isOp('.') && (p.isIdentAt(1) || p.peekAt(1).kind === TokenKind.Keyword)) {
      p.next();
      const t = p.peek();
      if (reservedAfterDot(t)) {
        p.fail('sql.reserved-word', { word: p.text.slice(t.start, t.end) }, t.start, t.end);
        return e;
      }
      const field = t.kind === TokenKind.Keyword ? (p.next(), { kind: 'Identifier' as const, name: p.text.slice(t.start, t.end), quoted: false, range: { start: t.start, end: t.end } }) : p.ident();
      e = { kind: 'FieldAccess', target: e, field, range: p.range(e.range.start) };
    } else return e; // `.*` after a call, a parenthesis or an item is no star in Flink: only a name takes one (t.*)
  }
}

export function parseExprList(p: ParserState): Expression[] {
  const list: Expression[] = [parseExpr(p)];
  while (p.acceptOp(',') && !p.failed) list.push(parseExpr(p));
  return list;
}

function parsePrimary(p: ParserState): Expression {
  const t = p.peek();
  const start = t.start;
  switch (t.kind) {
    case TokenKind.Number:
      p.next();
      return { kind: 'Literal', type: 'number', value: t.value!, range: { start, end: t.end } };
    case TokenKind.String: {
      p.next();
      const c = p.text.charCodeAt(t.start);
      let value = t.value!;
      // 'a' 'b' continues a literal across whitespace (SQL standard)
      while (p.peek().kind === TokenKind.String && p.text.charCodeAt(p.peek().start) === 39) value += p.next().value!;
      return { kind: 'Literal', type: c === 88 || c === 120 ? 'binary' : 'string', value, range: p.range(start) };
    }
    case TokenKind.Identifier:
    case TokenKind.QuotedIdentifier:
      return parseNameOrCall(p);
    case TokenKind.Operator:
      if (t.value === '(') return parseParenthesized(p);
      if (t.value === '?') {
        p.next();
        return { kind: 'Parameter', range: { start, end: t.end } };
      }
      break;
    case TokenKind.Keyword:
      return parseKeywordPrimary(p, t);
    default:
      break;
  }
  p.expected('expression');
  return { kind: 'Literal', type: 'null', value: '', range: { start, end: start } };
}

function parseParenthesized(p: ParserState): Expression {
  const open = p.next();
  if (looksLikeQuery(p, 0)) {
    const query = parseQuery(p);
    p.expectClose(open);
    return { kind: 'SubqueryExpr', query, range: p.range(open.start) };
  }
  const saved = p.noIn;
  p.noIn = false;
  const list = parseExprList(p);
  p.noIn = saved;
  p.expectClose(open);
  if (list.length === 1) {
    const e = list[0]!;
    // keep the inner node but widen nothing: ranges of parenthesized expressions are their content
    return e;
  }
  return { kind: 'RowCtor', explicit: false, fields: list, range: p.range(open.start) };
}

function parseKeywordPrimary(p: ParserState, t: Token): Expression {
  const start = t.start;
  const word = t.value!;
  switch (word) {
    case 'TRUE':
    case 'FALSE':
    case 'UNKNOWN':
      p.next();
      return { kind: 'Literal', type: 'boolean', value: word, range: { start, end: t.end } };
    case 'NULL':
      p.next();
      return { kind: 'Literal', type: 'null', value: 'NULL', range: { start, end: t.end } };
    case 'CASE':
      return parseCase(p);
    case 'CAST':
    case 'TRY_CAST': {
      if (word === 'TRY_CAST' && !p.isOpAt(1, '(')) return parseNameOrCall(p);
      p.next();
      const open = p.peek();
      if (!p.expectOp('(')) break;
      const value = parseExpr(p);
      p.expectKw('AS');
      const type = parseDataType(p);
      p.expectClose(open);
      return { kind: 'CastExpr', tryCast: word === 'TRY_CAST', value, type, range: p.range(start) };
    }
    case 'EXTRACT': {
      p.next();
      const open = p.peek();
      if (!p.expectOp('(')) break;
      const u = p.peek();
      let unit = '';
      if ((u.kind === TokenKind.Keyword || u.kind === TokenKind.Identifier) && TIME_UNITS.has(u.value!.toUpperCase())) {
        p.next();
        unit = u.value!.toUpperCase();
      } else p.unexpected('YEAR / MONTH / DAY / HOUR / MINUTE / SECOND');
      p.expectKw('FROM');
      const value = parseExpr(p);
      p.expectClose(open);
      return { kind: 'ExtractExpr', unit, value, range: p.range(start) };
    }
    case 'INTERVAL': {
      p.next();
      let value: Expression;
      const s = p.peek();
      if (s.kind === TokenKind.Operator && (s.value === '-' || s.value === '+')) {
        p.next();
        const operand = parseIntervalValue(p);
        value = { kind: 'UnaryExpr', op: s.value, operand, range: p.range(s.start) };
      } else value = parseIntervalValue(p);
      const q = intervalQualifier(p);
      return { kind: 'IntervalLiteral', value, from: q.from, ...(q.to ? { to: q.to } : {}), range: p.range(start) };
    }
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP': {
      if (p.peekAt(1).kind === TokenKind.String) {
        p.pos += 2;
        const lit = p.toks[p.pos - 1]!;
        checkTypedLiteral(p, word, lit);
        return { kind: 'TypedLiteral', type: word, value: lit.value!, range: p.range(start) };
      }
      if (word !== 'DATE' && p.isKwAt(1, 'WITH') && p.isKwAt(2, 'LOCAL')) {
        p.pos += 3;
        p.expectKws('TIME', 'ZONE');
        const s = p.string();
        return { kind: 'TypedLiteral', type: word + ' WITH LOCAL TIME ZONE', value: s.value, range: p.range(start) };
      }
      break;
    }
    case 'ARRAY':
    case 'MULTISET':
    case 'MAP': {
      const open = p.peekAt(1);
      if (open.kind === TokenKind.Operator && (open.value === '[' || open.value === '(')) {
        p.pos += 2;
        const close = open.value === '[' ? ']' : ')';
        if (close === ')' && looksLikeQuery(p, 0)) {
          const query = parseQuery(p);
          p.expectClose(open);
          if (word === 'MAP') return { kind: 'MapCtor', entries: [], query, range: p.range(start) };
          return { kind: 'ArrayCtor', collection: word === 'ARRAY' ? 'ARRAY' : 'MULTISET', elements: [], query, range: p.range(start) };
        }
        const elements = p.isOp(close) ? [] : parseExprList(p);
        p.expectClose(open, close);
        if (word === 'MAP') return { kind: 'MapCtor', entries: elements, range: p.range(start) };
        return { kind: 'ArrayCtor', collection: word === 'ARRAY' ? 'ARRAY' : 'MULTISET', elements, range: p.range(start) };
      }
      if (word === 'MAP') return parseNameOrCall(p);
      break;
    }
    case 'ROW': {
      if (!p.isOpAt(1, '(')) break;
      p.next();
      const open = p.next();
      // ROW is a call in Flink: its first field may be a bare query, ROW(SELECT ..)
      const first = p.isOp(')') ? undefined : bareQuery(p);
      const fields = first ? [first] : p.isOp(')') ? [] : parseExprList(p);
      p.expectClose(open);
      return { kind: 'RowCtor', explicit: true, fields, range: p.range(start) };
    }
    case 'EXISTS': {
      p.next();
      if (p.isOp('(') && looksLikeQuery(p, 1)) {
        const open = p.next();
        const query = parseQuery(p);
        p.expectClose(open);
        return { kind: 'ExistsExpr', query, range: p.range(start) };
      }
      // EXISTS is a prefix operator in Calcite: EXISTS (1), EXISTS x - INTERVAL '5' SECOND
      const operand = parseUnary(p);
      return { kind: 'UnaryExpr', op: 'EXISTS', operand, range: p.range(start) };
    }
    case 'RUNNING':
    case 'FINAL': {
      const n = p.peekAt(1);
      if ((n.kind === TokenKind.Keyword || n.kind === TokenKind.Identifier) && p.isOpAt(2, '(')) {
        p.next();
        const operand = parsePostfix(p);
        return { kind: 'UnaryExpr', op: word, operand, range: p.range(start) };
      }
      break;
    }
  }
  if (RESERVED_FUNCTIONS.has(word)) {
    if (p.isOpAt(1, '(')) return parseNameOrCall(p);
    if (NILADIC.has(word)) {
      p.next();
      return { kind: 'FunctionCall', name: nameOf(t, p), args: [], niladic: true, range: { start, end: t.end } };
    }
  }
  if (!t.reserved) return parseNameOrCall(p);
  p.expected('expression');
  return { kind: 'Literal', type: 'null', value: '', range: { start, end: start } };
}

/** The shapes Flink's literal parsers accept (checked loosely: only what Flink always rejects is an error). */
const LITERAL_FORMATS: Record<string, [RegExp, string]> = {
  DATE: [/^\s*\d+-\d+-\d+$/, "'yyyy-MM-dd'"],
  TIME: [/^\s*\d+:\d+:\d+(\.\d*)?\s*$/, "'HH:mm:ss'"],
  TIMESTAMP: [/^\s*\d+-\d+-\d+(\s+\d+:\d+:\d+(\.\d*)?)?\s*$/, "'yyyy-MM-dd HH:mm:ss'"],
};

function checkTypedLiteral(p: ParserState, type: string, lit: Token): void {
  const f = LITERAL_FORMATS[type];
  if (f === undefined || p.text.charCodeAt(lit.start) !== 39 || f[0].test(lit.value!)) return;
  p.fail('sql.invalid-literal', { type, value: lit.value!, format: f[1] }, lit.start, lit.end);
}

function parseIntervalValue(p: ParserState): Expression {
  const t = p.peek();
  if (t.kind === TokenKind.String) {
    p.next();
    return { kind: 'Literal', type: 'string', value: t.value!, range: { start: t.start, end: t.end } };
  }
  if (t.kind === TokenKind.Number) {
    p.next();
    return { kind: 'Literal', type: 'number', value: t.value!, range: { start: t.start, end: t.end } };
  }
  if (p.isOp('(')) return parseParenthesized(p);
  p.unexpected('sql.expect.string');
  return { kind: 'Literal', type: 'null', value: '', range: { start: t.start, end: t.start } };
}

function parseCase(p: ParserState): Expression {
  const start = p.next().start;
  let operand: Expression | undefined;
  if (!p.isKw('WHEN')) operand = parseExpr(p);
  const whens: WhenClause[] = [];
  while (p.isKw('WHEN') && !p.failed) {
    const ws = p.next().start;
    const list = parseExprList(p);
    const when: Expression = list.length === 1 ? list[0]! : { kind: 'RowCtor', explicit: false, fields: list, range: p.range(list[0]!.range.start) };
    p.expectKw('THEN');
    const then = parseExpr(p);
    whens.push({ kind: 'WhenClause', when, then, range: p.range(ws) });
  }
  if (whens.length === 0) p.unexpected('WHEN');
  let elseExpr: Expression | undefined;
  if (p.acceptKw('ELSE')) elseExpr = parseExpr(p);
  p.expectKw('END');
  return { kind: 'CaseExpr', ...(operand ? { operand } : {}), whens, ...(elseExpr ? { else: elseExpr } : {}), range: p.range(start) };
}

/** name, a.b.c, a.*, fn(args) [FILTER (WHERE ..)] [OVER ...]. */
function parseNameOrCall(p: ParserState): Expression {
  const start = p.start();
  const parts = [nameIdent(p)];
  while (p.isOp('.') && !p.failed) {
    if (p.isOpAt(1, '*')) {
      p.pos += 2;
      return { kind: 'Star', qualifier: { kind: 'QualifiedName', parts, range: { start, end: parts[parts.length - 1]!.range.end } }, range: p.range(start) };
    }
    const n = p.peekAt(1);
    if (!(p.isIdentAt(1) || n.kind === TokenKind.Keyword)) break;
    p.next();
    parts.push(nameIdent(p));
  }
  const name: QualifiedName = { kind: 'QualifiedName', parts, range: p.range(start) };
  if (!p.isOp('(')) {
    const last = parts[parts.length - 1]!;
    const lt = p.toks[p.pos - 1]!;
    if (lt.kind === TokenKind.Keyword && lt.reserved && parts.length === 1) {
      p.pos--;
      p.expected('expression');
    } else if (last.name === '' && !p.failed) p.expected('identifier');
    return { kind: 'ColumnRef', name, range: name.range };
  }
  return parseCall(p, name, start);
}

/** A reserved word after a dot is an error in Flink (`t.value`, `a.LEFT`): it needs backticks. Also for pattern variables. */
export function reservedAfterDot(t: Token): boolean {
  return t.kind === TokenKind.Keyword && t.reserved === true;
}

/** A name part: identifiers, and after a dot non-reserved keywords (reserved ones need backticks: t.`value`). */
function nameIdent(p: ParserState): { kind: 'Identifier'; name: string; quoted: boolean; range: { start: number; end: number } } {
  const t = p.peek();
  if (p.pos > 0 && reservedAfterDot(t) && p.toks[p.pos - 1]!.kind === TokenKind.Operator && p.toks[p.pos - 1]!.value === '.') {
    p.fail('sql.reserved-word', { word: p.text.slice(t.start, t.end) }, t.start, t.end);
  }
  if (t.kind === TokenKind.Keyword) {
    p.next();
    return { kind: 'Identifier', name: p.text.slice(t.start, t.end), quoted: false, range: { start: t.start, end: t.end } };
  }
  return p.ident();
}

/** Keyword-named functions with their own argument rules in Flink's grammar (quoted names are plain calls). */
const NO_BARE_QUERY = new Set(['FIRST', 'LAST', 'PREV', 'NEXT', 'CLASSIFIER', 'MATCH_NUMBER']);
const NO_ARGUMENTS = new Set(['CLASSIFIER', 'MATCH_NUMBER']);
const NOT_CALLABLE = new Set(['ANY', 'SYSTEM_USER']);

function parseCall(p: ParserState, name: QualifiedName, start: number): Expression {
  const keyword = name.parts.length === 1 && !name.parts[0]!.quoted ? name.parts[0]!.name.toUpperCase() : '';
  if (NOT_CALLABLE.has(keyword)) {
    const t = p.peek();
    p.fail('sql.unexpected-token', { expected: 'sql.expect.expression', found: '(' }, t.start, t.end);
    return { kind: 'ColumnRef', name, range: name.range };
  }
  const open = p.next();
  const fname = name.parts.length === 1 ? name.parts[0]!.name.toUpperCase() : '';
  const call: FunctionCall = { kind: 'FunctionCall', name, args: [], range: { start, end: start } };
  const savedNoIn = p.noIn;
  p.noIn = fname === 'POSITION';
  let quantified = false;
  if (p.acceptKw('DISTINCT')) call.distinct = quantified = true;
  else quantified = p.acceptKw('ALL');
  if (SPECIAL_ARGS.has(fname)) parseSpecialArgs(p, call, fname);
  else if (p.isOp('*') && p.isOpAt(1, ')') && !quantified) {
    const s = p.next();
    call.args.push({ kind: 'Star', range: { start: s.start, end: s.end } });
  } else if (quantified && p.isOp(')')) {
    // DISTINCT / ALL need an argument: MAX(DISTINCT) is an error in Flink.
    const q = p.toks[p.pos - 1]!;
    p.fail('sql.quantifier-without-argument', { name: p.text.slice(name.range.start, name.range.end), quantifier: q.value! }, q.start, p.peek().end);
  } else if (NO_ARGUMENTS.has(keyword) && !p.isOp(')')) {
    p.unexpected("')'");
  } else if (!p.isOp(')')) {
    call.args.push(NO_BARE_QUERY.has(keyword) ? parseArg(p) : firstArg(p));
    // the first argument may be a set-semantics table: f(t PARTITION BY k [ORDER BY ..])
    if (p.isKw('PARTITION') && p.isKwAt(1, 'BY') && !p.failed) {
      const first = call.args[0]!;
      const arg: Expression & { kind: 'TableArgument' } = first.kind === 'TableArgument' ? first : { kind: 'TableArgument', ...(first.kind === 'ColumnRef' ? { table: first.name } : {}), range: first.range };
      parsePartitionOrder(p, arg);
      arg.range = p.range(first.range.start);
      call.args[0] = arg;
    }
    while (p.acceptOp(',') && !p.failed) call.args.push(parseArg(p));
  }
  p.noIn = savedNoIn;
  p.expectClose(open);
  // aggregate and window decorations
  if (p.isKw('WITHIN') && p.isKwAt(1, 'GROUP')) {
    p.pos += 2;
    const o = p.peek();
    p.expectOp('(');
    p.expectKws('ORDER', 'BY');
    call.withinGroup = parseOrderItems(p);
    p.expectClose(o);
  }
  if (p.isKw('FILTER') && p.isOpAt(1, '(')) {
    p.next();
    const o = p.next();
    p.expectKw('WHERE');
    call.filter = parseExpr(p);
    p.expectClose(o);
  }
  if ((p.isKw('IGNORE') || p.isKw('RESPECT')) && p.isKwAt(1, 'NULLS')) {
    call.nullTreatment = p.next().value + ' NULLS';
    p.next();
  }
  if (p.acceptKw('OVER')) {
    if (p.isOp('(')) call.over = parseWindowSpec(p);
    else call.overName = p.ident();
  }
  call.range = p.range(start);
  return call;
}

/** The first argument may also be a query without parentheses: f(SELECT ..), so `a (SELECT ..)` calls a. */
function firstArg(p: ParserState): Expression {
  return bareQuery(p) ?? parseArg(p);
}

function bareQuery(p: ParserState): Expression | undefined {
  if (!(p.isKw('SELECT') || p.isKw('WITH') || p.isKw('VALUES'))) return undefined;
  const start = p.start();
  const query = parseQuery(p);
  return { kind: 'SubqueryExpr', query, range: p.range(start) };
}

/** One call argument: name => value, TABLE t [PARTITION BY ..] [ORDER BY ..], or an expression. */
function parseArg(p: ParserState): Expression {
  const start = p.start();
  if (p.isOpAt(1, '=>') && (p.isIdent() || p.peek().kind === TokenKind.Keyword)) {
    const t = p.next();
    const name = { kind: 'Identifier' as const, name: t.kind === TokenKind.QuotedIdentifier ? t.value! : p.text.slice(t.start, t.end), quoted: t.kind === TokenKind.QuotedIdentifier, range: { start: t.start, end: t.end } };
    p.next();
    const value = bareQuery(p) ?? parseArg(p);
    return { kind: 'NamedArgument', name, value, range: p.range(start) };
  }
  const u = p.peek();
  // a time unit stands alone only as a call argument: TIMESTAMPADD(HOUR, 8, ts)
  if (u.kind === TokenKind.Keyword && TIME_UNITS.has(u.value!) && (p.isOpAt(1, ',') || p.isOpAt(1, ')'))) {
    p.next();
    return { kind: 'TimeUnitExpr', unit: u.value!, range: { start: u.start, end: u.end } };
  }
  if (p.isKw('TABLE')) {
    p.next();
    const arg: Expression & { kind: 'TableArgument' } = { kind: 'TableArgument', range: { start, end: start } };
    if (p.isOp('(')) {
      const open = p.next();
      arg.query = parseQuery(p);
      p.expectClose(open);
    } else arg.table = p.qname();
    parsePartitionOrder(p, arg);
    arg.range = p.range(start);
    return arg;
  }
  return parseExpr(p);
}

function parsePartitionOrder(p: ParserState, arg: Expression & { kind: 'TableArgument' }): void {
  if (p.isKw('PARTITION') && p.isKwAt(1, 'BY')) {
    p.pos += 2;
    const open = p.peek();
    if (p.acceptOp('(')) {
      arg.partitionBy = parseExprList(p);
      p.expectClose(open);
    } else arg.partitionBy = parseExprList(p);
  }
  if (p.isKw('ORDER') && p.isKwAt(1, 'BY')) {
    p.pos += 2;
    const open = p.peek();
    if (p.acceptOp('(')) {
      arg.orderBy = parseOrderItems(p);
      p.expectClose(open);
    } else arg.orderBy = parseOrderItems(p);
  }
}

/** Clause keywords that must be followed by an operand (or another clause word), never by ',' / ')'. */
const NEEDS_OPERAND = new Set(['FROM', 'IN', 'FOR', 'PLACING', 'USING', 'VALUE', 'ON', 'DEFAULT', 'TO', 'PASSING', 'AS', 'FORMAT', 'WITH', 'WITHOUT', 'ENCODING']);

/** Clause words that never open an argument: an operand comes before them. */
const NOT_FIRST = new Set(['TO', 'FOR', 'IN', 'PLACING', 'USING', 'ON', 'VALUE', 'PASSING', 'AS', 'EMPTY', 'ERROR']);

/** Special functions whose clause words appear at most once each. */
const ONCE_EACH = new Set(['TRIM', 'SUBSTRING', 'OVERLAY', 'POSITION', 'FLOOR', 'CEIL', 'CEILING']);

/** Special functions that need at least one argument. */
const NEEDS_ARGS = new Set(['TRIM', 'SUBSTRING', 'POSITION', 'OVERLAY', 'FLOOR', 'CEIL', 'CEILING', 'CONVERT', 'TRANSLATE', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG', 'JSON_VALUE', 'JSON_QUERY', 'JSON_EXISTS']);

/**
 * Lenient arguments for TRIM/SUBSTRING/POSITION/OVERLAY/FLOOR/CEIL/JSON_*: expressions and clause
 * keywords. Not a full grammar, but what Flink always rejects is an error: empty arguments
 * (`f(, x)`, `f(x, )`), two operands with nothing between (`f(a b)`), and a clause word with
 * nothing after it (`TRIM(BOTH ' ' FROM )`, `… ON )`).
 */
function parseSpecialArgs(p: ParserState, call: FunctionCall, fname: string): void {
  /** what came last: nothing, a separator, an operand, or a clause keyword (its word) */
  let prev: 'start' | 'sep' | 'expr' | string = 'start';
  const seen = new Set<string>();
  /** just after ON NULL / ON EMPTY / ON ERROR: no operand may follow */
  let clauseEnd = false;
  const bad = (): void => {
    const t = p.peek();
    if (t.kind === TokenKind.Operator && t.value === ')') p.fail('sql.unexpected-token', { expected: 'sql.expect.expression', found: ')' }, t.start, t.end);
    else p.expected('expression');
  };
  while (!p.failed && !p.isOp(')') && !p.atEnd()) {
    const before = p.pos;
    if (p.isOp(',') || p.isOp(':')) {
      if (prev === 'start' || prev === 'sep' || NEEDS_OPERAND.has(prev)) {
        bad();
        break;
      }
      p.next();
      prev = 'sep';
      clauseEnd = false;
      continue;
    }
    const t = p.peek();
    if (t.kind === TokenKind.Keyword) {
      const w = t.value!;
      if (w === 'RETURNING') {
        p.next();
        call.returning = parseDataType(p);
        prev = 'RETURNING-type';
        continue;
      }
      if (w === 'ORDER' && p.isKwAt(1, 'BY')) {
        p.pos += 2;
        call.withinGroup = parseOrderItems(p);
        prev = 'expr';
        continue;
      }
      const n = p.peekAt(1);
      const keywordHere =
        CONNECTORS.has(w) ||
        (prev === 'ON' && (w === 'NULL' || w === 'EMPTY' || w === 'ERROR')) ||
        (w === 'KEY' && !(n.kind === TokenKind.Operator && (n.value === ',' || n.value === ')' || n.value === ':')) && !(n.kind === TokenKind.Keyword && n.value === 'VALUE')) ||
        ((w === 'NULL' || w === 'TRUE' || w === 'FALSE' || w === 'UNKNOWN') && n.kind === TokenKind.Keyword && n.value === 'ON') ||
        (w === 'ARRAY' && !(n.kind === TokenKind.Operator && (n.value === '[' || n.value === '('))) ||
        (TIME_UNITS.has(w) && !(n.kind === TokenKind.Operator && n.value === '('));
      if (keywordHere) {
        if (
          (NEEDS_OPERAND.has(prev) && NEEDS_OPERAND.has(w)) ||
          // the same clause word twice (BOTH BOTH, ON EMPTY EMPTY, TO HOUR HOUR), two time units
          (prev === w && !(w === 'EMPTY' && (p.isKwAt(1, 'ARRAY') || (p.isIdentAt(1) && n.value!.toUpperCase() === 'OBJECT')))) || (TIME_UNITS.has(prev) && TIME_UNITS.has(w) && !TIME_UNITS.has(fname)) ||
          // a clause word where an operand must come first (FLOOR(TO x), f(a, NULL ON NULL))
          ((prev === 'start' || prev === 'sep') && (NOT_FIRST.has(w) || (prev === 'sep' && (w === 'NULL' || w === 'ABSENT')))) ||
          // TRIM, SUBSTRING, OVERLAY, POSITION, FLOOR, CEIL take each clause word once
          (ONCE_EACH.has(fname) && seen.has(w))
        ) {
          bad();
          break;
        }
        seen.add(w);
        clauseEnd = prev === 'ON';
        p.next();
        call.args.push({ kind: 'KeywordExpr', keyword: w, range: { start: t.start, end: t.end } });
        prev = w;
        continue;
      }
    }
    if (prev === 'ON' || clauseEnd) {
      // ON is followed by NULL / EMPTY / ERROR only, and that ends the clause
      bad();
      break;
    }
    if (prev === 'expr') {
      // two operands with nothing between them
      const t2 = p.peek();
      p.fail('sql.missing-comma', { found: p.found(t2) }, t2.start, t2.end);
      break;
    }
    call.args.push(parseExpr(p));
    prev = 'expr';
    if (p.pos === before) break;
  }
  if (p.failed || !p.isOp(')')) return;
  if (prev === 'sep' || NEEDS_OPERAND.has(prev) || (prev === 'start' && NEEDS_ARGS.has(fname))) bad();
}
