import { describe, expect, it } from 'vitest';
import { hoverAt } from './hover.js';

const SCRIPT = `CREATE TABLE capture (plate_no STRING, speed DECIMAL(5, 1)) WITH ('connector' = 'datagen');
CREATE TABLE vehicle (plate_no STRING, owner STRING) WITH ('connector' = 'datagen');
SELECT c.speed, owner, UPPER(owner) FROM capture AS c JOIN vehicle v ON c.plate_no = v.plate_no;
`;
const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = SCRIPT.indexOf(needle, i + 1);
  return i + 1;
};

describe('hover', () => {
  it('shows a qualified column with its type and table', () => {
    expect(hoverAt(SCRIPT, at('c.speed') + 2)).toMatchObject({ kind: 'column', name: 'speed', type: 'DECIMAL(5, 1)', table: 'capture' });
  });

  it('finds an unqualified column in the tables in scope', () => {
    expect(hoverAt(SCRIPT, at('owner,'))).toMatchObject({ kind: 'column', name: 'owner', type: 'STRING', table: 'vehicle' });
  });

  it('shows a table with its columns', () => {
    const info = hoverAt(SCRIPT, at('FROM capture') + 6);
    expect(info).toMatchObject({ kind: 'table', name: 'capture' });
    expect(info && info.kind === 'table' ? info.columns.map((c) => c.name) : []).toEqual(['plate_no', 'speed']);
  });

  it('shows a function signature', () => {
    expect(hoverAt(SCRIPT, at('UPPER'), { functions: [{ name: 'UPPER', signature: 'UPPER(string) → STRING' }] })).toMatchObject({
      kind: 'function',
      signature: 'UPPER(string) → STRING',
    });
  });

  it('says nothing for unknown names', () => {
    expect(hoverAt('SELECT x FROM nowhere', 8)).toBeNull();
  });
});
