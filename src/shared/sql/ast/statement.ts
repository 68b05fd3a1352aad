import type { DataType } from './data-type.js';
import type { Expression } from './expression.js';
import type { BaseNode, Identifier, Property, QualifiedName, Range, StringLiteralNode } from './node.js';
import type { Query } from './query.js';

export type Statement =
  | CreateTable
  | CreateTableAs
  | CreateView
  | CreateFunction
  | CreateCatalog
  | CreateDatabase
  | CreateMaterializedTable
  | AlterTable
  | AlterView
  | AlterFunction
  | AlterCatalog
  | AlterDatabase
  | AlterMaterializedTable
  | Drop
  | Insert
  | StatementSet
  | BeginStatementSet
  | EndStatementSet
  | Execute
  | QueryStatement
  | SetStatement
  | ResetStatement
  | JarStatement
  | ShowStatement
  | DescribeStatement
  | ExplainStatement
  | UseStatement
  | LoadModule
  | UnloadModule
  | CallStatement
  | StopJob
  | Truncate
  | Analyze
  | Delete
  | Update
  | CompilePlan
  | EmptyStatement
  | ClientCommand
  | UnknownStatement;

// ---------- CREATE TABLE ----------

export interface ColumnConstraint extends BaseNode {
  kind: 'ColumnConstraint';
  name?: Identifier;
  /** PRIMARY KEY or UNIQUE */
  type: 'PRIMARY KEY' | 'UNIQUE';
  enforced: boolean;
}

/** name TYPE [constraint] [COMMENT '...'] */
export interface PhysicalColumn extends BaseNode {
  kind: 'PhysicalColumn';
  name: Identifier;
  type: DataType;
  constraint?: ColumnConstraint;
  comment?: StringLiteralNode;
}

/** name AS expr [COMMENT '...'] */
export interface ComputedColumn extends BaseNode {
  kind: 'ComputedColumn';
  name: Identifier;
  expr: Expression;
  comment?: StringLiteralNode;
}

/** name TYPE METADATA [FROM 'key'] [VIRTUAL] [COMMENT '...'] */
export interface MetadataColumn extends BaseNode {
  kind: 'MetadataColumn';
  name: Identifier;
  type: DataType;
  metadataKey?: StringLiteralNode;
  virtual: boolean;
  comment?: StringLiteralNode;
}

export type Column = PhysicalColumn | ComputedColumn | MetadataColumn;

export interface Watermark extends BaseNode {
  kind: 'Watermark';
  column: QualifiedName;
  expr: Expression;
}

/** [CONSTRAINT name] PRIMARY KEY (cols) NOT ENFORCED, or UNIQUE (cols). */
export interface TableConstraint extends BaseNode {
  kind: 'TableConstraint';
  name?: Identifier;
  type: 'PRIMARY KEY' | 'UNIQUE';
  columns: Identifier[];
  enforced: boolean;
}

export interface LikeOption extends BaseNode {
  kind: 'LikeOption';
  /** INCLUDING / EXCLUDING / OVERWRITING */
  strategy: string;
  /** ALL, CONSTRAINTS, PARTITIONS, WATERMARKS, GENERATED, METADATA, OPTIONS, DISTRIBUTION */
  feature: string;
}

export interface TableLike extends BaseNode {
  kind: 'TableLike';
  source: QualifiedName;
  options: LikeOption[];
}

/** DISTRIBUTED BY [HASH|RANGE] (cols) [INTO n BUCKETS] / DISTRIBUTED INTO n BUCKETS. */
export interface Distribution extends BaseNode {
  kind: 'Distribution';
  algorithm?: string;
  columns: Identifier[];
  buckets?: number;
}

interface CreateBase extends BaseNode {
  orReplace: boolean;
  temporary: boolean;
  ifNotExists: boolean;
}

/** CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (cols...) [COMMENT] [DISTRIBUTED ...] [PARTITIONED BY] WITH (...) [LIKE ...] */
export interface CreateTable extends CreateBase {
  kind: 'CreateTable';
  name: QualifiedName;
  columns: Column[];
  watermarks: Watermark[];
  constraints: TableConstraint[];
  comment?: StringLiteralNode;
  distribution?: Distribution;
  partitionedBy: Identifier[];
  options: Property[];
  like?: TableLike;
}

