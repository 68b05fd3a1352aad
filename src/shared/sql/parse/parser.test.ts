import { describe, expect, it } from 'vitest';
import type { CreateTable, Insert, QueryStatement, StatementSet } from '../ast/statement.js';
import type { Select, TableFunction } from '../ast/query.js';
import { walk } from '../ast/visit.js';
import { parseScript, parseStatement } from './parser.js';

function ok(sql: string, version?: string) {
  const r = parseStatement(sql, 0, sql.length, version ? { flinkVersion: version } : {});
  expect(r.diagnostics, sql).toEqual([]);
  expect(r.following, sql).toBeUndefined();
  return r.node;
}

function errors(sql: string) {
  return parseStatement(sql).diagnostics.map((d) => ({ code: d.code, params: d.params, at: sql.slice(d.start, d.end) }));
}

/** Each statement form of Flink 1.20 that Weir must accept. */
const VALID: Record<string, string> = {
  createTable: "CREATE TABLE IF NOT EXISTS cat.db.t (id BIGINT NOT NULL COMMENT 'pk', arr ARRAY<ROW<a INT NOT NULL, b STRING 'cmt'>>, m MAP<STRING, INT> NOT NULL, ms MULTISET<STRING>, s STRING ARRAY, r RAW('java.lang.String', 'AAA'), ts TIMESTAMP(3), lts TIMESTAMP(3) WITH LOCAL TIME ZONE, ltz TIMESTAMP_LTZ(3), d DECIMAL(10, 2), c CHAR(3), v VARCHAR, b BYTES, bin BINARY(3), vb VARBINARY(10), ti TINYINT, si SMALLINT, f FLOAT, db DOUBLE, bo BOOLEAN, dt DATE, tm TIME(3), `comment` STRING, pt AS PROCTIME(), off BIGINT METADATA FROM 'offset' VIRTUAL, part INT METADATA, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, CONSTRAINT pk PRIMARY KEY (id) NOT ENFORCED) COMMENT 'table' DISTRIBUTED BY HASH(id) INTO 4 BUCKETS PARTITIONED BY (dt) WITH ('connector' = 'kafka', 'topic' = 'a')",
  createTableLike: "CREATE TEMPORARY TABLE t2 WITH ('x' = 'y') LIKE t (EXCLUDING ALL INCLUDING WATERMARKS OVERWRITING OPTIONS)",
  ctas: "CREATE TABLE t2 WITH ('connector' = 'x') AS SELECT * FROM t",
  rtas: 'REPLACE TABLE t2 AS SELECT * FROM t',
  createOrReplaceTableAs: "CREATE OR REPLACE TABLE t2 WITH ('a' = 'b') AS SELECT a FROM t",
  createView: "CREATE TEMPORARY VIEW IF NOT EXISTS v (a, b) COMMENT 'v' AS SELECT a, b FROM t",
  createFunction: "CREATE FUNCTION IF NOT EXISTS db.f AS 'com.x.F' LANGUAGE JAVA USING JAR 'hdfs:///a.jar', JAR 'file:///b.jar'",
  createSystemFunction: "CREATE TEMPORARY SYSTEM FUNCTION f AS 'com.x.F' LANGUAGE PYTHON",
  createCatalog: "CREATE CATALOG c COMMENT 'x' WITH ('type' = 'generic_in_memory')",
  createDatabase: "CREATE DATABASE IF NOT EXISTS c.db COMMENT 'x' WITH ('k' = 'v')",
  createMaterializedTable: "CREATE MATERIALIZED TABLE m (CONSTRAINT pk PRIMARY KEY (ds) NOT ENFORCED) PARTITIONED BY (ds) WITH ('format' = 'json') FRESHNESS = INTERVAL '1' HOUR REFRESH_MODE = FULL AS SELECT ds, COUNT(*) FROM t GROUP BY ds",
  alterTableAdd: "ALTER TABLE t ADD (c INT COMMENT 'x' AFTER b, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (a) NOT ENFORCED)",
  alterTableAddOne: 'alter table orders2 add product string first',
  alterTableModify: 'ALTER TABLE t MODIFY c BIGINT FIRST',
  alterTableDrop: 'ALTER TABLE t DROP (a, b)',
  alterTableDropPk: 'ALTER TABLE t DROP PRIMARY KEY',
  alterTableDropWatermark: 'ALTER TABLE t DROP WATERMARK',
  alterTableDropConstraint: 'ALTER TABLE t DROP CONSTRAINT pk',
  alterTableRename: 'ALTER TABLE IF EXISTS t RENAME TO t2',
  alterTableRenameColumn: 'ALTER TABLE t RENAME a TO b',
  alterTableSet: "ALTER TABLE t SET ('a' = 'b')",
  alterTableReset: "ALTER TABLE t RESET ('a')",
  alterTablePartitions: "ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt = '2024') WITH ('k' = 'v') PARTITION (dt = '2025')",
  alterView: 'ALTER VIEW v AS SELECT 1',
  alterViewRename: 'ALTER VIEW v RENAME TO v2',
  alterFunction: "ALTER TEMPORARY SYSTEM FUNCTION IF EXISTS f AS 'com.x.G' LANGUAGE SCALA",
  alterCatalog: "ALTER CATALOG c SET ('k' = 'v')",
  alterCatalogReset: "ALTER CATALOG c RESET ('k')",
  alterCatalogComment: "ALTER CATALOG c COMMENT 'x'",
  alterDatabase: "ALTER DATABASE db SET ('k' = 'v')",
  alterMaterializedTable: 'ALTER MATERIALIZED TABLE m SUSPEND',
  alterMaterializedTableRefresh: "ALTER MATERIALIZED TABLE m REFRESH PARTITION (ds = '2024-06-28')",
  alterMaterializedTableResume: "ALTER MATERIALIZED TABLE m RESUME WITH ('k' = 'v')",
  dropTable: 'DROP TEMPORARY TABLE IF EXISTS c.d.t',
  dropView: 'DROP VIEW v',
  dropFunction: 'DROP TEMPORARY SYSTEM FUNCTION IF EXISTS f',
  dropCatalog: 'DROP CATALOG IF EXISTS c',
  dropDatabase: 'DROP DATABASE IF EXISTS db CASCADE',
  dropMaterializedTable: 'DROP MATERIALIZED TABLE IF EXISTS m',
  insert: 'INSERT INTO t SELECT * FROM s',
  insertOverwrite: "INSERT OVERWRITE t PARTITION (dt = '2024', hr) (a, b) SELECT a, b FROM s",
  insertHintValues: "INSERT INTO t /*+ OPTIONS('sink.parallelism' = '2') */ VALUES (1, 'a'), (2, 'b')",
  statementSet: 'BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;',
  executeStatementSet: 'EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END',
  executeInsert: 'EXECUTE INSERT INTO t SELECT * FROM s',
  executePlan: "EXECUTE PLAN 'file:///p.json'",
  compilePlan: "COMPILE PLAN 'file:///p.json' IF NOT EXISTS FOR INSERT INTO t SELECT 1",
  compileAndExecute: "COMPILE AND EXECUTE PLAN 'file:///p.json' FOR STATEMENT SET BEGIN INSERT INTO t SELECT 1; END",
  set: "SET 'execution.runtime-mode' = 'batch'",
  setAll: 'SET',
  setUnquoted: 'SET table.exec.mini-batch.enabled = true',
  setUnquoted2: 'SET execution.runtime-mode=batch',
  reset: "RESET 'table.dml-sync'",
  resetAll: 'RESET',
  resetUnquoted: 'reset table.resources.download-dir',
  addJar: "ADD JAR '/tmp/udf.jar'",
  removeJar: "REMOVE JAR '/tmp/udf.jar'",
  showCatalogs: 'SHOW CATALOGS',
  showCurrent: 'SHOW CURRENT DATABASE',
  showDatabases: "SHOW DATABASES FROM c0 NOT ILIKE 'd%'",
  showTables: "SHOW TABLES FROM c.db LIKE '%t'",
  showViews: 'SHOW VIEWS',
  showColumns: "SHOW COLUMNS IN orders NOT LIKE '%r'",
  showFunctions: 'SHOW USER FUNCTIONS',
  showModules: 'SHOW FULL MODULES',
  showJars: 'SHOW JARS',
  showJobs: 'SHOW JOBS',
  showProcedures: "SHOW PROCEDURES IN c.db LIKE 'g%'",
  showPartitions: "SHOW PARTITIONS t PARTITION (dt = '2024')",
  showPartitionsAll: 'SHOW PARTITIONS cat.db.t',
  createCatalogNoWith: 'CREATE CATALOG c',
  createCatalogCommentOnly: "CREATE CATALOG c COMMENT 'x'",
  alterTableAddDistribution: 'ALTER TABLE IF EXISTS t ADD DISTRIBUTION BY HASH(id) INTO 8 BUCKETS',
  alterTableModifyDistribution: 'ALTER TABLE t MODIFY DISTRIBUTION INTO 4 BUCKETS',
  describeJob: "DESCRIBE JOB '00000000000000000000000000000001'",
  showCreateTable: 'SHOW CREATE TABLE t',
  showCreateView: 'SHOW CREATE VIEW v',
  showCreateCatalog: 'SHOW CREATE CATALOG c',
  showCreateMaterializedTable: 'SHOW CREATE MATERIALIZED TABLE m',
  describe: 'DESCRIBE EXTENDED c.db.t',
  desc: 'DESC t',
  describeCatalog: 'DESC CATALOG EXTENDED c',
  describeDatabase: 'DESCRIBE DATABASE db',
  explain: 'EXPLAIN PLAN FOR SELECT 1',
  explainDetails: 'EXPLAIN CHANGELOG_MODE, ESTIMATED_COST, JSON_EXECUTION_PLAN, PLAN_ADVICE SELECT 1',
  explainInsert: 'EXPLAIN INSERT INTO t SELECT 1',
  explainStatementSet: 'EXPLAIN STATEMENT SET BEGIN INSERT INTO t SELECT 1; END',
  use: 'USE c.db',
  useCatalog: 'USE CATALOG c',
  useModules: 'USE MODULES hive, core',
  loadModule: "LOAD MODULE hive WITH ('hive-version' = '3.1.2')",
  unloadModule: 'UNLOAD MODULE hive',
  call: "CALL `system`.generate_n(1, name => 'x')",
  stopJob: "STOP JOB '228d70913eab60dda85c5e7f78b5782c' WITH SAVEPOINT WITH DRAIN",
  truncate: 'TRUNCATE TABLE t',
  analyze: "ANALYZE TABLE t PARTITION (dt = 'x') COMPUTE STATISTICS FOR COLUMNS a, b",
  analyzeAll: 'ANALYZE TABLE t COMPUTE STATISTICS FOR ALL COLUMNS',
  delete: 'DELETE FROM t WHERE a = 1',
  update: 'UPDATE t SET a = 1, b = b + 1 WHERE c = 2',
  // queries
  tumble: "SELECT window_start, window_end, SUM(price) FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end",
  hopNamed: "SELECT * FROM TABLE(HOP(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), SLIDE => INTERVAL '5' MINUTES, SIZE => INTERVAL '10' MINUTES))",
  cumulate: "SELECT * FROM TABLE(CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))",
  session: "SELECT * FROM TABLE(SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))",
  windowTopN: "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))) WHERE rownum <= 3",
  windowJoin: "SELECT L.num, R.num FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L FULL JOIN (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end",
  dedup: 'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY proctime ASC) AS rn FROM t) WHERE rn = 1',
  temporalJoin: 'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.proc_time AS r ON o.cur = r.cur',
  lookupHint: "SELECT * FROM t /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */ LEFT JOIN d /*+ LOOKUP('table' = 'd', 'retry-predicate' = 'lookup_miss', 'max-attempts' = '3') */ FOR SYSTEM_TIME AS OF t.pt ON t.id = d.id",
  queryHints: "SELECT /*+ BROADCAST(d), STATE_TTL('t' = '1d') */ a FROM t",
  overRange: "SELECT a, SUM(b) OVER (PARTITION BY a ORDER BY pt RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM t",
  namedWindow: 'SELECT a, SUM(b) OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY pt ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)',
  unnest: 'SELECT a, s FROM t CROSS JOIN UNNEST(t.arr) WITH ORDINALITY AS T2(s, o)',
  lateralTable: 'SELECT a, s FROM t, LATERAL TABLE(split(a)) AS T2(s)',
  leftLateral: 'SELECT a, s FROM t LEFT JOIN LATERAL TABLE(split(a)) AS T2(s) ON TRUE',
  cte: 'WITH x AS (SELECT 1 AS a), y (b) AS (SELECT 2) SELECT * FROM x UNION ALL SELECT * FROM y INTERSECT SELECT 3 EXCEPT SELECT 4 ORDER BY 1 LIMIT 10',
  matchRecognize: "SELECT * FROM Ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime MEASURES START_ROW.rowtime AS start_tstamp, LAST(PRICE_DOWN.rowtime) AS bottom_tstamp, LAST(PRICE_UP.rowtime, 1) AS end_tstamp, FINAL LAST(A.price) AS lp ONE ROW PER MATCH AFTER MATCH SKIP TO LAST PRICE_UP PATTERN (START_ROW PRICE_DOWN+ PRICE_UP{1,3}? | (A B)*) WITHIN INTERVAL '1' HOUR DEFINE PRICE_DOWN AS (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1), PRICE_UP AS PRICE_UP.price > LAST(PRICE_DOWN.price, 1)) MR",
  json: "SELECT JSON_OBJECT(KEY 'a' VALUE b, 'c' VALUE d ABSENT ON NULL), JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY), JSON_QUERY(j, '$.a' WITH CONDITIONAL ARRAY WRAPPER), JSON_ARRAY(1, 2 NULL ON NULL), j IS JSON OBJECT, JSON_EXISTS(j, 'lax $.a' FALSE ON ERROR), JSON_OBJECTAGG(KEY k VALUE v), JSON_ARRAYAGG(x ORDER BY y) FROM t",
  specialFunctions: "SELECT TRIM(BOTH ' ' FROM a), SUBSTRING(a FROM 1 FOR 2), POSITION('a' IN b), OVERLAY(a PLACING 'x' FROM 2 FOR 1), FLOOR(ts TO HOUR), CEIL(ts TO DAY), EXTRACT(YEAR FROM ts), TIMESTAMPADD(HOUR, 1, ts), TIMESTAMPDIFF(DAY, a, b), TRY_CAST(a AS INT), CURRENT_DATE(), CURRENT_TIMESTAMP, LOCALTIMESTAMP FROM t",
  access: "SELECT a['k'], b[1], c.d.e, f(x).g, CAST(x AS ROW<a INT, b STRING>), CAST(y AS MAP<STRING, ARRAY<INT>>), CAST(z AS TIMESTAMP(3) WITH LOCAL TIME ZONE), ARRAY[1, 2], MAP['a', 1], ROW(1, 'a'), (1, 2), COUNT(DISTINCT a) FILTER (WHERE b > 1), t.* FROM t",
  operators: "SELECT CASE WHEN a > 1 THEN 'x' WHEN a IS NULL THEN 'y' ELSE 'z' END, CASE a WHEN 1 THEN 2 END, a BETWEEN SYMMETRIC 1 AND 2, a NOT IN (1, 2), a IN (SELECT b FROM u), EXISTS (SELECT 1), a LIKE 'x%' ESCAPE '!', a NOT SIMILAR TO 'b', a || b, -a + b * c % d / e, a = ANY (SELECT 1) FROM t WHERE NOT a = 1 OR b <> 2 AND c IS NOT DISTINCT FROM d AND e <> f AND g IS NOT TRUE",
  literals: "SELECT DATE '2024-01-01', TIME '10:00:00', TIMESTAMP '2024-01-01 00:00:00', INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 02:03:04' DAY TO SECOND(3), INTERVAL -'5' MINUTE, X'0A', N'中文', 1.5e3, .5, TRUE, UNKNOWN, NULL, ?",
  grouping: 'SELECT a FROM t GROUP BY GROUPING SETS ((a), (a, b), ()), ROLLUP (a), CUBE (a, b) HAVING COUNT(*) > 1',
  joins: 'SELECT * FROM a NATURAL JOIN b FULL OUTER JOIN c USING (id) RIGHT JOIN d ON TRUE CROSS JOIN e INNER JOIN (f JOIN g ON f.x = g.x) ON TRUE',
  fetch: 'SELECT a FROM t ORDER BY a DESC NULLS LAST OFFSET 10 ROWS FETCH FIRST 5 ROWS ONLY',
  values: "VALUES (1, 'a'), (2, 'b')",
  reservedQuoted: 'SELECT `timestamp`, `value`, t.`comment` FROM t',
  chineseNames: 'SELECT 车牌号, `速度 km/h` FROM 卡口过车',
};

