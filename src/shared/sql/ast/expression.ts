import type { DataType } from './data-type.js';
import type { BaseNode, Identifier, QualifiedName, Range } from './node.js';
import type { OrderItem, Query, WindowSpec } from './query.js';

export type Expression =
  | Literal
  | IntervalLiteral
  | TypedLiteral
  | ColumnRef
  | Star
  | Parameter
  | UnaryExpr
  | BinaryExpr
  | BetweenExpr
  | InExpr
  | LikeExpr
  | IsExpr
  | ExistsExpr
  | SubqueryExpr
  | CaseExpr
  | CastExpr
  | ExtractExpr
  | FunctionCall
  | ArrayCtor
  | MapCtor
  | RowCtor
  | ItemAccess
  | FieldAccess
  | NamedArgument
  | TableArgument
  | TimeUnitExpr
  | KeywordExpr;

/** 'text', 12, 1.5, TRUE/FALSE/UNKNOWN, NULL, X'0A'. */
export interface Literal extends BaseNode {
  kind: 'Literal';
  type: 'string' | 'number' | 'boolean' | 'null' | 'binary';
  /** Unescaped string, number text, TRUE/FALSE/UNKNOWN/NULL. */
  value: string;
}

/** INTERVAL '1' SECOND, INTERVAL '1 2:03' DAY TO MINUTE, INTERVAL -'5' MINUTES. */
export interface IntervalLiteral extends BaseNode {
  kind: 'IntervalLiteral';
  value: Expression;
  from: string;
  to?: string;
}

/** DATE '2024-01-01', TIME '10:00:00', TIMESTAMP '...', TIMESTAMP WITH LOCAL TIME ZONE '...'. */
export interface TypedLiteral extends BaseNode {
  kind: 'TypedLiteral';
  type: string;
  value: string;
}

/** a, t.a, catalog.db.t.a (resolution happens in analyze). */
export interface ColumnRef extends BaseNode {
  kind: 'ColumnRef';
  name: QualifiedName;
}

/** * or t.* */
export interface Star extends BaseNode {
  kind: 'Star';
  qualifier?: QualifiedName;
}

/** ? */
export interface Parameter extends BaseNode {
  kind: 'Parameter';
}

export interface UnaryExpr extends BaseNode {
  kind: 'UnaryExpr';
  /** '-', '+', 'NOT', and the MATCH_RECOGNIZE navigation prefixes 'RUNNING' / 'FINAL'. */
  op: string;
  operand: Expression;
}

export interface BinaryExpr extends BaseNode {
  kind: 'BinaryExpr';
  /** OR AND = <> != < <= > >= + - * / % || MEMBER OF, MULTISET UNION..., IS DISTINCT FROM... */
  op: string;
  opRange: Range;
  left: Expression;
  right: Expression;
}

export interface BetweenExpr extends BaseNode {
  kind: 'BetweenExpr';
  not: boolean;
  symmetric?: 'SYMMETRIC' | 'ASYMMETRIC';
  value: Expression;
  low: Expression;
  high: Expression;
}

export interface InExpr extends BaseNode {
  kind: 'InExpr';
  not: boolean;
  value: Expression;
  list?: Expression[];
  query?: Query;
}

export interface LikeExpr extends BaseNode {
  kind: 'LikeExpr';
  /** LIKE, ILIKE, SIMILAR TO, RLIKE */
  op: string;
  not: boolean;
  value: Expression;
  pattern: Expression;
  escape?: Expression;
}

/** x IS [NOT] NULL / TRUE / FALSE / UNKNOWN / JSON [VALUE|OBJECT|ARRAY|SCALAR]. */
export interface IsExpr extends BaseNode {
  kind: 'IsExpr';
  not: boolean;
  test: string;
  value: Expression;
}

export interface ExistsExpr extends BaseNode {
  kind: 'ExistsExpr';
  query: Query;
}