/** CREATE TABLE ... AS query (CTAS), and REPLACE / CREATE OR REPLACE TABLE ... AS (RTAS). */
export interface CreateTableAs extends CreateBase {
  kind: 'CreateTableAs';
  replace: boolean;
  name: QualifiedName;
  columns: Column[];
  watermarks: Watermark[];
  constraints: TableConstraint[];
  comment?: StringLiteralNode;
  distribution?: Distribution;
  partitionedBy: Identifier[];
  options: Property[];
  query: Query;
}

export interface CreateView extends CreateBase {
  kind: 'CreateView';
  name: QualifiedName;
  columns?: Identifier[];
  comment?: StringLiteralNode;
  query: Query;
}

export interface FunctionResource extends BaseNode {
  kind: 'FunctionResource';
  type: 'JAR' | 'FILE' | 'ARCHIVE';
  uri: StringLiteralNode;
}

/** CREATE [TEMPORARY|TEMPORARY SYSTEM] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA|SCALA|PYTHON] [USING JAR '...', ...] */
export interface CreateFunction extends CreateBase {
  kind: 'CreateFunction';
  system: boolean;
  name: QualifiedName;
  className: StringLiteralNode;
  language?: string;
  using: FunctionResource[];
}

export interface CreateCatalog extends CreateBase {
  kind: 'CreateCatalog';
  name: QualifiedName;
  comment?: StringLiteralNode;
  options: Property[];
}

export interface CreateDatabase extends CreateBase {
  kind: 'CreateDatabase';
  name: QualifiedName;
  comment?: StringLiteralNode;
  options: Property[];
}

/** CREATE [OR ALTER] MATERIALIZED TABLE name [(constraint)] [COMMENT] [PARTITIONED BY] [WITH] [FRESHNESS = INTERVAL ...] [REFRESH_MODE = FULL|CONTINUOUS] AS query */
export interface CreateMaterializedTable extends CreateBase {
  kind: 'CreateMaterializedTable';
  name: QualifiedName;
  constraints: TableConstraint[];
  comment?: StringLiteralNode;
  distribution?: Distribution;
  partitionedBy: Identifier[];
  options: Property[];
  freshness?: Expression;
  refreshMode?: string;
  query: Query;
}

// ---------- ALTER ----------

/** One action of ALTER TABLE: RENAME TO, RENAME col TO, SET (...), RESET (...), ADD/MODIFY (...), DROP ..., ADD PARTITION, DROP PARTITION, ADD/MODIFY/DROP DISTRIBUTION, COMPACT. */
export interface AlterTable extends BaseNode {
  kind: 'AlterTable';
  ifExists: boolean;
  name: QualifiedName;
  action:
    | { type: 'RENAME'; newName: QualifiedName }
    | { type: 'RENAME_COLUMN'; column: QualifiedName; newName: Identifier }
    | { type: 'SET'; options: Property[] }
    | { type: 'RESET'; keys: StringLiteralNode[] }
    | { type: 'ADD' | 'MODIFY'; columns: Column[]; watermarks: Watermark[]; constraints: TableConstraint[]; positions: ColumnPosition[] }
    | { type: 'DROP_COLUMNS'; columns: QualifiedName[] }
    | { type: 'DROP_PRIMARY_KEY' | 'DROP_WATERMARK' }
    | { type: 'DROP_CONSTRAINT'; constraint: Identifier }
    | { type: 'ADD_PARTITIONS'; ifNotExists: boolean; partitions: PartitionSpec[] }
    | { type: 'DROP_PARTITIONS'; ifExists: boolean; partitions: PartitionSpec[] }
    | { type: 'ADD_DISTRIBUTION' | 'MODIFY_DISTRIBUTION'; distribution: Distribution }
    | { type: 'DROP_DISTRIBUTION' }
    | { type: 'COMPACT'; partition?: PartitionSpec };
}

/** FIRST / AFTER col for ALTER TABLE ADD/MODIFY. */
export interface ColumnPosition extends BaseNode {
  kind: 'ColumnPosition';
  column: Identifier;
  position: 'FIRST' | 'AFTER';
  after?: Identifier;
}

