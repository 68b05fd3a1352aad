import { describe, expect, it } from 'vitest';
import { complete } from './completion.js';
import { hoverAt } from './hover.js';
import { ScriptChecker } from './script-checker.js';

/** The editor bugs a new user hit (issue 13): each reproduced here, `|` marks the cursor. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const result = complete(text, offset);
  return { labels: result.items.map((i) => i.label), items: result.items, text, offset };
}

const SCRIPT = `-- camera captures
CREATE TABLE capture (plate_no STRING COMMENT 'licence plate', speed DECIMAL(5, 1), ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
/* owners */
CREATE TEMPORARY TABLE vehicle (plate_no STRING, owner STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://h/db', 'table-name' = 'v');
CREATE VIEW fast AS SELECT plate_no, speed * 2 AS double_speed FROM capture WHERE speed > 100;
`;

describe('editor bugs of issue 13', () => {
  it('sees a table with a comment just above its CREATE TABLE', () => {
    expect(at(`${SCRIPT}SELECT * FROM |`).labels).toEqual(['capture', 'fast', 'vehicle']);
    const hover = hoverAt(`${SCRIPT}SELECT * FROM capture`, SCRIPT.length + 16);
    expect(hover).toMatchObject({ kind: 'table', name: 'capture' });
  });

  it('offers a view with the columns of its query', () => {
    const fast = at(`${SCRIPT}SELECT * FROM |`).items.find((i) => i.label === 'fast');
    expect(fast).toMatchObject({ kind: 'view', columns: 2 });
    expect(at(`${SCRIPT}SELECT f.| FROM fast f`).labels).toEqual(['double_speed', 'plate_no']);
  });

  it('offers the columns of the table an alias names, in every clause', () => {
    expect(at(`${SCRIPT}SELECT c.| FROM capture c`).labels).toEqual(['plate_no', 'speed', 'ts']);
    expect(at(`${SCRIPT}SELECT c.plate_no FROM capture c WHERE c.|`).labels).toEqual(['plate_no', 'speed', 'ts']);
    expect(at(`${SCRIPT}SELECT 1 FROM capture c JOIN vehicle v ON c.plate_no = v.|`).labels).toEqual(['owner', 'plate_no']);
    expect(at(`${SCRIPT}SELECT COUNT(*) FROM capture c GROUP BY c.| `).labels).toEqual(['plate_no', 'speed', 'ts']);
    expect(at(`${SCRIPT}SELECT c.sp| FROM capture c`).labels).toEqual(['speed']);
  });

  it('offers the produced columns of CTEs and subqueries after their alias', () => {
    expect(at(`${SCRIPT}WITH w AS (SELECT plate_no, COUNT(*) AS n FROM capture GROUP BY plate_no) SELECT w.| FROM w`).labels).toEqual(['n', 'plate_no']);
    expect(at(`${SCRIPT}SELECT s.| FROM (SELECT owner AS who FROM vehicle) AS s`).labels).toEqual(['who']);
    expect(at(`${SCRIPT}INSERT INTO vehicle SELECT x.| FROM capture AS x`).labels).toEqual(['plate_no', 'speed', 'ts']);
    // and the CTEs themselves after FROM, with their column counts
    const ctes = at(`${SCRIPT}WITH w AS (SELECT plate_no FROM capture) SELECT * FROM |`);
    expect(ctes.labels).toEqual(['capture', 'fast', 'vehicle', 'w']);
    expect(ctes.items.find((i) => i.label === 'w')).toMatchObject({ kind: 'table', columns: 1 });
  });

  it('hovers a table with its kind, columns and connector', () => {
    const text = `${SCRIPT}SELECT c.speed, v.owner, f.double_speed FROM capture c JOIN vehicle v ON c.plate_no = v.plate_no JOIN fast f ON f.plate_no = c.plate_no`;
    expect(hoverAt(text, text.indexOf('capture c') + 2)).toMatchObject({
      kind: 'table',
      name: 'capture',
      tableKind: 'table',
      connector: 'datagen',
      columns: [{ name: 'plate_no', type: 'STRING' }, { name: 'speed', type: 'DECIMAL(5, 1)' }, { name: 'ts', type: 'TIMESTAMP(3)' }],
    });
    expect(hoverAt(text, text.indexOf('vehicle v') + 2)).toMatchObject({ kind: 'table', name: 'vehicle', tableKind: 'temporary-table', connector: 'jdbc' });
    expect(hoverAt(text, text.indexOf('fast f') + 2)).toMatchObject({ kind: 'table', name: 'fast', tableKind: 'view', columns: [{ name: 'plate_no' }, { name: 'double_speed' }] });
    const cte = 'WITH w AS (SELECT 1 AS n) SELECT * FROM w';
    expect(hoverAt(cte, cte.lastIndexOf('w'))).toMatchObject({ kind: 'table', name: 'w', tableKind: 'cte', columns: [{ name: 'n', type: 'INT' }] });
  });

  it('hovers a column with its type, origin table and comment', () => {
    const text = `${SCRIPT}SELECT c.plate_no, owner, f.double_speed FROM capture c JOIN vehicle v ON c.plate_no = v.plate_no JOIN fast f ON f.plate_no = c.plate_no`;
    expect(hoverAt(text, text.indexOf('c.plate_no') + 3)).toMatchObject({ kind: 'column', name: 'plate_no', type: 'STRING', table: 'capture', comment: 'licence plate' });
    expect(hoverAt(text, text.indexOf('owner,') + 1)).toMatchObject({ kind: 'column', name: 'owner', type: 'STRING', table: 'vehicle' });
    expect(hoverAt(text, text.indexOf('double_speed', SCRIPT.length) + 1)).toMatchObject({ kind: 'column', name: 'double_speed', table: 'fast' });
  });

  it('offers nothing where the user invents a name', () => {
    expect(at('CREATE TABLE x (|').labels).toEqual([]);
    expect(at('CREATE TABLE x (a INT, |').labels).toEqual([]);
    expect(at('CREATE TABLE x (\n  |').labels).toEqual([]);
    expect(at(`${SCRIPT}SELECT plate_no AS k|`).labels).toEqual([]);
    expect(at(`${SCRIPT}SELECT plate_no AS |`).labels).toEqual([]);
    expect(at(`${SCRIPT}SELECT * FROM capture AS |`).labels).toEqual([]);
    expect(at(`${SCRIPT}SELECT * FROM capture |`).labels).not.toContain('ABS');
  });

  it('offers data types, not functions, where a type is written', () => {
    const column = at('CREATE TABLE x (a |');
    expect(column.labels).toEqual(expect.arrayContaining(['STRING', 'BIGINT', 'TIMESTAMP_LTZ', 'AS']));
    expect(column.items.every((i) => i.kind === 'keyword')).toBe(true);
    expect(at('CREATE TABLE x (a INT, ts TIMESTAMP_|').labels).toEqual(['TIMESTAMP_LTZ']);
    expect(at(`${SCRIPT}SELECT CAST(speed AS BIG|`).labels).toEqual(['BIGINT']);
    expect(at('CREATE TABLE x (a DECIMAL(5, |').labels).not.toContain('STRING');
  });

  it('still completes where a name or keyword is expected after AS', () => {
    expect(at(`CREATE TABLE x (a INT, ts AS PROC|`).labels).toEqual([]); // functions come from the env; none here
    expect(at(`CREATE VIEW v AS SEL|`).labels).toContain('SELECT');
  });

  it('agrees with diagnostics on what the script defines, whatever the comments and USE', () => {
    const script = `-- a comment; with a semicolon\n/* and a block; */ CREATE TABLE t1 (a INT) WITH ('connector' = 'datagen');\nCREATE DATABASE db;\nUSE db;\n-- x\nCREATE TABLE t2 (b INT) WITH ('connector' = 'datagen');\n`;
    const query = 'SELECT * FROM t2, default_database.t1 AS o WHERE b > 0 AND o.a > 0;';
    expect(new ScriptChecker().check(script + query).diagnostics).toEqual([]);
    expect(at(`${script}SELECT * FROM |`).labels).toEqual(['t2']);
    expect(at(`${script}SELECT o.| FROM t2, default_database.t1 AS o`).labels).toEqual(['a']);
    expect(hoverAt(script + query, script.length + query.indexOf('t2'))).toMatchObject({ kind: 'table', name: 't2', columns: [{ name: 'b', type: 'INT' }] });
  });
});
