import { describe, expect, it } from 'vitest';
import { formatRange, formatScript } from './formatter.js';

/** Golden outputs: small, one layout rule each. */
const fmt = (sql: string, options?: Parameters<typeof formatScript>[1]) => formatScript(sql, options).text;

describe('formatScript: layout', () => {
  it('puts one clause per line and upper-cases keywords, not names', () => {
    expect(fmt('select a, b from t where a > 1 group by a, b having count(*) > 1 order by a desc limit 10;')).toBe(
      'SELECT a, b\nFROM t\nWHERE a > 1\nGROUP BY a, b\nHAVING count(*) > 1\nORDER BY a DESC\nLIMIT 10;',
    );
  });

  it('lists select items one per line when they do not fit', () => {
    const long = 'select very_long_column_name_number_one, very_long_column_name_number_two, very_long_column_name_number_three from t;';
    expect(fmt(long)).toBe(
      'SELECT\n  very_long_column_name_number_one,\n  very_long_column_name_number_two,\n  very_long_column_name_number_three\nFROM t;',
    );
    expect(fmt(long, { lineWidth: 200 })).toBe(
      'SELECT very_long_column_name_number_one, very_long_column_name_number_two, very_long_column_name_number_three\nFROM t;',
    );
  });

  it('breaks long AND chains before each AND', () => {
    expect(fmt('select a from t where aaaaaaaaaaaaaaaa = 1 and bbbbbbbbbbbbbbbbbbbb = 2 and cccccccccccccccccccc = 3;', { lineWidth: 40 })).toBe(
      'SELECT a\nFROM t\nWHERE aaaaaaaaaaaaaaaa = 1\n  AND bbbbbbbbbbbbbbbbbbbb = 2\n  AND cccccccccccccccccccc = 3;',
    );
  });

  it('puts JOIN on its own line and ON below it', () => {
    expect(fmt('select * from o left join d for system_time as of o.pt as d on o.id = d.id join c on c.k = o.k;')).toBe(
      'SELECT *\nFROM o\nLEFT JOIN d FOR SYSTEM_TIME AS OF o.pt AS d\n  ON o.id = d.id\nJOIN c\n  ON c.k = o.k;',
    );
  });

  it('lays CREATE TABLE out with a column per line and a WITH option per line', () => {
    const sql =
      "create table t (id bigint, ts timestamp(3), tags array<string>, m map<string, int>, pt as proctime(), off bigint metadata from 'offset' virtual, watermark for ts as ts - interval '5' second, primary key (id) not enforced) partitioned by (id) with ('connector'='kafka','topic'='x');";
    expect(fmt(sql)).toBe(
      [
        'CREATE TABLE t (',
        '  id BIGINT,',
        '  ts TIMESTAMP(3),',
        '  tags ARRAY<STRING>,',
        '  m MAP<STRING, INT>,',
        '  pt AS proctime(),',
        "  off BIGINT METADATA FROM 'offset' VIRTUAL,",
        "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,",
        '  PRIMARY KEY (id) NOT ENFORCED',
        ') PARTITIONED BY (id)',
        'WITH (',
        "  'connector' = 'kafka',",
        "  'topic' = 'x'",
        ');',
      ].join('\n'),
    );
  });

  it('keeps window TVFs on one line when they fit', () => {
    expect(fmt("select window_start, count(*) from table(tumble(table t, descriptor(ts), interval '1' minute)) group by window_start;")).toBe(
      "SELECT window_start, count(*)\nFROM TABLE(tumble(TABLE t, descriptor(ts), INTERVAL '1' MINUTE))\nGROUP BY window_start;",
    );
  });

  it('puts each WHEN of a CASE on its own line', () => {
    expect(fmt("select case when a = 1 then 'x' when a = 2 then 'y' else 'z' end as c from t;")).toBe(
      "SELECT\n  CASE\n    WHEN a = 1 THEN 'x'\n    WHEN a = 2 THEN 'y'\n    ELSE 'z'\n  END AS c\nFROM t;",
    );
  });

  it('indents subqueries and CTEs', () => {
    expect(fmt('with a as (select x from t where y = 1) select * from a where x in (select x from u);')).toBe(
      'WITH a AS (\n  SELECT x\n  FROM t\n  WHERE y = 1\n)\nSELECT *\nFROM a\nWHERE x IN (\n  SELECT x\n  FROM u\n);',
    );
  });

  it('indents the INSERTs of a statement set', () => {
    expect(fmt('begin statement set; insert into a select * from b; insert into c values (1); end;')).toBe(
      'BEGIN STATEMENT SET;\n  INSERT INTO a\n  SELECT *\n  FROM b;\n  INSERT INTO c\n  VALUES (1);\nEND;',
    );
    expect(fmt('execute statement set begin insert into a select * from b; end;')).toBe('EXECUTE STATEMENT SET BEGIN\n  INSERT INTO a\n  SELECT *\n  FROM b;\nEND;');
  });

  it('lays out MATCH_RECOGNIZE one clause per line', () => {
    expect(
      fmt('select * from t match_recognize (partition by k order by ts measures A.x as ax, B.y as by1 one row per match pattern (A B+) define B as B.y > A.x) mr;'),
    ).toBe(
      'SELECT *\nFROM t MATCH_RECOGNIZE (\n  PARTITION BY k\n  ORDER BY ts\n  MEASURES\n    A.x AS ax,\n    B.y AS by1\n  ONE ROW PER MATCH\n  PATTERN (A B+)\n  DEFINE\n    B AS B.y > A.x\n) mr;',
    );
  });

  it('prints views and CTAS with the query below', () => {
    expect(fmt('create view v as select a from t;')).toBe('CREATE VIEW v AS\nSELECT a\nFROM t;');
    expect(fmt("create table t2 with ('connector' = 'blackhole') as select * from t;")).toBe(
      "CREATE TABLE t2 WITH (\n  'connector' = 'blackhole'\n)\nAS\nSELECT *\nFROM t;",
    );
  });

  it('supports lower-case keywords and keeping them as written', () => {
    expect(fmt('SELECT a FROM t Where b = 1;', { keywordCase: 'lower' })).toBe('select a\nfrom t\nwhere b = 1;');
    expect(fmt('SELECT a FROM t Where b = 1;', { keywordCase: 'preserve' })).toBe('SELECT a\nFROM t\nWhere b = 1;');
    expect(fmt('select a,\nb from t;', { indent: 4, lineWidth: 20 })).toBe('SELECT a, b\nFROM t;');
  });
});