export interface PartitionSpec extends BaseNode {
  kind: 'PartitionSpec';
  /** PARTITION (k = v, ...) ; value absent for a dynamic partition column. */
  entries: { key: Identifier; value?: Expression; range: Range }[];
  options?: Property[];
}

export interface AlterView extends BaseNode {
  kind: 'AlterView';
  name: QualifiedName;
  newName?: QualifiedName;
  query?: Query;
}

export interface AlterFunction extends BaseNode {
  kind: 'AlterFunction';
  temporary: boolean;
  system: boolean;
  ifExists: boolean;
  name: QualifiedName;
  className: StringLiteralNode;
  language?: string;
}

export interface AlterCatalog extends BaseNode {
  kind: 'AlterCatalog';
  name: Identifier;
  action: { type: 'SET'; options: Property[] } | { type: 'RESET'; keys: StringLiteralNode[] } | { type: 'COMMENT'; comment: StringLiteralNode };
}

export interface AlterDatabase extends BaseNode {
  kind: 'AlterDatabase';
  name: QualifiedName;
  options: Property[];
}

export interface AlterMaterializedTable extends BaseNode {
  kind: 'AlterMaterializedTable';
  name: QualifiedName;
  /** SUSPEND, RESUME [WITH (...)], REFRESH [PARTITION (...)], AS query, SET FRESHNESS/REFRESH_MODE... */
  action: string;
  options: Property[];
  partition?: PartitionSpec;
  query?: Query;
}

// ---------- DROP ----------

export interface Drop extends BaseNode {
  kind: 'Drop';
  /** TABLE, VIEW, FUNCTION, CATALOG, DATABASE, MATERIALIZED TABLE */
  object: string;
  temporary: boolean;
  system: boolean;
  ifExists: boolean;
  name: QualifiedName;
  /** DROP DATABASE ... RESTRICT | CASCADE */
  behavior?: 'RESTRICT' | 'CASCADE';
}

// ---------- DML ----------

export interface Insert extends BaseNode {
  kind: 'Insert';
  /** INSERT or UPSERT */
  verb: 'INSERT' | 'UPSERT';
  overwrite: boolean;
  target: QualifiedName;
  hints: import('./query.js').Hint[];
  partition?: PartitionSpec;
  columns?: Identifier[];
  query: Query;
}

/** BEGIN STATEMENT SET; INSERT ...; ... END; or EXECUTE STATEMENT SET BEGIN ... END; (the body). */
export interface StatementSet extends BaseNode {
  kind: 'StatementSet';
  /** 'BEGIN' for BEGIN STATEMENT SET; ... END; 'EXECUTE' / 'EXPLAIN' for the inline forms. */
  form: 'BEGIN' | 'STATEMENT SET';
  statements: Statement[];
  /** False when END is missing. */
  ended: boolean;
}

/** A lone BEGIN STATEMENT SET; (the SQL client's interactive form). */
export interface BeginStatementSet extends BaseNode {
  kind: 'BeginStatementSet';
}

export interface EndStatementSet extends BaseNode {
  kind: 'EndStatementSet';
}

/** EXECUTE STATEMENT SET BEGIN ... END / EXECUTE INSERT ... / EXECUTE PLAN '...' / EXECUTE select. */
export interface Execute extends BaseNode {
  kind: 'Execute';
  statement?: Statement;
  planFile?: StringLiteralNode;
}

/** COMPILE PLAN 'file' [IF NOT EXISTS] FOR stmt, COMPILE AND EXECUTE PLAN 'file' FOR stmt. */
export interface CompilePlan extends BaseNode {
  kind: 'CompilePlan';
  execute: boolean;
  planFile: StringLiteralNode;
  ifNotExists: boolean;
  statement: Statement;
}

export interface QueryStatement extends BaseNode {
  kind: 'Query';
  query: Query;
}

export interface Delete extends BaseNode {
  kind: 'Delete';
  table: QualifiedName;
  alias?: Identifier;
  where?: Expression;
}

export interface Update extends BaseNode {
  kind: 'Update';
  table: QualifiedName;
  alias?: Identifier;
  assignments: { column: QualifiedName; value: Expression; range: Range }[];
  where?: Expression;
}

export interface Truncate extends BaseNode {
  kind: 'Truncate';
  table: QualifiedName;
}

// ---------- session and catalog commands ----------