describe('parseStatement accepts every Flink 1.20 statement form', () => {
  for (const [name, sql] of Object.entries(VALID)) {
    it(name, () => {
      ok(sql);
    });
  }
});

describe('syntax dt-sql-parser rejects but Flink 1.19/1.20 accepts', () => {
  const cases = [
    'REPLACE TABLE t AS SELECT 1',
    'CREATE OR REPLACE TABLE t AS SELECT 1',
    "SELECT * FROM TABLE(SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))",
    'ALTER TABLE t ADD c INT',
    'ALTER TABLE t MODIFY c BIGINT',
    'ALTER TABLE t DROP c',
    'SET table.exec.mini-batch.enabled = true',
    'CALL cat.`system`.p(1)',
    'SHOW JOBS',
    "STOP JOB 'abc'",
    'TRUNCATE TABLE t',
    "CREATE MATERIALIZED TABLE m FRESHNESS = INTERVAL '1' MINUTE AS SELECT 1",
    'SELECT TRY_CAST(a AS INT) FROM t',
    "SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES LAST(A.x, 1) AS lx PATTERN (A B) DEFINE A AS A.x > 1, B AS LAST(B.x, 1) < 2)",
    'SELECT CURRENT_DATE() FROM t',
  ];
  for (const sql of cases) it(sql, () => void ok(sql));
});

