import type { Rng } from './rng.js';

/**
 * Realistic Flink SQL statements of every form a Weir user writes, built by combining
 * templates with a seeded PRNG. They are meant to be valid, but the differential test labels
 * them with Flink's own answer: a template bug shows up as a Flink rejection, not as a false
 * disagreement.
 */

export interface Variant {
  family: string;
  sql: string;
}

type Gen = (r: Rng) => string;

// ---- vocabulary --------------------------------------------------------------------------

const TABLES = [
  'orders', 'user_events', 'camera_capture', 'dim_device', 'kafka_src', 'ods.orders', 'cat1.db1.orders',
  '`my-catalog`.`ods`.`t_order`', 'default_catalog.default_database.clicks', '`order`', 'dwd_vehicle_pass',
];
const SIMPLE_TABLES = ['orders', 'user_events', 'camera_capture', 'dim_device', 'kafka_src', 'dwd_vehicle_pass', 'sink_ck'];
const COLS = ['id', 'user_id', 'device_id', 'amount', 'price', 'name', 'ts', 'event_time', 'payload', 'city', '`user`', '`value`', '`timestamp`', 'plate_no', 'status', 'cnt'];
const NUM_COLS = ['amount', 'price', 'cnt', 'id', 'speed'];
const STR_COLS = ['name', 'city', 'plate_no', 'status', 'payload', '`user`'];
const TIME_COLS = ['ts', 'event_time', 'proc_time', 'capture_time'];
const FUNCS = ['my_udf', 'parse_plate', 'cat1.db1.to_geo', 'split_words', '`ip-to-city`'];
const CLASSES = ["'com.example.udf.ParsePlate'", "'com.example.udf.SplitWords'", "'org.acme.flink.GeoHash'", "'udfs.py_upper'"];
const JARS = ["'/opt/udf/udf-1.0.jar'", "'hdfs:///flink/udf/geo.jar'", "'file:///tmp/x.jar'", "'oss://bucket/jars/a.jar'"];
const KEYS = [
  "'execution.runtime-mode'", "'table.exec.state.ttl'", "'pipeline.name'", "'parallelism.default'",
  "'execution.checkpointing.interval'", "'sql-client.execution.result-mode'", "'table.exec.mini-batch.enabled'",
];
const VALUES = ["'streaming'", "'batch'", "'1 h'", "'job-A'", "'4'", "'30s'", "'tableau'", "'true'"];
const UNQUOTED_SETS = [
  'execution.runtime-mode=batch', 'parallelism.default = 8', 'table.exec.state.ttl=3600000',
  "pipeline.name='my job'", 'sql-client.execution.result-mode = TABLEAU', 'execution.checkpointing.interval=10s',
];
const JOB_IDS = ["'228d70913eab60dda85c5e7f78b5782c'", "'00000000000000000000000000000001'", "'f1c3a0b2d4e5f60718293a4b5c6d7e8f'"];

const TYPES = [
  'INT', 'BIGINT', 'SMALLINT', 'TINYINT', 'STRING', 'VARCHAR(32)', 'CHAR(2)', 'DECIMAL(10, 2)', 'DECIMAL(38, 18)', 'DOUBLE', 'FLOAT',
  'BOOLEAN', 'DATE', 'TIME(0)', 'TIMESTAMP(3)', 'TIMESTAMP(6)', 'TIMESTAMP_LTZ(3)', 'TIMESTAMP(3) WITH LOCAL TIME ZONE', 'BYTES',
  'BINARY(16)', 'VARBINARY(64)', 'ARRAY<STRING>', 'MAP<STRING, INT>', 'ROW<lat DOUBLE, lon DOUBLE>', 'ROW(a INT, b STRING)',
  'MULTISET<STRING>', 'INT NOT NULL', 'STRING NOT NULL', 'ARRAY<ROW<k STRING, v BIGINT>>', "RAW('java.lang.String', 'AAA=')",
  'TIMESTAMP WITHOUT TIME ZONE', 'TIME(3) WITHOUT TIME ZONE',
  'DECIMAL', 'VARCHAR', 'INTEGER', 'DOUBLE PRECISION', 'CHARACTER VARYING(10)', 'BIGINT NULL',
];

const CONNECTORS: readonly string[][] = [
  ["'connector' = 'kafka'", "'topic' = 'capture_records'", "'properties.bootstrap.servers' = 'kafka:9092'", "'properties.group.id' = 'weir'", "'scan.startup.mode' = 'latest-offset'", "'format' = 'json'", "'json.ignore-parse-errors' = 'true'"],
  ["'connector' = 'upsert-kafka'", "'topic' = 'device_state'", "'properties.bootstrap.servers' = '10.0.0.1:9092,10.0.0.2:9092'", "'key.format' = 'json'", "'value.format' = 'avro'"],
  ["'connector' = 'jdbc'", "'url' = 'jdbc:mysql://db:3306/ods?useSSL=false'", "'table-name' = 't_order'", "'username' = 'flink'", "'password' = 'secret'", "'lookup.cache' = 'PARTIAL'", "'lookup.partial-cache.max-rows' = '10000'"],
  ["'connector' = 'mysql-cdc'", "'hostname' = 'mysql'", "'port' = '3306'", "'username' = 'root'", "'password' = 'pw'", "'database-name' = 'app'", "'table-name' = 'orders'", "'server-time-zone' = 'Asia/Shanghai'"],
  ["'connector' = 'postgres-cdc'", "'hostname' = 'pg'", "'database-name' = 'app'", "'schema-name' = 'public'", "'table-name' = 'orders'", "'slot.name' = 'flink'", "'decoding.plugin.name' = 'pgoutput'"],
  ["'connector' = 'elasticsearch-7'", "'hosts' = 'http://es:9200'", "'index' = 'capture-{ts|yyyy-MM-dd}'"],
  ["'connector' = 'clickhouse'", "'url' = 'clickhouse://ck:8123'", "'database-name' = 'dw'", "'table-name' = 'pass_records'", "'sink.batch-size' = '5000'"],
  ["'connector' = 'datagen'", "'rows-per-second' = '100'", "'fields.id.kind' = 'sequence'", "'fields.id.start' = '1'", "'fields.id.end' = '1000'"],
  ["'connector' = 'print'"],
  ["'connector' = 'blackhole'"],
  ["'connector' = 'filesystem'", "'path' = 'hdfs:///warehouse/ods/orders'", "'format' = 'parquet'", "'sink.partition-commit.policy.kind' = 'success-file'"],
];

// ---- building blocks -----------------------------------------------------------------------

const interval = (r: Rng): string =>
  r.pick([
    "INTERVAL '5' SECOND", "INTERVAL '10' MINUTES", "INTERVAL '1' HOUR", "INTERVAL '1' DAY", "INTERVAL '30' SECONDS",
    "INTERVAL '2' MINUTE", "INTERVAL '0.001' SECOND", "INTERVAL '1 02:03:04' DAY TO SECOND", "INTERVAL '1-2' YEAR TO MONTH",
    "INTERVAL '12' HOURS",
  ]);
const windowSize = (r: Rng): string => r.pick(["INTERVAL '10' MINUTES", "INTERVAL '1' HOUR", "INTERVAL '5' SECOND", "INTERVAL '1' DAY"]);

function literal(r: Rng): string {
  return r.pick([
    '1', '0', '42', '-7', '3.14', '1e3', "'abc'", "'it''s'", "''", 'TRUE', 'FALSE', 'NULL', "DATE '2024-06-01'",
    "TIMESTAMP '2024-06-01 12:00:00'", "TIME '08:30:00'", interval(r), "X'0A1B'", "'中文'", 'UNKNOWN',
  ]);
}

function column(r: Rng, alias?: string): string {
  const c = r.pick(COLS);
  return alias !== undefined && r.chance(0.4) ? `${alias}.${c}` : c;
}

