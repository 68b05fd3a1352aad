import { describe, expect, it } from 'vitest';
import { previewSql } from './statement-plan.js';

const SCRIPT = [
  "CREATE TABLE t (a INT) WITH ('connector' = 'datagen');",
  "SET 'parallelism.default' = '1';",
  'INSERT INTO s SELECT * FROM t;',
  'SELECT a FROM t;',
  '-- the one to preview',
  'SELECT a + 1 FROM t;',
  'SELECT 2;',
].join('\n');

describe('previewSql', () => {
  it('runs the selection when there is one', () => {
    const start = SCRIPT.indexOf('SELECT a FROM');
    expect(previewSql(SCRIPT, { start, end: start + 'SELECT a FROM t'.length }, 0)).toBe('SELECT a FROM t');
  });

  it('else the statement at the cursor after the setup statements, without writes or other queries', () => {
    const cursor = SCRIPT.indexOf('a + 1');
    expect(previewSql(SCRIPT, null, cursor)).toBe(
      ["CREATE TABLE t (a INT) WITH ('connector' = 'datagen');", "SET 'parallelism.default' = '1';", '-- the one to preview\nSELECT a + 1 FROM t;'].join('\n'),
    );
  });

  it('takes the last statement when the cursor is past the end', () => {
    expect(previewSql(SCRIPT, null, SCRIPT.length + 5).endsWith('SELECT 2;')).toBe(true);
    expect(previewSql('', null, 0)).toBe('');
  });
});