describe('AST', () => {
  it('builds CREATE TABLE columns, watermark, key and options with exact ranges', () => {
    const sql = "CREATE TABLE t (\n  id BIGINT,\n  ts TIMESTAMP(3),\n  pt AS PROCTIME(),\n  off BIGINT METADATA FROM 'offset' VIRTUAL,\n  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,\n  PRIMARY KEY (id) NOT ENFORCED\n) WITH ('connector' = 'kafka')";
    const node = ok(sql) as CreateTable;
    expect(node.kind).toBe('CreateTable');
    expect(node.range).toEqual({ start: 0, end: sql.length });
    expect(node.columns.map((c) => [c.kind, c.name.name, sql.slice(c.range.start, c.range.end)])).toEqual([
      ['PhysicalColumn', 'id', 'id BIGINT'],
      ['PhysicalColumn', 'ts', 'ts TIMESTAMP(3)'],
      ['ComputedColumn', 'pt', 'pt AS PROCTIME()'],
      ['MetadataColumn', 'off', "off BIGINT METADATA FROM 'offset' VIRTUAL"],
    ]);
    expect(sql.slice(node.watermarks[0]!.range.start, node.watermarks[0]!.range.end)).toBe("WATERMARK FOR ts AS ts - INTERVAL '5' SECOND");
    expect(node.constraints[0]).toMatchObject({ type: 'PRIMARY KEY', enforced: false, columns: [{ name: 'id' }] });
    const opt = node.options[0]!;
    expect([opt.key, opt.value, sql.slice(opt.keyRange.start, opt.keyRange.end), sql.slice(opt.valueRange.start, opt.valueRange.end)]).toEqual(['connector', 'kafka', "'connector'", "'kafka'"]);
  });

  it('builds INSERT with target, partition, columns and query', () => {
    const node = ok("INSERT OVERWRITE c.d.t PARTITION (dt = '1') (a, b) SELECT x, y FROM s") as Insert;
    expect(node).toMatchObject({ kind: 'Insert', overwrite: true, target: { parts: [{ name: 'c' }, { name: 'd' }, { name: 't' }] }, columns: [{ name: 'a' }, { name: 'b' }] });
    expect(node.query.kind).toBe('Select');
  });

  it('builds a statement set with its inserts', () => {
    const node = ok('BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;') as StatementSet;
    expect(node.kind).toBe('StatementSet');
    expect(node.statements.map((s) => s.kind)).toEqual(['Insert', 'Insert']);
    expect(node.ended).toBe(true);
  });

  it('builds window TVFs, joins and precedence as a tree', () => {
    const q = (ok("SELECT a + b * c AS x FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) WHERE a = 1 OR b = 2 AND NOT c") as QueryStatement).query as Select;
    expect(q.items[0]!.alias!.name).toBe('x');
    expect(q.items[0]!.expr).toMatchObject({ kind: 'BinaryExpr', op: '+', right: { kind: 'BinaryExpr', op: '*' } });
    expect(q.where).toMatchObject({ kind: 'BinaryExpr', op: 'OR', right: { kind: 'BinaryExpr', op: 'AND', right: { kind: 'UnaryExpr', op: 'NOT' } } });
    const from = q.from as TableFunction;
    expect(from.kind).toBe('TableFunction');
    expect(from.call).toMatchObject({ kind: 'FunctionCall', name: { parts: [{ name: 'TUMBLE' }] }, args: [{ kind: 'TableArgument' }, { kind: 'FunctionCall' }, { kind: 'IntervalLiteral', from: 'MINUTE' }] });
  });

  it('gives every node a range inside its parent', () => {
    const sql = VALID.matchRecognize!;
    const node = ok(sql);
    walk(node, (n, parent) => {
      expect(n.range.start).toBeLessThanOrEqual(n.range.end);
      if (parent) {
        expect(n.range.start).toBeGreaterThanOrEqual(parent.range.start);
        expect(n.range.end).toBeLessThanOrEqual(parent.range.end);
      }
    });
  });
});

