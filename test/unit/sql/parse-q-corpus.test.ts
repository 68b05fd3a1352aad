import { describe, expect, it } from 'vitest';
import { flinkQFolders, hasClientQ } from '../../corpus/flink-q-folders.js';
import { loadQCases } from '../q-cases.js';
import { parseStatement } from '../../../src/shared/sql/parse/parser.js';

/**
 * Flink 1.20's own SQL client and gateway test scripts: every statement must parse exactly when
 * Flink's parser accepts it (statements rejected with a ParseException must get an error; those
 * rejected later by the planner are syntactically valid).
 */
describe('Flink 1.20 .q scripts', () => {
  for (const m of flinkQFolders().missing) it.skip(`${m.name}: ${m.why}`, () => {});

  const cases = loadQCases();

  it('has the statements', () => {
    // 290 statements (5 parse errors) in the gateway's scripts, 762 (9) with the client's
    expect(cases.length).toBeGreaterThan(hasClientQ() ? 700 : 250);
    expect(cases.filter((c) => c.syntaxError).length).toBeGreaterThanOrEqual(hasClientQ() ? 9 : 5);
  });

  it('accepts what Flink accepts and rejects what its parser rejects', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const r = parseStatement(c.sql);
      const accepted = !r.following && r.diagnostics.every((d) => d.severity !== 'error');
      if (accepted === c.syntaxError) wrong.push(`${c.file}:${c.line} ${c.syntaxError ? 'should fail' : JSON.stringify(r.diagnostics)}\n${c.sql}`);
    }
    expect(wrong).toEqual([]);
  });
});
