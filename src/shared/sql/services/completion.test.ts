import { describe, expect, it } from 'vitest';
import { InMemoryCatalog } from '../analyze/catalog.js';
import { complete } from './completion.js';

/** `|` marks the cursor. */
function at(textWithCursor: string, env = {}) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const result = complete(text, offset, env);
  return { labels: result.items.map((i) => i.label), result, text };
}

const SCRIPT = `CREATE TABLE capture (plate_no STRING, camera_id STRING, speed DECIMAL(5, 1), ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE vehicle (plate_no STRING, owner STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://h/db', 'table-name' = 'v');
`;

describe('completion', () => {
  it('offers statement keywords at the start of a statement', () => {
    expect(at(`${SCRIPT}|`).labels).toEqual(expect.arrayContaining(['CREATE TABLE', 'INSERT INTO', 'SELECT', 'SET']));
    expect(at(`${SCRIPT}INS|`).labels).toEqual(['INSERT INTO', 'INSERT OVERWRITE']);
  });

  it('offers the script tables after FROM and JOIN, filtered by the typed prefix', () => {
    expect(at(`${SCRIPT}SELECT * FROM |`).labels).toEqual(['capture', 'vehicle']);
    expect(at(`${SCRIPT}SELECT * FROM capture c JOIN veh|`).labels).toEqual(['vehicle']);
    expect(at(`${SCRIPT}INSERT INTO |`).labels).toEqual(['capture', 'vehicle']);
  });

  it('offers the columns of an alias after `alias.`', () => {
    const { labels, result } = at(`${SCRIPT}SELECT v.| FROM capture AS c JOIN vehicle v ON c.plate_no = v.plate_no`);
    expect(labels).toEqual(['owner', 'plate_no']);
    expect(result.items[0]!.kind).toBe('column');
  });

  it('offers columns of the tables in scope before functions and keywords in expressions', () => {
    const { labels } = at(`${SCRIPT}SELECT sp| FROM capture`);
    expect(labels[0]).toBe('speed');
    const { result } = at(`${SCRIPT}SELECT | FROM capture c JOIN vehicle v ON c.plate_no = v.plate_no`, { functions: [{ name: 'UPPER', signature: 'UPPER(string)' }] });
    const kinds = result.items.map((i) => i.kind);
    expect(kinds.indexOf('column')).toBeLessThan(kinds.indexOf('function'));
    expect(kinds.indexOf('function')).toBeLessThan(kinds.indexOf('keyword'));
    expect(result.items.filter((i) => i.kind === 'column').map((i) => i.label)).toEqual(['camera_id', 'owner', 'plate_no', 'speed', 'ts']);
  });

  it('offers connector option keys inside WITH, required first, and values after =', () => {
    const keys = at(`CREATE TABLE k (a STRING) WITH ('connector' = 'kafka', |)`);
    expect(keys.labels).toEqual(expect.arrayContaining(['topic', 'properties.bootstrap.servers', 'scan.startup.mode', 'format']));
    expect(keys.labels).not.toContain('connector');
    expect(keys.result.items.find((i) => i.label === 'scan.startup.mode')!.insertText).toMatch(/^'scan\.startup\.mode' = '/);
    const values = at(`CREATE TABLE k (a STRING) WITH ('connector' = 'kafka', 'scan.startup.mode' = |)`);
    expect(values.labels).toEqual(expect.arrayContaining(['earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets']));
    const inString = at(`CREATE TABLE k (a STRING) WITH ('connector' = 'kafka', 'scan.st|')`);
    expect(inString.labels).toEqual(expect.arrayContaining(['scan.startup.mode']));
    expect(inString.result.items[0]!.insertText.startsWith("'")).toBe(false);
    expect(at(`CREATE TABLE k (a STRING) WITH ('connector' = '|')`).labels).toEqual(expect.arrayContaining(['kafka', 'jdbc', 'mysql-cdc', 'datagen']));
  });

  it('offers format options once a format is chosen', () => {
    const { labels } = at(`CREATE TABLE k (a STRING) WITH ('connector' = 'kafka', 'format' = 'json', 'json.|')`);
    expect(labels).toEqual(expect.arrayContaining(['json.fail-on-missing-field', 'json.ignore-parse-errors']));
  });

  it('offers catalog tables and their columns', () => {
    const catalog = new InMemoryCatalog([
      { name: 'district', path: ['default_catalog', 'default_database', 'district'], kind: 'table', columns: [{ name: 'district_code', type: { root: 'CHAR', text: 'CHAR(6)' }, nullable: false }] },
    ]);
    expect(at('SELECT * FROM dis|', { catalog }).labels).toEqual(['district']);
    expect(at('SELECT d.| FROM district d', { catalog }).labels).toEqual(['district_code']);
  });

  it('offers nothing inside comments', () => {
    expect(at(`${SCRIPT}-- SELECT * FROM |`).labels).toEqual([]);
  });
});