describe('diagnostics are specific', () => {
  it('missing comma between columns', () => {
    expect(errors('CREATE TABLE t (a INT b STRING)')).toEqual([{ code: 'sql.missing-comma', params: { found: 'b' }, at: 'b' }]);
  });
  it('missing comma in the select list', () => {
    expect(errors('SELECT a b c FROM t')).toEqual([{ code: 'sql.missing-comma', params: { found: 'c' }, at: 'c' }]);
  });
  it('unknown statement start', () => {
    expect(errors('SELEC a FROM t')).toEqual([{ code: 'sql.unknown-statement', params: { found: 'SELEC' }, at: 'SELEC' }]);
  });
  it('unclosed parenthesis points at the opener', () => {
    expect(errors('SELECT COUNT(a FROM t')).toEqual([{ code: 'sql.unexpected-token', params: { expected: "')'", found: 'FROM' }, at: 'FROM' }]);
    expect(errors("CREATE TABLE t (a INT")).toEqual([{ code: 'sql.unclosed-paren', params: { open: '(', close: ')' }, at: '(' }]);
  });
  it('WITH option without = or value', () => {
    expect(errors("CREATE TABLE t (a INT) WITH ('k' 'v')")).toEqual([{ code: 'sql.option-missing-equals', params: { key: 'k' }, at: "'k' 'v'" }]);
    expect(errors("CREATE TABLE t (a INT) WITH ('k' = , 'x' = 'y')")).toEqual([{ code: 'sql.option-missing-value', params: { key: 'k' }, at: "'k' =" }]);
    expect(errors("CREATE TABLE t (a INT) WITH (k = 'v')")).toEqual([{ code: 'sql.option-not-string', params: { text: 'k' }, at: 'k' }]);
    expect(errors("CREATE TABLE t (a INT) WITH ('k' = 'v' 'x' = 'y')")).toEqual([{ code: 'sql.missing-comma', params: { found: "'x'" }, at: "'x'" }]);
  });
  it('reserved words used as names', () => {
    expect(errors('SELECT timestamp FROM t')).toEqual([{ code: 'sql.expected-expression', params: { found: 'timestamp' }, at: 'timestamp' }]);
    expect(errors('CREATE TABLE t (value INT)')).toEqual([{ code: 'sql.reserved-word', params: { word: 'value' }, at: 'value' }]);
  });
  it('lexical problems', () => {
    expect(errors("SELECT 'abc FROM t")[0]!.code).toBe('sql.unterminated-string');
    expect(errors('SELECT a，b FROM t')).toEqual([{ code: 'sql.fullwidth-char', params: { char: '，', ascii: ',' }, at: '，' }]);
    expect(errors('SELECT "a" FROM t')[0]!.code).toBe('sql.double-quoted');
    expect(errors('SELECT 1 /* open')[0]!.code).toBe('sql.unterminated-comment');
    expect(errors('SELECT `a FROM t')[0]!.code).toBe('sql.unterminated-identifier');
  });
  it('single-part catalog names and LOAD MODULE with a string (Flink parse errors)', () => {
    expect(errors("create catalog invalid.cat with ('type'='generic_in_memory')")[0]!.code).toBe('sql.single-part-name');
    expect(errors('show databases in c0.t')[0]!.code).toBe('sql.single-part-name');
    expect(errors("LOAD MODULE 'dummy'")[0]!.code).toBe('sql.expected-identifier');
  });
  it('empty inline statement set', () => {
    expect(errors('EXECUTE STATEMENT SET BEGIN\nEND')[0]).toMatchObject({ code: 'sql.statement-set-empty', at: 'END' });
  });
  it('only INSERT inside a statement set', () => {
    expect(errors('BEGIN STATEMENT SET;\nSELECT 1;\nEND;')[0]!.code).toBe('sql.statement-set-only-insert');
  });
  it('syntax newer than the target version', () => {
    const r = parseStatement('TRUNCATE TABLE t', 0, 16, { flinkVersion: '1.17' });
    expect(r.diagnostics).toEqual([{ severity: 'error', code: 'sql.unsupported-in-version', params: { feature: 'TRUNCATE TABLE', since: '1.18', version: '1.17' }, start: 0, end: 16 }]);
    ok('TRUNCATE TABLE t', '1.18');
    expect(parseStatement("CREATE MATERIALIZED TABLE m FRESHNESS = INTERVAL '1' MINUTE AS SELECT 1", undefined, undefined, { flinkVersion: '1.19' }).diagnostics[0]!.params.feature).toBe('MATERIALIZED TABLE');
  });
});

