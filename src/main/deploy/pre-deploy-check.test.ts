import { describe, expect, it } from 'vitest';
import { weirErrorOf } from '../../../test/unit/weir-error-of.js';
import { preDeployCheck } from './pre-deploy-check.js';

const text = (code: string) => code;
const DDL = "CREATE TABLE src (a INT) WITH ('connector' = 'datagen');\nCREATE TABLE snk (a INT) WITH ('connector' = 'blackhole');\n";

describe('pre-deploy check', () => {
  it('passes a job script', () => {
    expect(preDeployCheck(`${DDL}INSERT INTO snk SELECT a FROM src;\n`, 'job.sql', text).statements.map((s) => s.kind)).toEqual([
      'CreateTable',
      'CreateTable',
      'Insert',
    ]);
  });

  it('refuses a leftover SELECT, SHOW, DESCRIBE and EXPLAIN with their line and column', () => {
    const sql = `${DDL}-- looking around\nSHOW TABLES;\nINSERT INTO snk SELECT a FROM src;\n  SELECT * FROM src;\nDESCRIBE src;\nEXPLAIN INSERT INTO snk SELECT a FROM src;\n`;
    const error = weirErrorOf(() => preDeployCheck(sql, 'job.sql', text));
    expect(error.code).toBe('deploy.not-job-statements');
    expect(error.params).toEqual({ what: 'job.sql', count: 4, kinds: 'SHOW, SELECT, DESCRIBE, EXPLAIN' });
    expect(error.details).toEqual([
      '4:1 SHOW: SHOW TABLES;',
      '6:3 SELECT: SELECT * FROM src;',
      '7:1 DESCRIBE: DESCRIBE src;',
      '8:1 EXPLAIN: EXPLAIN INSERT INTO snk SELECT a FROM src;',
    ]);
  });
});
