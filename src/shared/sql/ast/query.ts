import type { Expression } from './expression.js';
import type { BaseNode, Identifier, Property, QualifiedName, Range } from './node.js';

export type Query = Select | SetOperation | Values | WithQuery | OrderedQuery | ParenQuery | TableQuery;

/** /*+ NAME(args) *\/ ; args are key/value options or plain values. */
export interface Hint extends BaseNode {
  kind: 'Hint';
  name: string;
  options: Property[];
  values: string[];
}

export interface SelectItem extends BaseNode {
  kind: 'SelectItem';
  expr: Expression;
  alias?: Identifier;
}

export interface Select extends BaseNode {
  kind: 'Select';
  hints: Hint[];
  quantifier?: 'ALL' | 'DISTINCT';
  items: SelectItem[];
  from?: TableRef;
  where?: Expression;
  groupBy?: GroupBy;
  having?: Expression;
  windows: NamedWindow[];
  qualify?: Expression;
}

export interface GroupBy extends BaseNode {
  kind: 'GroupBy';
  quantifier?: 'ALL' | 'DISTINCT';
  /** Expressions; GROUPING SETS/ROLLUP/CUBE appear as FunctionCall named so, with RowCtor groups. */
  items: Expression[];
}

export interface NamedWindow extends BaseNode {
  kind: 'NamedWindow';
  name: Identifier;
  spec: WindowSpec;
}

export interface WindowFrameBound extends BaseNode {
  kind: 'WindowFrameBound';
  /** UNBOUNDED PRECEDING, CURRENT ROW, n PRECEDING, n FOLLOWING, UNBOUNDED FOLLOWING */
  bound: 'UNBOUNDED PRECEDING' | 'UNBOUNDED FOLLOWING' | 'CURRENT ROW' | 'PRECEDING' | 'FOLLOWING';
  offset?: Expression;
}

export interface WindowSpec extends BaseNode {
  kind: 'WindowSpec';
  base?: Identifier;
  partitionBy: Expression[];
  orderBy: OrderItem[];
  frame?: { unit: 'ROWS' | 'RANGE'; start: WindowFrameBound; end?: WindowFrameBound; range: Range };
}

export interface OrderItem extends BaseNode {
  kind: 'OrderItem';
  expr: Expression;
  direction?: 'ASC' | 'DESC';
  nulls?: 'FIRST' | 'LAST';
}

export interface SetOperation extends BaseNode {
  kind: 'SetOperation';
  op: 'UNION' | 'INTERSECT' | 'EXCEPT' | 'MINUS';
  quantifier?: 'ALL' | 'DISTINCT';
  left: Query;
  right: Query;
}

export interface Values extends BaseNode {
  kind: 'Values';
  rows: Expression[];
}

export interface WithItem extends BaseNode {
  kind: 'WithItem';
  name: Identifier;
  columns?: Identifier[];
  query: Query;
}

export interface WithQuery extends BaseNode {
  kind: 'WithQuery';
  items: WithItem[];
  body: Query;
}

/** A query followed by ORDER BY / LIMIT / OFFSET / FETCH. */
export interface OrderedQuery extends BaseNode {
  kind: 'OrderedQuery';
  query: Query;
  orderBy: OrderItem[];
  limit?: Expression;
  offset?: Expression;
  fetch?: Expression;
}

export interface ParenQuery extends BaseNode {
  kind: 'ParenQuery';
  query: Query;
}

/** TABLE t as a query (Calcite's explicit table). */
export interface TableQuery extends BaseNode {
  kind: 'TableQuery';
  table: QualifiedName;
}

export type TableRef = TableName | Join | DerivedTable | TableFunction | Unnest | MatchRecognize;

interface TableRefBase extends BaseNode {
  alias?: Identifier;
  columnAliases?: Identifier[];
}

/** A table by name with optional hints, FOR SYSTEM_TIME AS OF, alias. */
export interface TableName extends TableRefBase {
  kind: 'TableName';
  name: QualifiedName;
  hints: Hint[];
  /** FOR SYSTEM_TIME AS OF expr (temporal / lookup joins). */
  systemTime?: Expression;
  /** Dynamic table options written as (col TYPE, ...) EXTEND columns are not Flink; kept out. */
  tableSample?: Expression;
}

export interface Join extends TableRefBase {
  kind: 'Join';
  /** INNER, LEFT, RIGHT, FULL, CROSS, COMMA (FROM a, b), CROSS APPLY / OUTER APPLY */
  joinType: string;
  natural: boolean;
  left: TableRef;
  right: TableRef;
  on?: Expression;
  using?: Identifier[];
}

/** (SELECT ...) [AS] alias, optionally LATERAL. */
export interface DerivedTable extends TableRefBase {
  kind: 'DerivedTable';
  lateral: boolean;
  query: Query;
}

/** TABLE(fn(...)) or LATERAL TABLE(fn(...)), incl. window TVFs TUMBLE/HOP/CUMULATE/SESSION. */
export interface TableFunction extends TableRefBase {
  kind: 'TableFunction';
  lateral: boolean;
  call: Expression;
}

export interface Unnest extends TableRefBase {
  kind: 'Unnest';
  args: Expression[];
  withOrdinality: boolean;
}

export interface MeasureItem extends BaseNode {
  kind: 'MeasureItem';
  expr: Expression;
  alias: Identifier;
}

export interface PatternDefinition extends BaseNode {
  kind: 'PatternDefinition';
  name: Identifier;
  condition: Expression;
}

/** A MATCH_RECOGNIZE pattern, kept as a small regular-expression tree. */
export type RowPattern = PatternVariable | PatternSequence | PatternAlternation | PatternQuantified | PatternGroup;

export interface PatternVariable extends BaseNode {
  kind: 'PatternVariable';
  name: Identifier;
}
export interface PatternSequence extends BaseNode {
  kind: 'PatternSequence';
  items: RowPattern[];
}
export interface PatternAlternation extends BaseNode {
  kind: 'PatternAlternation';
  alternatives: RowPattern[];
}
export interface PatternQuantified extends BaseNode {
  kind: 'PatternQuantified';
  pattern: RowPattern;
  /** *, +, ?, {n}, {n,}, {n,m}, {,m}, with a trailing ? when reluctant. */
  quantifier: string;
}
export interface PatternGroup extends BaseNode {
  kind: 'PatternGroup';
  pattern?: RowPattern;
  /** {- ... -} exclusion */
  exclude: boolean;
}

export interface MatchRecognize extends TableRefBase {
  kind: 'MatchRecognize';
  input: TableRef;
  partitionBy: Expression[];
  orderBy: OrderItem[];
  measures: MeasureItem[];
  rowsPerMatch?: 'ONE ROW PER MATCH' | 'ALL ROWS PER MATCH';
  afterMatch?: { text: string; target?: Identifier; range: Range };
  pattern?: RowPattern;
  within?: Expression;
  subsets: { name: Identifier; members: Identifier[]; range: Range }[];
  defines: PatternDefinition[];
}