describe('adjacent string literals are one literal (Calcite)', () => {
  it('joins them wherever a string may appear', () => {
    const t = ok("CREATE TABLE t (a INT) WITH ('con' 'nector' = 'kaf'\n'ka', 'b' = 'c')") as CreateTable;
    expect(t.options.map((o) => [o.key, o.value])).toEqual([['connector', 'kafka'], ['b', 'c']]);
    ok("SET 'execution.runtime-mode' 'x' = 'streaming'");
    ok("SET 'a' = 'b' /* c */ 'c'");
    ok("CREATE CATALOG c WITH ('type' = 'generic_in_memory' 'generic_in_memory')");
    ok("SELECT * FROM t /*+ OPTIONS('number-of-rows' 'number-of-rows' = '1') */");
    ok("CREATE TABLE t (r RAW('java.lang.String' 'x', 'AAA' 'B'))");
    ok("RESET 'a' 'b'");
    const t2 = ok("CREATE TABLE t (a INT COMMENT 'x' 'y', m STRING METADATA FROM 'k' 'ey' VIRTUAL COMMENT 'c' 'd', c AS a + 1 COMMENT 'e' 'f')") as CreateTable;
    expect(t2.columns.map((c) => c.comment?.value)).toEqual(['xy', 'cd', 'ef']);
    expect(ok("CREATE CATALOG c COMMENT 'a'\n'b' WITH ('type' = 'x')")).toMatchObject({ comment: { value: 'ab' } });
    ok("EXECUTE PLAN '/tmp/' 'plan.json'");
    ok("ALTER TABLE t RESET ('a' 'b', 'c')");
  });
  it('but not where Flink takes a single string token', () => {
    for (const sql of ["CREATE FUNCTION f AS 'com.x' '.F'", "CREATE DATABASE d COMMENT 'a' 'b'", "REMOVE JAR 'a' 'b'", "DESCRIBE JOB 'a' 'b'", "SELECT TIMESTAMP '2024-01-01' ' 00:00:00'", "SHOW TABLES LIKE 'a' 'b'"]) {
      expect(errors(sql).length, sql).toBeGreaterThan(0);
    }
    ok("SELECT 'a' 'b', N'a' 'b' FROM t");
  });
  it("still reports 'k' 'v' in options as a missing '='", () => {
    expect(errors("SET 'k' 'v'")).toEqual([{ code: 'sql.option-missing-equals', params: { key: 'k' }, at: "'k' 'v'" }]);
  });
});