function expr(r: Rng, depth = 0, alias?: string): string {
  if (depth > 2 || r.chance(0.3)) return r.chance(0.65) ? column(r, alias) : literal(r);
  const e = (): string => expr(r, depth + 1, alias);
  const n = (): string => r.pick(NUM_COLS);
  const s = (): string => r.pick(STR_COLS);
  const t = (): string => r.pick(TIME_COLS);
  switch (r.int(40)) {
    case 0: return `${e()} + ${e()}`;
    case 1: return `${n()} * ${r.pick(['2', '1.5', n()])} - ${r.pick(['1', n()])}`;
    case 2: return `${n()} / NULLIF(${n()}, 0)`;
    case 3: return `UPPER(${s()})`;
    case 4: return `COALESCE(${e()}, ${literal(r)})`;
    case 5: return `CONCAT(${s()}, '-', ${s()})`;
    case 6: return `${s()} || '_' || CAST(${n()} AS STRING)`;
    case 7: return `DATE_FORMAT(${t()}, 'yyyy-MM-dd HH:mm')`;
    case 8: return `JSON_VALUE(payload, '$.${r.pick(['id', 'plate', 'geo.lat', 'items[0].sku'])}')`;
    case 9: return `CAST(${e()} AS ${r.pick(['INT', 'BIGINT', 'STRING', 'DECIMAL(10, 2)', 'TIMESTAMP(3)', 'DOUBLE'])})`;
    case 10: return `TRY_CAST(${e()} AS ${r.pick(['INT', 'BIGINT', 'DATE', 'DOUBLE'])})`;
    case 11: return `CASE WHEN ${cond(r, depth + 1, alias)} THEN ${e()} ELSE ${e()} END`;
    case 12: return `CASE ${s()} WHEN 'a' THEN 1 WHEN 'b' THEN 2 END`;
    case 13: return `EXTRACT(${r.pick(['HOUR', 'DAY', 'YEAR', 'MINUTE'])} FROM ${t()})`;
    case 14: return `TIMESTAMPDIFF(${r.pick(['SECOND', 'MINUTE', 'DAY'])}, ${t()}, ${t()})`;
    case 15: return `TIMESTAMPADD(HOUR, 8, ${t()})`;
    case 16: return r.pick(['CURRENT_DATE', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'CURRENT_TIME', 'NOW()', 'PROCTIME()', 'CURRENT_ROW_TIMESTAMP()']);
    case 17: return `TO_TIMESTAMP(${s()}, 'yyyy-MM-dd HH:mm:ss')`;
    case 18: return `FLOOR(${t()} TO ${r.pick(['HOUR', 'DAY', 'MINUTE'])})`;
    case 19: return `CEIL(${n()})`;
    case 20: return `SUBSTRING(${s()} FROM 1 FOR 3)`;
    case 21: return `SUBSTR(${s()}, 2, 4)`;
    case 22: return `TRIM(BOTH ' ' FROM ${s()})`;
    case 23: return `POSITION('x' IN ${s()})`;
    case 24: return `tags[1]`;
    case 25: return `attrs['${r.pick(['color', 'k'])}']`;
    case 26: return `geo.lat`;
    case 27: return `ROW(${e()}, ${e()})`;
    case 28: return `ARRAY[${e()}, ${e()}]`;
    case 29: return `MAP['k', ${e()}]`;
    case 30: return `IF(${cond(r, depth + 1, alias)}, ${e()}, ${e()})`;
    case 31: return `-${n()}`;
    case 32: return `(${e()})`;
    case 33: return `${r.pick(FUNCS)}(${e()})`;
    case 34: return `MD5(${s()})`;
    case 35: return `REGEXP_EXTRACT(${s()}, '([A-Z]+)(\\d+)', 2)`;
    case 36: return `UNIX_TIMESTAMP()`;
    case 37: return `FROM_UNIXTIME(${n()} / 1000)`;
    case 38: return `${t()} + ${interval(r)}`;
    default: return `ABS(${n()}) % 10`;
  }
}

function cond(r: Rng, depth = 0, alias?: string): string {
  const e = (): string => expr(r, depth + 1, alias);
  if (depth < 2 && r.chance(0.25)) return `${cond(r, depth + 1, alias)} ${r.pick(['AND', 'OR'])} ${cond(r, depth + 1, alias)}`;
  switch (r.int(14)) {
    case 0: return `${e()} ${r.pick(['=', '<>', '<', '>=', '>', '<='])} ${e()}`;
    case 1: return `${r.pick(STR_COLS)} LIKE '${r.pick(['京A%', '%x%', 'a_c'])}'`;
    case 2: return `${r.pick(COLS)} IS ${r.pick(['NULL', 'NOT NULL'])}`;
    case 3: return `${r.pick(NUM_COLS)} BETWEEN ${r.int(10)} AND ${10 + r.int(100)}`;
    case 4: return `${r.pick(COLS)} IN (${r.pick(['1, 2, 3', "'a', 'b'", '42'])})`;
    case 5: return `${r.pick(COLS)} NOT IN (SELECT id FROM ${r.pick(SIMPLE_TABLES)})`;
    case 6: return `EXISTS (SELECT 1 FROM ${r.pick(SIMPLE_TABLES)} x WHERE x.id = ${alias ?? r.pick(SIMPLE_TABLES)}.id)`;
    case 7: return `NOT (${cond(r, depth + 1, alias)})`;
    case 8: return `${r.pick(STR_COLS)} SIMILAR TO '[a-z]+'`;
    case 9: return `${r.pick(NUM_COLS)} > (SELECT AVG(amount) FROM ${r.pick(SIMPLE_TABLES)})`;
    case 10: return `${r.pick(['flag', 'is_valid'])} IS TRUE`;
    case 11: return `${r.pick(STR_COLS)} IS DISTINCT FROM ${r.pick(STR_COLS)}`;
    case 12: return `${r.pick(TIME_COLS)} >= CURRENT_TIMESTAMP - INTERVAL '1' DAY`;
    default: return `${r.pick(STR_COLS)} <> ''`;
  }
}

const agg = (r: Rng): string =>
  r.pick([
    'COUNT(*)', 'COUNT(DISTINCT user_id)', `SUM(${r.pick(NUM_COLS)})`, `AVG(${r.pick(NUM_COLS)})`, `MAX(${r.pick(COLS)})`,
    `MIN(${r.pick(TIME_COLS)})`, 'LISTAGG(name, \',\')', 'COUNT(1) FILTER (WHERE status = \'ok\')', 'FIRST_VALUE(name)',
    'LAST_VALUE(price)', 'COLLECT(city)', 'STDDEV_POP(amount)', 'APPROX_COUNT_DISTINCT(user_id)',
  ]);

const alias = (r: Rng): string => r.pick(['a', 'b', 't', 'o', 'x', 'src', 'T1', '`alias`']);

