import { describe, expect, it } from 'vitest';
import { definitionAt } from './definition.js';
import { outline } from './outline.js';

const SCRIPT = `SET 'pipeline.name' = 'flow';
CREATE TABLE capture (plate_no STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TEMPORARY VIEW fast AS SELECT * FROM capture WHERE plate_no <> '';
BEGIN STATEMENT SET;
INSERT INTO sink_a SELECT * FROM fast;
INSERT INTO \`sink b\` SELECT plate_no, ts FROM capture;
END;
`;

describe('outline and definitions', () => {
  it('lists what each statement defines or writes, statement sets with their inserts', () => {
    const items = outline(SCRIPT);
    expect(items.map((i) => [i.kind, i.name])).toEqual([
      ['setting', 'SET'],
      ['table', 'capture'],
      ['view', 'fast'],
      ['statement-set', 'STATEMENT SET'],
    ]);
    expect(items[3]!.children.map((c) => c.name)).toEqual(['sink_a', '`sink b`']);
    expect(SCRIPT.slice(items[1]!.nameStart, items[1]!.nameEnd)).toBe('capture');
  });

  it('goes from a use of a table or view to its CREATE', () => {
    const use = SCRIPT.indexOf('fast;') + 2;
    const def = definitionAt(SCRIPT, use)!;
    expect(SCRIPT.slice(def.start, def.end)).toBe('fast');
    expect(def.start).toBe(SCRIPT.indexOf('VIEW fast') + 5);
    const useCapture = SCRIPT.lastIndexOf('FROM capture') + 6;
    expect(definitionAt(SCRIPT, useCapture)!.start).toBe(SCRIPT.indexOf('TABLE capture') + 6);
  });

  it('finds nothing for names the script does not define, or outside names', () => {
    expect(definitionAt(SCRIPT, SCRIPT.indexOf('sink_a') + 1)).toBeNull();
    expect(definitionAt(SCRIPT, 3)).toBeNull();
  });
});