describe('Flink 1.20 statement forms and their incomplete variants', () => {
  it('CREATE CATALOG without WITH', () => {
    expect(ok('CREATE CATALOG c')).toMatchObject({ kind: 'CreateCatalog', options: [] });
    expect(ok("CREATE CATALOG IF NOT EXISTS c COMMENT 'x'")).toMatchObject({ kind: 'CreateCatalog', comment: { value: 'x' }, options: [] });
  });
  it('ALTER TABLE ADD DISTRIBUTION and SHOW PARTITIONS', () => {
    expect(ok('ALTER TABLE t ADD DISTRIBUTION BY HASH(id) INTO 8 BUCKETS')).toMatchObject({ kind: 'AlterTable' });
    expect(errors('ALTER TABLE t ADD DISTRIBUTION DISTRIBUTED BY HASH(id)')).toHaveLength(1);
    expect(ok("SHOW PARTITIONS t PARTITION (k = 'v')")).toMatchObject({ kind: 'Show', what: 'PARTITIONS' });
    expect(errors('SHOW PARTITIONS ON t')).toHaveLength(1);
  });
  it('DESCRIBE JOB is 1.20 syntax', () => {
    ok("DESCRIBE JOB 'abc'", '1.20');
    expect(parseStatement("DESCRIBE JOB 'abc'", undefined, undefined, { flinkVersion: '1.19' }).diagnostics[0]!.params.since).toBe('1.20');
  });
  it('statements missing their final name are errors', () => {
    for (const sql of ['USE CATALOG', 'USE CATALOG ', 'DESCRIBE CATALOG', 'desc catalog ', 'DESCRIBE JOB', "ALTER FUNCTION f AS 'a.B' LANGUAGE", "ALTER TEMPORARY SYSTEM FUNCTION f AS 'a.B' LANGUAGE "]) {
      expect(errors(sql), sql).toHaveLength(1);
      expect(['sql.unexpected-end', 'sql.missing-identifier'], sql).toContain(errors(sql)[0]!.code);
    }
    expect(errors('USE CATALOG;')).toHaveLength(1);
    ok('USE `catalog`');
    ok('DESCRIBE `catalog`');
  });
  it('SQL client commands', () => {
    for (const w of ['HELP', 'help', 'CLEAR', 'QUIT', 'EXIT']) expect(ok(w)).toMatchObject({ kind: 'ClientCommand', command: w.toUpperCase() });
    expect(parseScript('help;\nSELECT 1;').statements.map((s) => s.node.kind)).toEqual(['ClientCommand', 'Query']);
    expect(errors('HELP me')).toHaveLength(1);
  });
  it('special-argument functions (TRIM, JSON_*, …) reject what Flink always rejects', () => {
    for (const sql of ["SELECT JSON_VALUE(payload, '$.n' RETURNING INT DEFAULT 0 ON EMPTY) FROM t", "SELECT JSON_ARRAY(1, 'a' NULL ON NULL), JSON_ARRAY(), JSON_OBJECT() FROM t", "SELECT JSON_OBJECT('k' VALUE id, KEY 'n' VALUE name ABSENT ON NULL) FROM t",
      "SELECT JSON_QUERY(p, '$' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON ERROR), JSON_EXISTS(p, '$' FALSE ON ERROR) FROM t", "SELECT TRIM(BOTH ' ' FROM a), TRIM(BOTH FROM a), SUBSTRING(a FROM 1 FOR 3), POSITION('x' IN a), FLOOR(ts TO HOUR) FROM t"]) ok(sql);
    for (const sql of ["SELECT JSON_VALUE(, '$.n') FROM t", "SELECT JSON_QUERY(payload, ) FROM t", "SELECT JSON_ARRAY(1, , 'a') FROM t", "SELECT JSON_QUERY(payload '$.items') FROM t",
      "SELECT FLOOR(ts ts TO HOUR) FROM t", "SELECT TRIM(BOTH ' ' FROM ) FROM t", "SELECT JSON_ARRAY(1, 'a' NULL ON ) FROM t", "SELECT SUBSTRING(a FROM IN 1 FOR 3) FROM t", "SELECT JSON_ARRAYAGG() FROM t", "SELECT JSON_OBJECT('n' VALUE DEFAULT name) FROM t"]) {
      expect(errors(sql), sql).toHaveLength(1);
    }
  });
  it('empty name lists are errors', () => {
    for (const sql of ['CREATE TABLE t (a INT, PRIMARY KEY () NOT ENFORCED)', 'ALTER TABLE t ADD PRIMARY KEY () NOT ENFORCED', 'INSERT INTO t () VALUES (1)', 'SELECT * FROM t AS x()', 'CREATE VIEW v () AS SELECT 1']) {
      expect(errors(sql), sql).toEqual([{ code: 'sql.expected-identifier', params: { found: ')' }, at: ')' }]);
    }
  });
});

