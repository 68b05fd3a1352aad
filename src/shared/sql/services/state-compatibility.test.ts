import { describe, expect, it } from 'vitest';
import { stateCompatibility } from './state-compatibility.js';

const DDL = `CREATE TABLE src (id BIGINT, k STRING, v INT) WITH ('connector' = 'datagen');
CREATE TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'blackhole');
CREATE TABLE out2 (k STRING, n BIGINT) WITH ('connector' = 'blackhole');
`;

describe('state compatibility of an upgrade', () => {
  it('has nothing to say about a changed filter, projection or constant', () => {
    const before = `${DDL}INSERT INTO out1 SELECT k, COUNT(*) FROM src GROUP BY k;`;
    const after = `${DDL}INSERT INTO out1 SELECT UPPER(k), COUNT(*) + 0 FROM src WHERE v > 3 GROUP BY k;`;
    expect(stateCompatibility(before, after)).toEqual([]);
  });

  it('warns about a changed sink table', () => {
    const before = `${DDL}INSERT INTO out1 SELECT k, COUNT(*) FROM src GROUP BY k;`;
    const after = `${DDL}INSERT INTO out2 SELECT k, COUNT(*) FROM src GROUP BY k;`;
    expect(stateCompatibility(before, after)).toEqual([{ code: 'sink-changed', detail: '- out1; + out2' }]);
  });

  it('warns about changed GROUP BY keys and about operators added or removed', () => {
    const before = `${DDL}INSERT INTO out1 SELECT k, COUNT(*) FROM src GROUP BY k;`;
    const keys = `${DDL}INSERT INTO out1 SELECT k, COUNT(*) FROM src GROUP BY k, v;`;
    expect(stateCompatibility(before, keys)).toEqual([{ code: 'keys-changed', detail: '- [k]; + [k, v]' }]);
    const join = `${DDL}INSERT INTO out1 SELECT a.k, COUNT(*) FROM src a JOIN src b ON a.id = b.id GROUP BY a.k;`;
    const warnings = stateCompatibility(before, join);
    expect(warnings.map((w) => w.code)).toEqual(['keys-changed', 'operators-changed']);
    expect(warnings[1]!.detail).toBe('+ INNER JOIN');
  });
});