/** A scalar subquery, or the right side of `= ANY (SELECT ...)`. */
export interface SubqueryExpr extends BaseNode {
  kind: 'SubqueryExpr';
  query: Query;
  /** ANY / SOME / ALL when written as a quantified comparison. */
  quantifier?: string;
}

export interface WhenClause extends BaseNode {
  kind: 'WhenClause';
  when: Expression;
  then: Expression;
}

export interface CaseExpr extends BaseNode {
  kind: 'CaseExpr';
  operand?: Expression;
  whens: WhenClause[];
  else?: Expression;
}

/** CAST / TRY_CAST (x AS type). */
export interface CastExpr extends BaseNode {
  kind: 'CastExpr';
  tryCast: boolean;
  value: Expression;
  type: DataType;
}

/** EXTRACT(unit FROM x). */
export interface ExtractExpr extends BaseNode {
  kind: 'ExtractExpr';
  unit: string;
  value: Expression;
}

/**
 * Any function call, including aggregates and the special-syntax ones: TRIM(BOTH ' ' FROM x),
 * SUBSTRING(x FROM 1 FOR 2), POSITION(a IN b), JSON_OBJECT(KEY 'a' VALUE b), JSON_VALUE(... RETURNING INT),
 * FLOOR(ts TO HOUR), TIMESTAMPADD(HOUR, 1, ts). Keyword arguments appear as KeywordExpr.
 */
export interface FunctionCall extends BaseNode {
  kind: 'FunctionCall';
  name: QualifiedName;
  args: Expression[];
  distinct?: boolean;
  /** Types after RETURNING (JSON functions). */
  returning?: DataType;
  /** WITHIN GROUP (ORDER BY ...) */
  withinGroup?: OrderItem[];
  filter?: Expression;
  /** IGNORE NULLS / RESPECT NULLS */
  nullTreatment?: string;
  over?: WindowSpec;
  /** OVER w: a named window. */
  overName?: Identifier;
  /** True for CURRENT_DATE and friends written without parentheses. */
  niladic?: boolean;
}

export interface ArrayCtor extends BaseNode {
  kind: 'ArrayCtor';
  /** ARRAY[...] / MULTISET[...] / ARRAY(SELECT ...) */
  collection: 'ARRAY' | 'MULTISET';
  elements: Expression[];
  query?: Query;
}

export interface MapCtor extends BaseNode {
  kind: 'MapCtor';
  /** key1, value1, key2, value2, ... */
  entries: Expression[];
  query?: Query;
}

/** ROW(a, b) or (a, b). */
export interface RowCtor extends BaseNode {
  kind: 'RowCtor';
  explicit: boolean;
  fields: Expression[];
}

/** x[1], m['key'] */
export interface ItemAccess extends BaseNode {
  kind: 'ItemAccess';
  target: Expression;
  index: Expression;
}

/** (expr).field, f(x).field */
export interface FieldAccess extends BaseNode {
  kind: 'FieldAccess';
  target: Expression;
  field: Identifier;
}

/** name => value, in calls and procedure calls. */
export interface NamedArgument extends BaseNode {
  kind: 'NamedArgument';
  name: Identifier;
  value: Expression;
}

/** TABLE t [PARTITION BY ...] [ORDER BY ...] as a table-function argument (window TVFs). */
export interface TableArgument extends BaseNode {
  kind: 'TableArgument';
  table?: QualifiedName;
  query?: Query;
  partitionBy?: Expression[];
  orderBy?: OrderItem[];
}

/** A time unit as an argument: TIMESTAMPADD(HOUR, ...), FLOOR(x TO DAY). */
export interface TimeUnitExpr extends BaseNode {
  kind: 'TimeUnitExpr';
  unit: string;
}

/** A keyword inside a special-syntax call: BOTH, LEADING, FROM, FOR, KEY, VALUE, NULL ON NULL, ... */
export interface KeywordExpr extends BaseNode {
  kind: 'KeywordExpr';
  keyword: string;
}