describe('formatScript: text kept exactly', () => {
  it('prints names, strings and numbers as written', () => {
    expect(fmt("select `My Col`, t.`value`, 'It''s', 1.50e3, X'0A', -x, - -1 from `db`.T;")).toBe(
      "SELECT `My Col`, t.`value`, 'It''s', 1.50e3, X'0A', -x, - -1\nFROM `db`.T;",
    );
    expect(fmt('SET table.exec.mini-batch.enabled = true;')).toBe('SET table.exec.mini-batch.enabled = true;');
    expect(fmt("select data, `timestamp` from t /*+ OPTIONS('a'='b') */;")).toBe("SELECT data, `timestamp`\nFROM t /*+ OPTIONS('a'='b') */;");
  });

  it('keeps comments where they belong', () => {
    const sql = '-- lead\nselect a,  -- first\n  b /* blk */ , c\n  -- before from\nfrom t; -- after\n/* tail */';
    expect(fmt(sql)).toBe('-- lead\nSELECT\n  a, -- first\n  b, /* blk */\n  c\n-- before from\nFROM t; -- after\n/* tail */');
  });

  it('keeps one blank line between statements and the final newline', () => {
    expect(fmt('select 1;\n\n\n\nselect 2; select 3;\n')).toBe('SELECT 1;\n\nSELECT 2;\nSELECT 3;\n');
    expect(fmt('select 1;\r\nselect 2;\r\n')).toBe('SELECT 1;\r\nSELECT 2;\r\n');
  });

  it('leaves statements with syntax errors exactly as they are', () => {
    const r = formatScript('select  a from t;\nselec   oops from;\nselect b from u;');
    expect(r.text).toBe('SELECT a\nFROM t;\nselec   oops from;\nSELECT b\nFROM u;');
    expect(r.skipped).toEqual([{ start: 18, end: 36, reason: 'syntax-error' }]);
    expect(formatScript('select a from t;').changed).toBe(true);
    expect(formatScript('SELECT a\nFROM t;').changed).toBe(false);
  });
});

describe('formatRange', () => {
  it('formats only the statements the range touches', () => {
    const text = 'select 1;\nselect  a from t;\nselect 2;';
    expect(formatRange(text, 12, 14).edits).toEqual([{ start: 10, end: 27, newText: 'SELECT a\nFROM t;' }]);
    expect(formatRange(text, 0, text.length).edits).toEqual([{ start: 0, end: text.length, newText: formatScript(text).text }]);
  });

  it('removes stray whitespace before statements, as weir fmt does', () => {
    const text = '   select 1;\n\n\n\t  select 2;  select 3;\n\u3000select 4;\n';
    const apply = (edits: { start: number; end: number; newText: string }[]) =>
      [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
    expect(apply(formatRange(text, 0, text.length).edits)).toBe('SELECT 1;\n\nSELECT 2;\nSELECT 3;\nSELECT 4;\n');
    expect(apply(formatRange(text, 0, text.length).edits)).toBe(formatScript(text).text);
    // a range touching one statement fixes its indentation too
    expect(apply(formatRange(text, 17, 18).edits)).toBe('   select 1;\n\n\nSELECT 2;  select 3;\n\u3000select 4;\n');
    expect(formatRange('SELECT 1;', 0, 3).edits).toEqual([]);
  });
});
