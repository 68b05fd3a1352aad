import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQCases } from '../q-cases.js';
import { parseStatement } from '../../../src/shared/sql/parse/parser.js';

/**
 * Flink 1.20's own SQL client and gateway test scripts: every statement must parse exactly when
 * Flink's parser accepts it (statements rejected with a ParseException must get an error; those
 * rejected later by the planner are syntactically valid).
 */
// shared/ sits beside the checkout (as in CI): <repo>/../shared/flink-1.20.
const ROOT = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'flink-1.20');

describe('Flink 1.20 .q scripts', () => {
  it('are beside the checkout', () => {
    expect(existsSync(ROOT), `${ROOT} is missing: shared/ must sit beside the repository`).toBe(true);
  });

  const cases = existsSync(ROOT) ? loadQCases(ROOT) : [];

  it('has the statements', () => {
    expect(cases.length).toBeGreaterThan(700);
    expect(cases.filter((c) => c.syntaxError).length).toBeGreaterThanOrEqual(9);
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