describe('grammar rules found by the differential test against Flink 1.20', () => {
  it('accepts what Flink accepts', () => {
    for (const sql of [
      'DESCRIBE SELECT v1',
      'DESC INSERT INTO t SELECT 1',
      "CREATE OR REPLACE TABLE t (a INT) WITH ('connector' = 'print')",
      'SELECT * FROM TABLE(SESSION(user_events PARTITION BY user_id, DESCRIPTOR(ts), INTERVAL \'5\' MINUTES))',
      'SELECT f(x PARTITION BY y ORDER BY z) FROM t',
      'SELECT EXISTS (1), EXISTS a - 1 FROM t WHERE EXISTS EXISTS (SELECT 1)',
      'SELECT a >= NOT b, 1 + NOT 2, - NOT EXISTS 2 FROM t',
      'INSERT INTO t (a INT NOT NULL, b ts) VALUES (1, 2)',
      'SELECT t.`left`, t.friday, t.qualify FROM t',
      "STOP JOB 'a' WITH SAVEPOINT WITH DRAIN",
      "SELECT DATE '2024-1-1', TIME '8:30:00.5', TIMESTAMP '2024-06-01', TIMESTAMP '2024-06-01 12:00:00.123' FROM t",
      'SELECT COUNT(*), a.f(*), t.*, TIMESTAMPADD(HOUR, 8, ts), TIMESTAMPDIFF(DAY, a, b), HOUR(ts) FROM t',
      'EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT 1; END',
      "SELECT JSON_OBJECT(KEY 'a' VALUE 1 NULL ON NULL), JSON_ARRAY(1, NULL, 2 ABSENT ON NULL), JSON_ARRAYAGG(a ORDER BY b NULL ON NULL) FROM t",
      "SELECT JSON_QUERY(a, '$.x' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON EMPTY EMPTY OBJECT ON ERROR), JSON_VALUE(a, '$.x' RETURNING INT NULL ON EMPTY ERROR ON ERROR) FROM t",
      "SELECT TRIM(BOTH ' ' FROM a), TRIM(LEADING FROM a), SUBSTRING(a FROM 1 FOR 2), OVERLAY(a PLACING b FROM 1 FOR 2), FLOOR(ts TO DAY) FROM t",
      'SELECT * FROM k MATCH_RECOGNIZE (ORDER BY ts MEASURES A.p AS x PATTERN (A B{2} C{2,} D{,3} E{1,3}? `BY`) DEFINE B AS B.p < 1) AS T',
      // names in Flink 1.20, not reserved words
      'SELECT friday, monday, json_scope, measure, ordinal, try_cast, t.qualify, TRY_CAST(a AS INT) FROM t qualify',
      'CREATE TABLE ordinal (measure INT)',
    ]) ok(sql);
    // SHOW forms 1.20's parser lacks stay open for later versions
    ok("SHOW CATALOGS LIKE 'c%'", '2.0');
    ok("SHOW VIEWS FROM ods LIKE 'v%'", '2.0');
    ok('DESCRIBE FUNCTION EXTENDED f', '2.0');
  });
  it('accepts the row counts, orders and bare query arguments Flink accepts', () => {
    for (const sql of [
      'SELECT * FROM t LIMIT ?',
      'SELECT * FROM t LIMIT 1.5',
      'SELECT * FROM t LIMIT ALL OFFSET 3',
      'SELECT * FROM t ORDER BY a LIMIT ? OFFSET ?',
      'SELECT * FROM t OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY',
      'SELECT * FROM t WHERE a (SELECT d FROM r)',
      'SELECT f(DISTINCT SELECT 1) FROM t',
      'SELECT f(WITH x AS (SELECT 1) SELECT * FROM x) FROM t',
      'SELECT ROW(SELECT 1) FROM t',
      'SELECT f(a => SELECT 1) FROM t',
      'SELECT a.b.* FROM t',
    ])
      ok(sql);
  });
  it('rejects what Flink rejects, each with a specific code', () => {
    const cases: [string, string][] = [
      ['SELECT a.LEFT id FROM t', 'sql.reserved-word'],
      ['SELECT t.value FROM t', 'sql.reserved-word'],
      ["SELECT * FROM t WHERE s != 'ok'", 'sql.not-allowed'],
      ['SELECT * FROM t LIMIT 10, 20', 'sql.not-allowed'],
      ["STOP JOB 'a' WITH DRAIN", 'sql.not-allowed'],
      ["CREATE MATERIALIZED TABLE mt FRESHNESS = '1 h' AS SELECT * FROM t", 'sql.not-allowed'],
      ['CREATE MATERIALIZED TABLE mt AS SELECT * FROM t', 'sql.unexpected-token'],
      ['CREATE TABLE t (a INTERVAL YEAR TO MONTH)', 'sql.not-allowed'],
      ['INSERT INTO t PARTITION (p = 1) (a INT) SELECT 1', 'sql.not-allowed'],
      ["UPDATE t SET a = DATE 'x'", 'sql.invalid-literal'],
      ['SELECT /*+ */ * FROM t', 'sql.invalid-hint'],
      ['REPLACE TABLE t (a INT)', 'sql.unexpected-end'],
      ["SHOW CATALOGS LIKE 'c%'", 'sql.unexpected-token'],
      ['DESC FUNCTION my_udf', 'sql.unexpected-token'],
      ['SELECT statement, hash FROM t', 'sql.expected-expression'],
      ['SELECT a FROM t QUALIFY ROW_NUMBER() OVER (ORDER BY a) = 1', 'sql.unexpected-token'],
      ["SELECT * FROM t /*+ OPTIONS('a' 'b', 'c' = 'd') */", 'sql.invalid-hint'],
      ["SELECT JSON_ARRAY(1, 'a' NULL ON NULL NULL) FROM t", 'sql.expected-expression'],
      ['SHOW VIEWS FROM ods', 'sql.unexpected-token'],
      ["SHOW TABLES ILIKE 'o%'", 'sql.unexpected-token'],
      ["SHOW COLUMNS FROM t NOT ILIKE 'o%'", 'sql.unexpected-token'],
      ['CREATE TEMPORARY SYSTEM TABLE t (a INT)', 'sql.unexpected-token'],
      ['EXPLAIN EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT 1; END', 'sql.unexpected-token'],
      ['EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT 1 END', 'sql.unexpected-token'],
      ['SELECT city, (*) AS c FROM t', 'sql.expected-expression'],
      ['SELECT f(*, a) FROM t', 'sql.expected-expression'],
      ['SELECT * FROM t, LATERAL TABLE((f(x))) AS T(w)', 'sql.expected-identifier'],
      ['SELECT * FROM t, LATERAL TABLE(x) AS T(w)', 'sql.unexpected-token'],
      ['SELECT 1 WHERE TRUE', 'sql.unexpected-token'],
      ['SELECT * FROM t FETCH NEXT ROWS ONLY', 'sql.expected-row-count'],
      ['SELECT * FROM t LIMIT NOT 0', 'sql.expected-row-count'],
      ['SELECT * FROM t LIMIT c2 AND c3', 'sql.expected-row-count'],
      ['SELECT * FROM t LIMIT (SELECT 1)', 'sql.expected-row-count'],
      ['SELECT * FROM t OFFSET 1 + 1 ROWS', 'sql.unexpected-token'],
      ['SELECT * FROM t FETCH FIRST -1 ROWS ONLY', 'sql.expected-row-count'],
      ['SELECT * FROM t OFFSET 2 ROWS LIMIT 3', 'sql.not-allowed'],
      ['SELECT * FROM t LIMIT 5 FETCH FIRST 5 ROWS ONLY', 'sql.unexpected-token'],
      ['SELECT MAX(DISTINCT) FROM t', 'sql.quantifier-without-argument'],
      ['SELECT COUNT(ALL) FROM t', 'sql.quantifier-without-argument'],
      ['SELECT count(ALL *) FROM t', 'sql.expected-expression'],
      ['SELECT f(x).* FROM t', 'sql.unexpected-token'],
      ['SELECT (a).* FROM t', 'sql.unexpected-token'],
      ['SELECT a[1].* FROM t', 'sql.unexpected-token'],
      ['SELECT (HOUR, 8, ts) FROM t', 'sql.expected-expression'],
      ["SELECT TIMESTAMP('2024-06-01 12:00:00') FROM t", 'sql.expected-expression'],
      ["CREATE TABLE t (a RAW('java.lang.String'))", 'sql.unexpected-token'],
      ['SELECT FLOOR(TO ts MINUTE) FROM t', 'sql.expected-expression'],
      ['SELECT FLOOR(ts TO HOUR HOUR) FROM t', 'sql.expected-expression'],
      ["SELECT TRIM(BOTH BOTH ' ' FROM a), 1 FROM t", 'sql.expected-expression'],
      ["SELECT TRIM(BOTH FROM ' ' FROM a) FROM t", 'sql.expected-expression'],
      ['SELECT JSON_ARRAY(1, NULL ON NULL) FROM t', 'sql.expected-expression'],
      ["SELECT JSON_ARRAY(1, 'a' NULL ON NULLX) FROM t", 'sql.expected-expression'],
      ["SELECT JSON_VALUE(a, '$.n' DEFAULT 0 ON EMPTY EMPTY) FROM t", 'sql.expected-expression'],
      ['SELECT * FROM k MATCH_RECOGNIZE (ORDER BY ts MEASURES A.p AS x PATTERN (A B BY) DEFINE B AS B.p < 1) AS T', 'sql.reserved-word'],
      ['SELECT * FROM k MATCH_RECOGNIZE (ORDER BY ts MEASURES A.p AS x PATTERN (A B{2 2,}) DEFINE B AS B.p < 1) AS T', 'sql.unexpected-token'],
    ];
    for (const [sql, code] of cases) expect(errors(sql)[0]?.code, sql).toBe(code);
  });
});