function selectItems(r: Rng, a?: string): string {
  if (r.chance(0.15)) return r.pick(['*', a !== undefined ? `${a}.*` : '*']);
  const items: string[] = [];
  const count = 1 + r.int(4);
  for (let k = 0; k < count; k++) {
    const e = expr(r, 0, a);
    items.push(r.chance(0.4) ? `${e} AS ${r.pick(['c', 'total', 'day_str', '`cnt', 'v'])}${k}`.replace(/^(.* AS `\w+)$/, '$1`') : r.chance(0.1) ? `${e} c${k}` : e);
  }
  return items.join(', ');
}

function tableRef(r: Rng): string {
  const t = r.pick(TABLES);
  switch (r.int(6)) {
    case 0: return `${t} AS ${alias(r)}`;
    case 1: return `${t} ${alias(r)}`;
    case 2: return `${t} /*+ OPTIONS('scan.startup.mode'='earliest-offset') */`;
    default: return t;
  }
}

function simpleQuery(r: Rng, depth = 0): string {
  const a = r.chance(0.3) ? 'o' : undefined;
  const from = a !== undefined ? `${r.pick(TABLES)} AS o` : depth < 1 && r.chance(0.15) ? `(${simpleQuery(r, depth + 1)}) AS sub` : tableRef(r);
  let q = `SELECT ${r.chance(0.1) ? 'DISTINCT ' : ''}${selectItems(r, a)} FROM ${from}`;
  if (r.chance(0.5)) q += ` WHERE ${cond(r, 0, a)}`;
  if (r.chance(0.25)) q += ` ORDER BY ${r.pick(COLS)} ${r.pick(['ASC', 'DESC', ''])}`.trimEnd();
  if (r.chance(0.2)) q += ` LIMIT ${1 + r.int(100)}`;
  return q;
}

function aggQuery(r: Rng): string {
  const keys = r.some(['city', 'device_id', 'user_id', 'status'], 2);
  let q = `SELECT ${keys.join(', ')}, ${agg(r)} AS v1, ${agg(r)} AS v2 FROM ${tableRef(r)}`;
  if (r.chance(0.4)) q += ` WHERE ${cond(r)}`;
  const grouping = r.int(6);
  if (grouping === 0) q += ` GROUP BY GROUPING SETS ((${keys.join(', ')}), ())`;
  else if (grouping === 1) q += ` GROUP BY ROLLUP (${keys.join(', ')})`;
  else if (grouping === 2) q += ` GROUP BY CUBE (${keys.join(', ')})`;
  else q += ` GROUP BY ${keys.join(', ')}`;
  if (r.chance(0.35)) q += ` HAVING ${agg(r)} > ${r.int(100)}`;
  return q;
}

function windowTvf(r: Rng, table = r.pick(SIMPLE_TABLES)): string {
  const ts = r.pick(['ts', 'event_time', 'proc_time']);
  switch (r.int(5)) {
    case 0: return `TABLE(TUMBLE(TABLE ${table}, DESCRIPTOR(${ts}), ${windowSize(r)}))`;
    case 1: return `TABLE(HOP(TABLE ${table}, DESCRIPTOR(${ts}), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))`;
    case 2: return `TABLE(CUMULATE(TABLE ${table}, DESCRIPTOR(${ts}), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))`;
    case 3: return `TABLE(SESSION(TABLE ${table} PARTITION BY ${r.pick(['device_id', 'user_id'])}, DESCRIPTOR(${ts}), INTERVAL '5' MINUTES))`;
    default: return `TABLE(TUMBLE(DATA => TABLE ${table}, TIMECOL => DESCRIPTOR(${ts}), SIZE => ${windowSize(r)}))`;
  }
}

function windowAgg(r: Rng): string {
  const keys = r.pick(['', ', device_id', ', city, status']);
  return `SELECT window_start, window_end${keys}, ${agg(r)} AS cnt FROM ${windowTvf(r)} GROUP BY window_start, window_end${keys}`;
}

const QUERY_SHAPES: Record<string, Gen> = {
  'query-simple': (r) => simpleQuery(r),
  'query-aggregate': aggQuery,
  'query-join': (r) => {
    const kind = r.pick(['JOIN', 'INNER JOIN', 'LEFT JOIN', 'LEFT OUTER JOIN', 'RIGHT JOIN', 'FULL OUTER JOIN']);
    const on = r.chance(0.2) ? 'USING (id)' : `ON a.${r.pick(['id', 'device_id'])} = b.${r.pick(['id', 'device_id'])}${r.chance(0.3) ? ` AND ${cond(r, 1, 'a')}` : ''}`;
    return `SELECT a.id, b.name, ${expr(r, 1, 'a')} FROM ${r.pick(TABLES)} AS a ${kind} ${r.pick(TABLES)} AS b ${on}`;
  },
  'query-cross-join': (r) => `SELECT * FROM ${r.pick(SIMPLE_TABLES)} a CROSS JOIN ${r.pick(SIMPLE_TABLES)} b WHERE a.id = b.id`,
  'query-temporal-join': (r) => {
    const left = r.pick(['LEFT JOIN', 'JOIN', 'INNER JOIN']);
    const at = r.pick(['o.proc_time', 'o.event_time', 'o.ts']);
    return `SELECT o.id, o.amount, d.name, d.city FROM orders AS o ${left} dim_device FOR SYSTEM_TIME AS OF ${at} AS d ON o.device_id = d.id${r.chance(0.3) ? ` WHERE ${cond(r, 1, 'o')}` : ''}`;
  },
  'query-interval-join': (r) =>
    `SELECT a.id, b.ts FROM orders a, shipments b WHERE a.id = b.order_id AND a.ts BETWEEN b.ts - ${interval(r)} AND b.ts`,
  'query-window-tvf': windowAgg,
  'query-window-topn': (r) =>
    `SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY cnt DESC) AS rownum FROM (${windowAgg(r)})) WHERE rownum <= ${1 + r.int(10)}`,
  'query-window-dedup': (r) =>
    `SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, device_id ORDER BY ts ${r.pick(['ASC', 'DESC'])}) AS rn FROM ${windowTvf(r)}) WHERE rn = 1`,
  'query-dedup': (r) =>
    `SELECT ${r.pick(['id, name, ts', '*'])} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY ${r.pick(['id', 'device_id, plate_no'])} ORDER BY ${r.pick(['proc_time', 'ts', 'event_time'])} ${r.pick(['ASC', 'DESC'])}) AS ${r.pick(['rn', 'row_num'])} FROM ${r.pick(TABLES)}) WHERE ${r.pick(['rn = 1', 'row_num = 1', 'rn <= 3'])}`,
  'query-over': (r) => {
    const frame = r.pick([
      "RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW", 'ROWS BETWEEN 10 PRECEDING AND CURRENT ROW',
      'RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', '',
    ]);
    if (r.chance(0.3)) {
      return `SELECT id, SUM(amount) OVER w AS s, MAX(amount) OVER w AS m FROM orders WINDOW w AS (PARTITION BY id ORDER BY proc_time ${frame})`.replace(' )', ')');
    }
    return `SELECT id, ${agg(r).replace(' FILTER (WHERE status = \'ok\')', '')} OVER (PARTITION BY ${r.pick(['id', 'device_id'])} ORDER BY ${r.pick(['proc_time', 'ts'])} ${frame}) AS v FROM ${r.pick(SIMPLE_TABLES)}`.replace(' )', ')');
  },
  'query-match-recognize': (r) => {
    const measures = r.some([
      'FIRST(A.ts) AS start_ts', 'LAST(B.ts) AS end_ts', 'LAST(B.price, 1) AS prev_price', 'AVG(B.price) AS avg_price',
      'A.price AS start_price', 'MATCH_ROWTIME() AS rt', 'C.ts AS last_ts',
    ], 3);
    const pattern = r.pick(['A B+ C', '(A B*? C)', 'A B{2,} C', 'A B{1, 3} C?', 'A (B | C)+', 'A B* C']);
    const defs = pattern.includes('C')
      ? 'B AS B.price < A.price, C AS C.price > LAST(B.price, 1)'
      : 'B AS B.price < PREV(B.price)';
    const skip = r.pick(['AFTER MATCH SKIP PAST LAST ROW', 'AFTER MATCH SKIP TO NEXT ROW', 'AFTER MATCH SKIP TO LAST B', 'AFTER MATCH SKIP TO FIRST B', '']);
    return `SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY ts MEASURES ${measures.join(', ')} ${r.pick(['ONE ROW PER MATCH', ''])} ${skip} PATTERN (${pattern})${r.chance(0.2) ? " WITHIN INTERVAL '1' HOUR" : ''} DEFINE ${defs}) AS T`.replace(/ {2,}/g, ' ');
  },
  'query-unnest': (r) =>
    `SELECT o.id, t.${r.pick(['tag', 'item'])} FROM orders AS o ${r.pick(['CROSS JOIN', ','])} UNNEST(o.tags) AS t (${r.pick(['tag', 'item'])})`,
  'query-unnest-ordinality': () => 'SELECT id, tag, pos FROM orders CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t (tag, pos)',
  'query-lateral-table': (r) => {
    const f = r.pick(['split_words(name)', 'parse_json(payload, \'$.items\')', 'cat1.db1.explode(tags)']);
    return r.chance(0.5)
      ? `SELECT id, word FROM ${r.pick(SIMPLE_TABLES)}, LATERAL TABLE(${f}) AS T(word)`
      : `SELECT id, word, len FROM ${r.pick(SIMPLE_TABLES)} LEFT JOIN LATERAL TABLE(${f}) AS T(word, len) ON TRUE`;
  },
  'query-hints': (r) => {
    const hint = r.pick(['BROADCAST(d)', 'SHUFFLE_HASH(o, d)', 'LOOKUP(\'table\'=\'d\', \'async\'=\'true\', \'retry-predicate\'=\'lookup_miss\')', 'STATE_TTL(\'o\' = \'1d\', \'d\' = \'12h\')', 'NEST_LOOP(d)']);
    return `SELECT /*+ ${hint} */ o.id, d.name FROM orders /*+ OPTIONS('scan.startup.mode'='latest-offset', 'properties.group.id'='g2') */ AS o JOIN dim_device AS d ON o.device_id = d.id`;
  },
  'query-set-ops': (r) =>
    `${simpleQueryNoOrder(r)} ${r.pick(['UNION ALL', 'UNION', 'INTERSECT', 'EXCEPT', 'INTERSECT ALL', 'EXCEPT ALL', 'UNION DISTINCT'])} ${simpleQueryNoOrder(r)}`,
  'query-cte': (r) =>
    `WITH a AS (${simpleQueryNoOrder(r)})${r.chance(0.5) ? `, b (x, y) AS (SELECT id, name FROM a)` : ''} SELECT * FROM ${r.pick(['a', 'a JOIN a AS a2 ON a.id = a2.id'])}`,
  'query-legacy-window': (r) => {
    const w = r.pick(['TUMBLE', 'HOP', 'SESSION']);
    const args = w === 'HOP' ? "ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE" : `ts, ${windowSize(r)}`;
    return `SELECT ${w}_START(${args}) AS wstart, ${w}_END(${args}) AS wend, COUNT(*) FROM orders GROUP BY ${w}(${args}), device_id`;
  },
  'query-values': (r) =>
    r.pick([
      "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS T(id, name)",
      "VALUES (1, 'x'), (2, 'y')",
      'SELECT id FROM (VALUES (1), (2), (3)) AS t (id) WHERE id > 1',
      `SELECT * FROM (VALUES (${literal(r)}, ${literal(r)})) t(a, b)`,
    ]),
  'query-subquery': (r) =>
    `SELECT id, (SELECT MAX(price) FROM orders i WHERE i.user_id = o.user_id) AS max_price FROM orders o WHERE ${cond(r, 1, 'o')}`,
  'query-fetch-offset': (r) => `SELECT * FROM ${r.pick(SIMPLE_TABLES)} ORDER BY ts DESC ${r.pick(['OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY', 'FETCH FIRST 10 ROWS ONLY', 'LIMIT 10 OFFSET 5', 'OFFSET 3 ROWS'])}`,
  'query-comments': (r) => `-- daily pass counts\nSELECT /* city */ city, COUNT(*) AS c -- per city\nFROM ${r.pick(SIMPLE_TABLES)}\n/* only valid\n   records */ WHERE ${cond(r)}\nGROUP BY city`,
  'query-json': (r) =>
    `SELECT ${r.pick(["JSON_QUERY(payload, '$.items')", "JSON_EXISTS(payload, '$.id')", "JSON_OBJECT('k' VALUE id, 'n' VALUE name)", "JSON_ARRAY(1, 'a' NULL ON NULL)", "JSON_VALUE(payload, '$.n' RETURNING INT DEFAULT 0 ON EMPTY)", 'JSON_STRING(id)', "JSON_ARRAYAGG(name)"])} FROM ${r.pick(SIMPLE_TABLES)}`,
};

function simpleQueryNoOrder(r: Rng): string {
  return `SELECT ${selectItems(r)} FROM ${r.pick(TABLES)}${r.chance(0.5) ? ` WHERE ${cond(r)}` : ''}`;
}

function query(r: Rng): string {
  return r.pick(Object.values(QUERY_SHAPES))(r);
}

// ---- DDL -------------------------------------------------------------------------------------

function physicalColumn(r: Rng, name: string): string {
  return `${name} ${r.pick(TYPES)}${r.chance(0.15) ? ` COMMENT '${r.pick(['主键', 'device id', "it''s"])}'` : ''}`;
}

function tableElements(r: Rng): string[] {
  const names = r.some(['id', 'device_id', 'plate_no', 'speed', 'city', '`user`', 'payload', 'price', 'tags', 'attrs'], 6, 2);
  const els = names.map((n) => physicalColumn(r, n));
  els.push(`ts ${r.pick(['TIMESTAMP(3)', 'TIMESTAMP_LTZ(3)'])}`);
  if (r.chance(0.3)) els.push(`proc_time AS PROCTIME()`);
  if (r.chance(0.3)) els.push(`day_str AS DATE_FORMAT(ts, 'yyyyMMdd')${r.chance(0.3) ? " COMMENT 'partition day'" : ''}`);
  if (r.chance(0.3)) {
    els.push(
      r.pick([
        "event_time TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'",
        "`partition` BIGINT METADATA VIRTUAL",
        "`offset` BIGINT METADATA VIRTUAL",
        "headers MAP<STRING, BYTES> METADATA",
        "op_ts TIMESTAMP_LTZ(3) METADATA FROM 'value.source.timestamp' VIRTUAL",
      ]),
    );
  }
  if (r.chance(0.5)) els.push(`WATERMARK FOR ts AS ts - ${r.pick(["INTERVAL '5' SECOND", "INTERVAL '0.001' SECOND", "INTERVAL '1' MINUTE"])}`);
  else if (r.chance(0.2)) els.push('WATERMARK FOR ts AS ts');
  if (r.chance(0.4)) els.push(`${r.chance(0.3) ? 'CONSTRAINT pk_id ' : ''}PRIMARY KEY (id${r.chance(0.3) ? ', device_id' : ''}) NOT ENFORCED`);
  return els;
}

function withOptions(r: Rng): string {
  const c = r.pick(CONNECTORS);
  return `WITH (\n  ${c.slice(0, 1 + r.int(c.length)).join(',\n  ')}\n)`;
}

function createTable(r: Rng): string {
  const head = `CREATE ${r.pick(['', 'TEMPORARY '])}TABLE ${r.pick(['', 'IF NOT EXISTS '])}${r.pick(TABLES)}`;
  let sql = `${head} (\n  ${tableElements(r).join(',\n  ')}\n)`;
  if (r.chance(0.2)) sql += ` COMMENT 'ods table'`;
  if (r.chance(0.15)) sql += ` DISTRIBUTED BY HASH(id) INTO 4 BUCKETS`;
  if (r.chance(0.25)) sql += ` PARTITIONED BY (${r.pick(['day_str', 'city', 'day_str, city'])})`;
  sql += `\n${withOptions(r)}`;
  if (r.chance(0.15)) sql += ` LIKE ${r.pick(SIMPLE_TABLES)} (${r.pick(['INCLUDING ALL EXCLUDING OPTIONS', 'EXCLUDING PARTITIONS', 'OVERWRITING OPTIONS', 'INCLUDING GENERATED EXCLUDING WATERMARKS', 'EXCLUDING ALL INCLUDING OPTIONS'])})`;
  return sql;
}

const DDL: Record<string, Gen> = {
  'create-table': createTable,
  'create-table-like': (r) =>
    `CREATE TABLE ${r.pick(SIMPLE_TABLES)}_copy ${r.chance(0.5) ? `(WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) ` : ''}WITH ('scan.startup.mode' = 'earliest-offset') LIKE ${r.pick(TABLES)}${r.chance(0.5) ? ' (EXCLUDING OPTIONS)' : ''}`,
  'create-table-as': (r) =>
    `${r.pick(['CREATE TABLE', 'CREATE TABLE IF NOT EXISTS', 'CREATE OR REPLACE TABLE', 'REPLACE TABLE', 'CREATE TEMPORARY TABLE'])} ${r.pick(SIMPLE_TABLES)}_agg${r.chance(0.3) ? ' (PRIMARY KEY (city) NOT ENFORCED)' : ''}${r.chance(0.2) ? " COMMENT 'agg'" : ''} ${withOptions(r)} AS ${r.chance(0.5) ? aggQuery(r) : simpleQuery(r)}`,
  'create-view': (r) =>
    `CREATE ${r.pick(['', 'TEMPORARY '])}VIEW ${r.pick(['', 'IF NOT EXISTS '])}v_${r.pick(['orders', 'pass', 'daily'])}${r.chance(0.3) ? ' (c1, c2)' : ''}${r.chance(0.2) ? " COMMENT 'a view'" : ''} AS ${query(r)}`,
  'create-function': (r) => {
    const kind = r.pick(['', 'TEMPORARY ', 'TEMPORARY SYSTEM ']);
    const lang = r.pick(['', ' LANGUAGE JAVA', ' LANGUAGE SCALA', ' LANGUAGE PYTHON']);
    const using = !lang.includes('PYTHON') && r.chance(0.5) ? ` USING JAR ${r.pick(JARS)}${r.chance(0.3) ? `, JAR ${r.pick(JARS)}` : ''}` : '';
    const name = kind.includes('SYSTEM') ? r.pick(['my_udf', 'parse_plate', '`ip-to-city`']) : r.pick(FUNCS);
    return `CREATE ${kind}FUNCTION ${r.pick(['', 'IF NOT EXISTS '])}${name} AS ${r.pick(CLASSES)}${lang}${using}`;
  },
  'create-catalog': (r) =>
    `CREATE CATALOG ${r.pick(['', 'IF NOT EXISTS '])}${r.pick(['hive', 'my_jdbc', '`pg-cat`'])}${r.chance(0.3) ? " COMMENT 'the hive catalog'" : ''} WITH (${r.pick(["'type' = 'hive', 'hive-conf-dir' = '/etc/hive/conf'", "'type' = 'jdbc', 'base-url' = 'jdbc:postgresql://pg:5432', 'default-database' = 'app'", "'type' = 'generic_in_memory'"])})`,
  'create-database': (r) =>
    `CREATE DATABASE ${r.pick(['', 'IF NOT EXISTS '])}${r.pick(['ods', 'hive.dwd', '`dw-db`'])}${r.chance(0.4) ? " COMMENT 'ods layer'" : ''}${r.chance(0.4) ? " WITH ('k1' = 'v1')" : ''}`,
  'create-materialized-table': (r) =>
    `CREATE MATERIALIZED TABLE ${r.pick(['mt_orders', 'dws.mt_pass'])}${r.chance(0.3) ? ' (CONSTRAINT pk PRIMARY KEY (city) NOT ENFORCED)' : ''}${r.chance(0.3) ? " COMMENT 'daily'" : ''}${r.chance(0.3) ? ' PARTITIONED BY (ds)' : ''}${r.chance(0.4) ? " WITH ('format' = 'json', 'partition.fields.ds.date-formatter' = 'yyyy-MM-dd')" : ''} FRESHNESS = ${r.pick(["INTERVAL '3' MINUTE", "INTERVAL '1' HOUR", "INTERVAL '1' DAY", "INTERVAL '30' SECOND"])}${r.pick(['', ' REFRESH_MODE = FULL', ' REFRESH_MODE = CONTINUOUS'])} AS SELECT city, DATE_FORMAT(ts, 'yyyy-MM-dd') AS ds, COUNT(*) AS cnt FROM orders GROUP BY city, DATE_FORMAT(ts, 'yyyy-MM-dd')`,
  'alter-materialized-table': (r) =>
    `ALTER MATERIALIZED TABLE ${r.pick(['mt_orders', 'dws.mt_pass'])} ${r.pick(['SUSPEND', 'RESUME', "RESUME WITH ('sink.parallelism' = '10')", 'REFRESH', "REFRESH PARTITION (ds = '2024-06-01')"])}`,
  'drop-materialized-table': (r) => `DROP MATERIALIZED TABLE ${r.pick(['', 'IF EXISTS '])}${r.pick(['mt_orders', 'dws.mt_pass'])}`,
  'alter-table': (r) => {
    const t = `ALTER TABLE ${r.pick(['', 'IF EXISTS '])}${r.pick(TABLES)}`;
    switch (r.int(16)) {
      case 0: return `${t} ADD ${physicalColumn(r, 'new_col')}${r.pick(['', ' FIRST', ' AFTER id'])}`;
      case 1: return `${t} ADD (${physicalColumn(r, 'c1')}, ${physicalColumn(r, 'c2')} AFTER c1, c3 AS c1 + 1)`;
      case 2: return `${t} ADD PRIMARY KEY (id) NOT ENFORCED`;
      case 3: return `${t} ADD WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE`;
      case 4: return `${t} MODIFY ${physicalColumn(r, 'price')}${r.pick(['', ' FIRST', ' AFTER id'])}`;
      case 5: return `${t} MODIFY (${physicalColumn(r, 'price')}, WATERMARK FOR ts AS ts)`;
      case 6: return `${t} MODIFY PRIMARY KEY (id, device_id) NOT ENFORCED`;
      case 7: return `${t} DROP ${r.pick(['city', '(city, status)', '`user`'])}`;
      case 8: return `${t} DROP ${r.pick(['PRIMARY KEY', 'WATERMARK', 'CONSTRAINT pk_id'])}`;
      case 9: return `${t} RENAME ${r.pick(['city', '`user`'])} TO ${r.pick(['city_name', 'user_name'])}`;
      case 10: return `${t} RENAME TO ${r.pick(['orders_v2', 'db1.orders_bak'])}`;
      case 11: return `${t} SET (${r.pick(["'scan.startup.mode' = 'earliest-offset'", "'sink.parallelism' = '4', 'format' = 'csv'"])})`;
      case 12: return `${t} RESET (${r.pick(["'scan.startup.mode'", "'k1', 'k2'"])})`;
      case 13: return `${t} ADD DISTRIBUTION BY HASH(id) INTO 8 BUCKETS`;
      case 14: return `${t} DROP DISTRIBUTION`;
      default: return `${t} ${r.pick(['COMPACT', "PARTITION (day_str = '20240601') COMPACT"])}`;
    }
  },
  'alter-other': (r) =>
    r.pick([
      `ALTER VIEW v_orders RENAME TO v_orders2`,
      `ALTER VIEW ${r.pick(['v_orders', 'ods.v1'])} AS ${simpleQuery(r)}`,
      `ALTER DATABASE ${r.pick(['ods', 'hive.dwd'])} SET ('k1' = 'v1')`,
      `ALTER ${r.pick(['', 'TEMPORARY ', 'TEMPORARY SYSTEM '])}FUNCTION ${r.pick(['', 'IF EXISTS '])}my_udf AS ${r.pick(CLASSES)}${r.pick(['', ' LANGUAGE JAVA'])}`,
      `ALTER CATALOG ${r.pick(['hive', 'my_jdbc'])} SET ('default-database' = 'dw')`,
      `ALTER CATALOG ${r.pick(['hive', 'my_jdbc'])} RESET ('default-database')`,
      `ALTER CATALOG hive COMMENT 'production hive'`,
    ]),
  'drop': (r) =>
    r.pick([
      `DROP ${r.pick(['', 'TEMPORARY '])}TABLE ${r.pick(['', 'IF EXISTS '])}${r.pick(TABLES)}`,
      `DROP ${r.pick(['', 'TEMPORARY '])}VIEW ${r.pick(['', 'IF EXISTS '])}v_orders`,
      `DROP ${r.pick(['', 'TEMPORARY ', 'TEMPORARY SYSTEM '])}FUNCTION ${r.pick(['', 'IF EXISTS '])}my_udf`,
      `DROP CATALOG ${r.pick(['', 'IF EXISTS '])}hive`,
      `DROP DATABASE ${r.pick(['', 'IF EXISTS '])}${r.pick(['ods', 'hive.dwd'])}${r.pick(['', ' RESTRICT', ' CASCADE'])}`,
    ]),
};

// ---- DML, statement sets, commands -----------------------------------------------------------

function insert(r: Rng): string {
  const target = r.pick(TABLES);
  const verb = r.pick(['INSERT INTO', 'INSERT INTO', 'INSERT OVERWRITE']);
  const hint = r.chance(0.1) ? " /*+ OPTIONS('sink.parallelism'='2') */" : '';
  const partition = r.chance(0.25) ? ` PARTITION (${r.pick(["day_str = '20240601'", "day_str = '20240601', city = 'hz'", 'dt = 1'])})` : '';
  const cols = r.chance(0.25) ? ` (${r.some(['id', 'name', 'city', 'ts'], 3).join(', ')})` : '';
  const body = r.chance(0.2) ? `VALUES (${literal(r)}, ${literal(r)}), (${literal(r)}, ${literal(r)})` : query(r);
  return `${verb} ${target}${hint}${partition}${cols}\n${body}`;
}

const DML: Record<string, Gen> = {
  'insert': insert,
  'statement-set': (r) => {
    const head = r.pick(['EXECUTE STATEMENT SET BEGIN', 'EXPLAIN STATEMENT SET BEGIN', 'EXECUTE STATEMENT SET\nBEGIN']);
    const n = 1 + r.int(3);
    const body = Array.from({ length: n }, () => `${insert(r)};`).join('\n');
    return `${head}\n${body}\nEND`;
  },
  'begin-end': (r) => r.pick(['BEGIN STATEMENT SET', 'END']),
  'execute': (r) => `EXECUTE ${r.chance(0.5) ? insert(r) : simpleQuery(r)}`,
  'delete': (r) => `DELETE FROM ${r.pick(TABLES)}${r.chance(0.8) ? ` WHERE ${cond(r)}` : ''}`,
  'update': (r) => `UPDATE ${r.pick(TABLES)} SET ${r.pick(['status', 'price'])} = ${expr(r)}${r.chance(0.4) ? `, name = 'x'` : ''}${r.chance(0.8) ? ` WHERE ${cond(r)}` : ''}`,
  'truncate': (r) => `TRUNCATE TABLE ${r.pick(TABLES)}`,
  'analyze': (r) =>
    `ANALYZE TABLE ${r.pick(TABLES)}${r.chance(0.3) ? ` PARTITION (${r.pick(["day_str = '20240601'", 'day_str', "day_str = '1', city"])})` : ''} COMPUTE STATISTICS${r.pick(['', ' FOR COLUMNS id, city', ' FOR ALL COLUMNS'])}`,
  'set': (r) => (r.chance(0.55) ? `SET ${r.pick(KEYS)} = ${r.pick(VALUES)}` : r.chance(0.8) ? `SET ${r.pick(UNQUOTED_SETS)}` : 'SET'),
  'reset': (r) => r.pick(['RESET', `RESET ${r.pick(KEYS)}`, 'RESET parallelism.default', 'RESET table.exec.state.ttl']),
  'jar': (r) => `${r.pick(['ADD JAR', 'REMOVE JAR'])} ${r.pick(JARS)}`,
  'show': (r) =>
    r.pick([
      'SHOW CATALOGS', 'SHOW CURRENT CATALOG', 'SHOW DATABASES', 'SHOW CURRENT DATABASE', 'SHOW TABLES', 'SHOW VIEWS',
      'SHOW FUNCTIONS', 'SHOW USER FUNCTIONS', 'SHOW MODULES', 'SHOW FULL MODULES', 'SHOW JOBS', 'SHOW JARS',
      `SHOW CREATE TABLE ${r.pick(TABLES)}`, 'SHOW CREATE VIEW v_orders', 'SHOW CREATE CATALOG hive',
      `SHOW TABLES ${r.pick(['FROM', 'IN'])} ${r.pick(['ods', 'hive.dwd'])}${r.pick(['', " LIKE 'ord%'", " NOT LIKE 'tmp%'"])}`,
      `SHOW ${r.pick(['', 'USER '])}FUNCTIONS ${r.pick(['FROM', 'IN'])} ods${r.pick(['', " LIKE 'my%'"])}`,
      `SHOW DATABASES ${r.pick(['FROM', 'IN'])} hive${r.pick(['', " LIKE 'd%'"])}`,
      `SHOW COLUMNS ${r.pick(['FROM', 'IN'])} ${r.pick(TABLES)}${r.pick(['', " LIKE '%id'", " NOT LIKE 'a%'"])}`,
      `SHOW PROCEDURES${r.pick(['', ' FROM sys', " IN hive.sys LIKE 'comp%'"])}`, `SHOW PARTITIONS ${r.pick(TABLES)}${r.pick(['', " PARTITION (day_str = '20240601')"])}`,
    ]),
  'describe': (r) =>
    r.pick([
      `${r.pick(['DESCRIBE', 'DESC'])} ${r.pick(TABLES)}`, `DESCRIBE EXTENDED ${r.pick(SIMPLE_TABLES)}`, `DESCRIBE CATALOG ${r.pick(['', 'EXTENDED '])}hive`,
      `DESCRIBE JOB ${r.pick(JOB_IDS)}`,
    ]),
  'explain': (r) => {
    const details = r.some(['ESTIMATED_COST', 'CHANGELOG_MODE', 'JSON_EXECUTION_PLAN', 'PLAN_ADVICE'], 3);
    const head = r.pick(['EXPLAIN', 'EXPLAIN PLAN FOR', `EXPLAIN ${details.join(', ')}`, 'EXPLAIN ESTIMATED_COST', 'EXPLAIN CHANGELOG_MODE', 'EXPLAIN JSON_EXECUTION_PLAN']);
    return `${head} ${r.chance(0.3) ? insert(r) : query(r)}`;
  },
  'use': (r) => r.pick([`USE CATALOG ${r.pick(['hive', 'default_catalog', '`pg-cat`'])}`, `USE ${r.pick(['ods', 'hive.dwd', '`dw-db`'])}`, `USE MODULES ${r.pick(['core', 'hive, core', 'core, hive'])}`]),
  'module': (r) =>
    r.pick([`LOAD MODULE ${r.pick(['hive', 'core', 'dummy'])}${r.chance(0.5) ? " WITH ('hive-version' = '3.1.2')" : ''}`, `UNLOAD MODULE ${r.pick(['hive', 'dummy'])}`]),
  'call': (r) => `CALL ${r.pick(['sys.compact', 'paimon.sys.rollback_to', 'hive.sys.migrate'])}(${r.pick(["'db.tbl'", "'db.tbl', 5", ''])})`,
  'stop-job': (r) => `STOP JOB ${r.pick(JOB_IDS)}${r.pick(['', ' WITH SAVEPOINT', ' WITH SAVEPOINT WITH DRAIN'])}`,
  'client-command': (r) => r.pick(['HELP', 'QUIT', 'EXIT', 'CLEAR']),
};

/**
 * Near misses: forms a Flink user plausibly writes that the 1.20 grammar does not have (other
 * dialects, other Flink versions, conformance rules). Flink labels them like everything else;
 * they are here so the invalid side is not left to random mutations alone.
 */
const NEAR_MISSES: readonly string[] = [
  "SELECT * FROM orders WHERE status != 'ok'",
  'INSERT INTO TABLE orders SELECT * FROM kafka_src',
  'INSERT OVERWRITE TABLE orders SELECT * FROM kafka_src',
  'STATEMENT SET BEGIN INSERT INTO orders SELECT * FROM kafka_src; END',
  'EXECUTE STATEMENT SET BEGIN END',
  "EXECUTE STATEMENT SET BEGIN SELECT * FROM orders; END",
  "STOP JOB '228d70913eab60dda85c5e7f78b5782c' WITH DRAIN",
  'CREATE TABLE t (a INTERVAL DAY TO SECOND(3))',
  'CREATE TABLE t (a INTERVAL YEAR TO MONTH)',
  'CREATE TABLE t (a INT NULL NOT NULL PRIMARY)',
  'SHOW VIEWS FROM ods',
  "SHOW CATALOGS LIKE 'h%'",
  "SHOW TABLES ILIKE 'ORD%'",
  'SHOW MATERIALIZED TABLES',
  'DESC FUNCTION my_udf',
  'DESCRIBE DATABASE ods',
  "CALL sys.compact(table => 'db.tbl')",
  'SELECT "id" FROM orders',
  "CREATE TABLE t (id INT) WITH ('connector' = 'print',)",
  "CREATE TABLE t (id INT,) WITH ('connector' = 'print')",
  "CREATE TABLE t (id INT) WITH ('connector' 'print')",
  "CREATE TABLE t (id INT) WITH (connector = 'print')",
  "CREATE TABLE t (id INT) WITH ('parallelism' = 4)",
  'CREATE TABLE t (id INT, PRIMARY KEY (id))',
  "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK ts AS ts)",
  'SELECT * FROM orders LIMIT 10, 20',
  'SELECT TOP 10 * FROM orders',
  'SELECT * FROM orders o JOIN dim_device FOR SYSTEM_TIME AS OF PROCTIME() d ON o.id = d.id',
  'SELECT id FROM orders GROUP BY',
  'SELECT id, FROM orders',
  'SELECT * FROM orders WHERE',
  "SET 'a' = ",
  "SET 'a'",
  'CREATE VIEW v AS',
  'DROP TABLE',
  'ALTER TABLE t',
  'USE',
  'CREATE FUNCTION f AS com.example.F',
  "CREATE FUNCTION f AS 'com.example.F' USING JAR",
  "CREATE FUNCTION f AS 'com.example.F' LANGUAGE GO",
  "ADD JAR /opt/udf.jar",
  'SHOW JOB',
  "STOP JOB 228d70913eab60dda85c5e7f78b5782c",
  "CREATE MATERIALIZED TABLE mt FRESHNESS = '1 h' AS SELECT * FROM orders",
  'CREATE MATERIALIZED TABLE mt AS SELECT * FROM orders',
  'TRUNCATE orders',
  'ANALYZE TABLE orders',
  'UPDATE orders SET WHERE id = 1',
  'DELETE orders WHERE id = 1',
  'EXPLAIN PLAN SELECT 1',
  'EXPLAIN FOO SELECT 1',
  'LOAD MODULE',
  "SELECT CAST(id AS VARCHAR(10) FROM orders",
  "SELECT id FROM orders WHERE ts > INTERVAL 1 HOUR",
  "SELECT * FROM TABLE(TUMBLE(orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))",
  'SELECT * FROM orders MATCH_RECOGNIZE (PATTERN (A) DEFINE A AS TRUE)',
  'WITH a AS SELECT 1 SELECT * FROM a',
  'SELECT 1 UNION SELECT',
  'CREATE TEMPORARY SYSTEM TABLE t (a INT)',
  'CREATE OR REPLACE VIEW v AS SELECT 1',
  'CREATE TABLE IF EXISTS t (a INT)',
  'DROP TABLE IF NOT EXISTS t',
  'ALTER TABLE t ADD COLUMN c INT',
  'ALTER TABLE t ALTER COLUMN c TYPE INT',
  'ALTER TABLE t RENAME COLUMN a TO b',
  'ALTER TABLE t DROP COLUMN c',
  "SELECT * FROM orders /*+ OPTIONS('a'='b' */",
  "SELECT /*+ */ * FROM orders",
  'REPLACE TABLE t AS SELECT 1',
  'CREATE DATABASE',
  'SHOW CREATE FUNCTION f',
  'EXPLAIN EXECUTE STATEMENT SET BEGIN INSERT INTO orders SELECT * FROM kafka_src; END',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
];

/**
 * Edges of the grammar where Weir and Flink once disagreed (issue 9): the count of LIMIT / OFFSET /
 * FETCH, their order, DISTINCT or ALL without an argument, a bare query as a call's argument,
 * keyword-named functions with their own argument rules, table function calls in TABLE(...),
 * and `*` where Flink takes none. All of them, every run.
 */
const GRAMMAR_EDGES: readonly string[] = [
  'SELECT t.* FROM t',
  'SELECT a, * FROM t',
  'SELECT *, a FROM t',
  'SELECT * FROM t WHERE t.* = 1',
  'SELECT f(t.*) FROM t',
  'SELECT count(t.*) FROM t',
  'SELECT count(*) FROM t',
  'SELECT count(DISTINCT *) FROM t',
  'SELECT count(ALL *) FROM t',
  'SELECT * FROM t GROUP BY t.*',
  'SELECT * FROM t ORDER BY t.*',
  'SELECT f(x).* FROM t',
  'SELECT (a).* FROM t',
  'SELECT a[1].* FROM t',
  'SELECT a.b.* FROM t',
  'SELECT * FROM t WHERE a IN (t.*)',
  'SELECT CASE WHEN a THEN t.* END FROM t',
  'SELECT t.* + 1 FROM t',
  'SELECT t.* AS x FROM t',
  'SELECT ROW(t.*) FROM t',
  'SELECT * FROM t JOIN s ON t.* = s.*',
  'SELECT MAX(DISTINCT) FROM t',
  'SELECT COUNT(ALL) FROM t',
  'SELECT * FROM t WHERE a (SELECT d FROM r)',
  'SELECT f(SELECT 1) FROM t',
  'SELECT f(SELECT 1, 2) FROM t',
  'SELECT f(WITH x AS (SELECT 1) SELECT * FROM x) FROM t',
  'SELECT f(VALUES 1) FROM t',
  'SELECT f(a, SELECT 1) FROM t',
  'SELECT f(DISTINCT SELECT 1) FROM t',
  'SELECT * FROM t FETCH NEXT ROWS ONLY',
  'SELECT * FROM t LIMIT 1.5',
  'SELECT * FROM t LIMIT 1e3',
  'SELECT * FROM t OFFSET 1 + 1 ROWS',
  'SELECT * FROM t OFFSET ? ROWS',
  'SELECT * FROM t ORDER BY a LIMIT ? OFFSET ?',
  'SELECT * FROM t LIMIT ALL OFFSET 3',
  'SELECT * FROM t FETCH FIRST ? ROWS ONLY',
  'SELECT * FROM t LIMIT 5 FETCH FIRST 5 ROWS ONLY',
  'SELECT * FROM t OFFSET 2 ROWS LIMIT 3',
  'SELECT * FROM t OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY',
  'SELECT * FROM t LIMIT 3 OFFSET 2 FETCH NEXT 3 ROWS ONLY',
  'SELECT * FROM t FETCH NEXT 3 ROWS ONLY OFFSET 2',
  'SELECT * FROM t OFFSET 2 LIMIT 3 OFFSET 4',
  'SELECT a.* FROM t',
  'SELECT count(DISTINCT a, b) FROM t',
  'SELECT f() FROM t',
  'SELECT f(ALL a) FROM t',
  'SELECT f((SELECT 1), 2) FROM t',
  'SELECT x.a.* FROM t AS x',
  'SELECT * FROM t WHERE EXISTS (SELECT 1)',
  'SELECT * FROM t WHERE a IN (SELECT 1)',
  'SELECT ARRAY(SELECT 1) FROM t',
  'SELECT MAP(SELECT 1, 2) FROM t',
  'SELECT ROW(SELECT 1) FROM t',
  'SELECT CAST(SELECT 1 AS INT) FROM t',
  'SELECT f(SELECT 1) OVER (ORDER BY a) FROM t',
  'SELECT * FROM TABLE(f(SELECT 1))',
  'SELECT * FROM LATERAL TABLE(f(SELECT 1))',
  'SELECT f(SELECT a FROM r ORDER BY a LIMIT 1) FROM t',
  'SELECT f(SELECT a FROM r UNION SELECT b FROM s) FROM t',
  'SELECT f(SELECT a FROM r PARTITION BY a) FROM t',
  'SELECT f(a => SELECT 1) FROM t',
  'SELECT LAST(SELECT 1) FROM t',
  'SELECT FIRST(SELECT 1) FROM t',
  'SELECT PREV(SELECT 1) FROM t',
  'SELECT * FROM ticker MATCH_RECOGNIZE (ORDER BY ts MEASURES AVG(B.price) AS avg_price PATTERN (A B) DEFINE B AS f(SELECT 1) > 1) AS T',
  'SELECT * FROM ticker MATCH_RECOGNIZE (ORDER BY ts MEASURES f(SELECT 1) AS avg_price PATTERN (A B) DEFINE B AS B.p > 1) AS T',
  'SELECT * FROM ticker MATCH_RECOGNIZE (ORDER BY ts MEASURES AVG(B.price) AS avg_price PATTERN (A B) DEFINE B AS LAST(SELECT 1) > 1) AS T',
  'SELECT * FROM ticker MATCH_RECOGNIZE (ORDER BY ts MEASURES AVG(B.price) AS avg_price PATTERN (A B) DEFINE B AS B.p > (SELECT 1)) AS T',
  'SELECT * FROM t WHERE f(SELECT 1) > 1',
  'SELECT * FROM t GROUP BY f(SELECT 1)',
  'SELECT * FROM t ORDER BY f(SELECT 1)',
  'SELECT f(g(SELECT 1)) FROM t',
  'INSERT INTO s VALUES (f(SELECT 1))',
  'SELECT * FROM t JOIN s ON f(SELECT 1)',
  'SELECT CASE WHEN f(SELECT 1) THEN 1 END FROM t',
  'SELECT * FROM t WHERE a IN (f(SELECT 1))',
  'SELECT * FROM t WHERE a BETWEEN f(SELECT 1) AND 2',
  'SELECT f(SELECT 1) FILTER (WHERE a) FROM t',
  'SELECT * FROM t GROUP BY a HAVING f(SELECT 1) > 0',
  'SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL \'1\' MINUTE)) WHERE f(SELECT 1)',
  'SELECT CAST(f(SELECT 1) AS INT) FROM t',
  'SELECT ARRAY[f(SELECT 1)] FROM t',
  'SELECT ABS(SELECT 1) FROM t',
  'SELECT UPPER(SELECT 1) FROM t',
  'SELECT LOWER(SELECT 1) FROM t',
  'SELECT COUNT(SELECT 1) FROM t',
  'SELECT SUM(SELECT 1) FROM t',
  'SELECT AVG(SELECT 1) FROM t',
  'SELECT MIN(SELECT 1) FROM t',
  'SELECT MAX(SELECT 1) FROM t',
  'SELECT CLASSIFIER(SELECT 1) FROM t',
  'SELECT MATCH_NUMBER(SELECT 1) FROM t',
  'SELECT RUNNING(SELECT 1) FROM t',
  'SELECT FINAL(SELECT 1) FROM t',
  'SELECT NEXT(SELECT 1) FROM t',
  'SELECT CHAR_LENGTH(SELECT 1) FROM t',
  'SELECT CARDINALITY(SELECT 1) FROM t',
  'SELECT ELEMENT(SELECT 1) FROM t',
  'SELECT COALESCE(SELECT 1) FROM t',
  'SELECT NULLIF(SELECT 1) FROM t',
  'SELECT CURRENT_DATE(SELECT 1) FROM t',
  'SELECT LN(SELECT 1) FROM t',
  'SELECT EXP(SELECT 1) FROM t',
  'SELECT POWER(SELECT 1) FROM t',
  'SELECT MOD(SELECT 1) FROM t',
  'SELECT SQRT(SELECT 1) FROM t',
  'SELECT RANK(SELECT 1) FROM t',
  'SELECT ROW_NUMBER(SELECT 1) FROM t',
  'SELECT LAG(SELECT 1) FROM t',
  'SELECT LEAD(SELECT 1) FROM t',
  'SELECT FIRST_VALUE(SELECT 1) FROM t',
  'SELECT LAST_VALUE(SELECT 1) FROM t',
  'SELECT NTILE(SELECT 1) FROM t',
  'SELECT JSON_VALUE(SELECT 1) FROM t',
  'SELECT JSON_OBJECT(SELECT 1) FROM t',
  'SELECT TRUNCATE(SELECT 1) FROM t',
  'SELECT CEIL(SELECT 1) FROM t',
  'SELECT FLOOR(SELECT 1) FROM t',
  'SELECT SUBSTRING(SELECT 1) FROM t',
  'SELECT GROUPING(SELECT 1) FROM t',
  'SELECT HOP(SELECT 1) FROM t',
  'SELECT TUMBLE(SELECT 1) FROM t',
  'SELECT SESSION(SELECT 1) FROM t',
  'SELECT CUMULATE(SELECT 1) FROM t',
  'SELECT MAP(SELECT 1) FROM t',
  'SELECT MULTISET(SELECT 1) FROM t',
  'SELECT COLLECT(SELECT 1) FROM t',
  'SELECT FUSION(SELECT 1) FROM t',
  'SELECT STDDEV_POP(SELECT 1) FROM t',
  'SELECT VAR_POP(SELECT 1) FROM t',
  'SELECT LISTAGG(SELECT 1) FROM t',
  'SELECT EVERY(SELECT 1) FROM t',
  'SELECT SOME(SELECT 1) FROM t',
  'SELECT ANY(SELECT 1) FROM t',
  'SELECT ALL(SELECT 1) FROM t',
  'SELECT LOCALTIME(SELECT 1) FROM t',
  'SELECT CURRENT_TIMESTAMP(SELECT 1) FROM t',
  'SELECT USER(SELECT 1) FROM t',
  'SELECT SYSTEM_USER(SELECT 1) FROM t',
  'SELECT PERCENTILE_CONT(SELECT 1) FROM t',
  'SELECT ANY(1) FROM t',
  'SELECT SYSTEM_USER(1) FROM t',
  'SELECT SYSTEM_USER() FROM t',
  'SELECT CLASSIFIER(1) FROM t',
  'SELECT CLASSIFIER() FROM t',
  'SELECT MATCH_NUMBER(a) FROM t',
  'SELECT SOME(1) FROM t',
  'SELECT USER(1) FROM t',
  'SELECT CURRENT_DATE(1) FROM t',
  'SELECT LOCALTIME(1) FROM t',
  'SELECT LAST(a, 1) FROM t',
  'SELECT ALL(1) FROM t',
  'SELECT `LAST`(SELECT 1) FROM t',
  'SELECT t.*.a FROM t',
  'SELECT * FROM t WHERE *',
  'SELECT DISTINCT * FROM t',
  'SELECT ALL * FROM t',
  'SELECT * FROM t GROUP BY *',
  'SELECT *.a FROM t',
  'SELECT * AS x FROM t',
  'SELECT 1 + * FROM t',
  'SELECT * * 2 FROM t',
  'SELECT a FROM t ORDER BY *',
  'SELECT (*) FROM t',
  'SELECT ROW(*) FROM t',
  'SELECT f(t.*, a) FROM t',
  'SELECT count(t.*, a) FROM t',
  'SELECT count(DISTINCT t.*) FROM t',
  'SELECT * FROM t, LATERAL TABLE(f(*))',
  'SELECT a FROM t WHERE a IN (*)',
  'SELECT CASE * WHEN 1 THEN 2 END FROM t',
  'SELECT CAST(* AS INT) FROM t',
  'SELECT x.y.z.* FROM t',
  'SELECT `t`.* FROM t',
  'SELECT t.`*` FROM t',
  'SELECT * FROM (SELECT *) AS s',
  'SELECT ARRAY[*] FROM t',
  'SELECT t.* FROM t GROUP BY t.*',
  'SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.* AS x PATTERN (A) DEFINE A AS TRUE)',
  'SELECT f(*) OVER (ORDER BY a) FROM t',
  'SELECT count(*) FILTER (WHERE a) FROM t',
  'SELECT JSON_OBJECT(*) FROM t',
  'SELECT * FROM t WHERE EXISTS (SELECT * FROM s)',
  'SELECT * FROM TABLE(f(*))',
  'SELECT * FROM TABLE(f(DISTINCT a))',
  'SELECT * FROM TABLE(f())',
  'SELECT * FROM LATERAL TABLE(f(a => 1))',
  'SELECT * FROM TABLE(f(a) OVER (ORDER BY a))',
  'SELECT * FROM TABLE(f(a) FILTER (WHERE a))',
];

/** Families and how many distinct statements each contributes (more where the grammar is wide). */
const FAMILIES: readonly (readonly [string, Gen, number])[] = [
  ...Object.entries(QUERY_SHAPES).map(([name, gen]) => [name, gen, 70] as const),
  ...Object.entries(DDL).map(([name, gen]) => [name, gen, name === 'create-table' ? 260 : name === 'alter-table' ? 200 : 60] as const),
  ...Object.entries(DML).map(([name, gen]) => [name, gen, name === 'insert' ? 160 : name === 'statement-set' ? 80 : 50] as const),
  ['near-miss', (r: Rng) => r.pick(NEAR_MISSES), NEAR_MISSES.length],
  ['grammar-edge', (() => {
    let next = 0;
    return () => GRAMMAR_EDGES[next++ % GRAMMAR_EDGES.length]!;
  })(), GRAMMAR_EDGES.length],
];

/** A few thousand distinct statements; the same for a given seed. */
export function generateVariants(r: Rng): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>();
  for (const [family, gen, target] of FAMILIES) {
    let made = 0;
    // families with few distinct forms stop at their natural size
    for (let attempt = 0; made < target && attempt < target * 6; attempt++) {
      const sql = gen(r);
      if (seen.has(sql)) continue;
      seen.add(sql);
      out.push({ family, sql });
      made++;
    }
  }
  return out;
}