/** SET; SET 'k' = 'v'; SET k.a = v */
export interface SetStatement extends BaseNode {
  kind: 'Set';
  key?: string;
  keyRange?: Range;
  /** The key was written without quotes. */
  keyQuoted?: boolean;
  value?: string;
  valueRange?: Range;
}

export interface ResetStatement extends BaseNode {
  kind: 'Reset';
  key?: string;
  keyRange?: Range;
}

/** ADD JAR '...', REMOVE JAR '...', SHOW JARS is a ShowStatement. */
export interface JarStatement extends BaseNode {
  kind: 'AddJar' | 'RemoveJar';
  path: StringLiteralNode;
}

/**
 * SHOW CATALOGS / CURRENT CATALOG / DATABASES / CURRENT DATABASE / TABLES / VIEWS / COLUMNS / FUNCTIONS /
 * USER FUNCTIONS / MODULES / FULL MODULES / JARS / JOBS / PROCEDURES / PARTITIONS / CREATE TABLE|VIEW|CATALOG|MATERIALIZED TABLE.
 */
export interface ShowStatement extends BaseNode {
  kind: 'Show';
  /** Normalized words after SHOW, e.g. 'TABLES', 'CREATE TABLE', 'USER FUNCTIONS'. */
  what: string;
  /** FROM/IN scope, or the object of SHOW CREATE / SHOW COLUMNS / SHOW PARTITIONS. */
  target?: QualifiedName;
  like?: { not: boolean; ilike: boolean; pattern: StringLiteralNode };
  partition?: PartitionSpec;
}

/** DESCRIBE/DESC [EXTENDED] table | CATALOG [EXTENDED] c | DATABASE [EXTENDED] d | FUNCTION [EXTENDED] f | JOB 'id' */
export interface DescribeStatement extends BaseNode {
  kind: 'Describe';
  object: 'TABLE' | 'CATALOG' | 'DATABASE' | 'FUNCTION' | 'JOB' | 'MODEL' | 'STATEMENT';
  extended: boolean;
  name?: QualifiedName;
  jobId?: StringLiteralNode;
  /** DESCRIBE SELECT ... / DESCRIBE INSERT ...: Calcite's DESCRIBE of a query or DML statement */
  statement?: Statement;
}

export interface ExplainStatement extends BaseNode {
  kind: 'Explain';
  /** ESTIMATED_COST, CHANGELOG_MODE, PLAN_ADVICE, JSON_EXECUTION_PLAN; 'PLAN FOR' form gives []. */
  details: string[];
  statement: Statement;
}

/** USE db, USE CATALOG c, USE MODULES a, b */
export interface UseStatement extends BaseNode {
  kind: 'Use';
  object: 'DATABASE' | 'CATALOG' | 'MODULES';
  names: QualifiedName[];
}

export interface LoadModule extends BaseNode {
  kind: 'LoadModule';
  name: Identifier;
  options: Property[];
}

export interface UnloadModule extends BaseNode {
  kind: 'UnloadModule';
  name: Identifier;
}

export interface CallStatement extends BaseNode {
  kind: 'Call';
  procedure: QualifiedName;
  args: Expression[];
}

export interface StopJob extends BaseNode {
  kind: 'StopJob';
  jobId: StringLiteralNode;
  withSavepoint: boolean;
  withDrain: boolean;
}

/** ANALYZE TABLE t [PARTITION (...)] COMPUTE STATISTICS [FOR COLUMNS a, b | FOR ALL COLUMNS] */
export interface Analyze extends BaseNode {
  kind: 'Analyze';
  table: QualifiedName;
  partition?: PartitionSpec;
  columns?: Identifier[];
  allColumns: boolean;
}

/** SQL client commands that Flink's SQL client parser accepts: HELP, CLEAR, QUIT, EXIT (a bare word). */
export interface ClientCommand extends BaseNode {
  kind: 'ClientCommand';
  command: 'HELP' | 'CLEAR' | 'QUIT' | 'EXIT';
}

/** Input that could not be parsed as any statement (the diagnostics say why). */
export interface UnknownStatement extends BaseNode {
  kind: 'Unknown';
}

/** A slice with nothing but comments. */
export interface EmptyStatement extends BaseNode {
  kind: 'Empty';
}