describe('recovery', () => {
  it('three statements with an error in the middle give three statements and one diagnostic', () => {
    const sql = "CREATE TABLE a (x INT) WITH ('connector' = 'datagen');\nINSERT INTO b SELEC x FROM a;\nSELECT * FROM a;";
    const r = parseScript(sql);
    expect(r.statements.map((s) => s.node.kind)).toEqual(['CreateTable', 'Insert', 'Query']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.statements[1]!.diagnostics).toHaveLength(1);
    expect(r.statements[0]!.diagnostics).toEqual([]);
    expect(r.statements[2]!.diagnostics).toEqual([]);
    expect([r.diagnostics[0]!.code, sql.slice(r.diagnostics[0]!.start, r.diagnostics[0]!.end)]).toEqual(['sql.expected-query', 'SELEC']);
  });

  it('reports a missing semicolon and parses the next statement', () => {
    const sql = "CREATE TABLE a (x INT) WITH ('connector' = 'datagen')\nINSERT INTO b SELECT x FROM a;";
    const r = parseScript(sql);
    expect(r.statements.map((s) => s.node.kind)).toEqual(['CreateTable', 'Insert']);
    expect(r.diagnostics.map((d) => [d.code, d.params])).toEqual([['sql.missing-semicolon', { next: 'INSERT' }]]);
  });

  it('recovers at the next statement keyword on a new line after an error', () => {
    const sql = 'CREATE TABLE a (x INT,, y INT)\nCREATE TABLE b (y INT);';
    const r = parseScript(sql);
    expect(r.statements.map((s) => s.node.kind)).toEqual(['CreateTable', 'CreateTable']);
    expect(r.diagnostics).toHaveLength(1);
  });

  it('keeps statement offsets exact within the script', () => {
    const sql = '-- head\nSELECT 1;\n\n  SELECT 2 ;';
    const r = parseScript(sql);
    expect(r.statements.map((s) => sql.slice(s.start, s.end))).toEqual(['-- head\nSELECT 1;', 'SELECT 2 ;']);
    expect(r.statements[1]!.node.range).toEqual({ start: sql.indexOf('SELECT 2'), end: sql.indexOf('SELECT 2') + 8 });
  });

  it('parseStatement works on a slice of a larger text', () => {
    const sql = 'xxx SELECT a FRM t; yyy';
    const r = parseStatement(sql, 4, 19);
    expect(r.diagnostics.map((d) => sql.slice(d.start, d.end))).toEqual(['t']);
  });

  it('returns an Empty node for comment-only input', () => {
    expect(parseStatement('-- nothing').node.kind).toBe('Empty');
  });
});
