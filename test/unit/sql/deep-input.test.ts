import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../src/shared/sql/parse/nesting.js';
import { parseScript } from '../../../src/shared/sql/parse/parser.js';
import { formatScript } from '../../../src/shared/sql/services/format/formatter.js';
import { complete } from '../../../src/shared/sql/services/completion.js';
import { hoverAt } from '../../../src/shared/sql/services/hover.js';
import { outline } from '../../../src/shared/sql/services/outline.js';
import { ScriptChecker } from '../../../src/shared/sql/services/script-checker.js';
import { deepShapes } from '../../../src/shared/sql/testing/deep-shapes.js';

/** Issue 10: deep or long input never overflows the stack; nesting past the bound is located. */
describe('deep input', () => {
  for (const shape of deepShapes()) {
    it(`${shape.name}: parse, check, format, outline, hover and completion end without a throw`, () => {
      const { sql } = shape;
      const started = performance.now();
      const checked = new ScriptChecker().check(sql);
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      if (shape.tooDeep) {
        const deep = errors.find((d) => d.code === 'sql.too-deep');
        expect(deep, 'sql.too-deep').toBeDefined();
        expect(deep!.params).toEqual({ max: MAX_NESTING });
        // located at the token where the bound is crossed, inside the statement
        expect(deep!.start).toBeGreaterThan(0);
        expect(deep!.end).toBeGreaterThan(deep!.start);
        expect(deep!.end).toBeLessThanOrEqual(sql.length);
      } else if (sql.startsWith(';')) {
        expect(errors.map((d) => d.code)).toEqual(['sql.expected-statement']);
      } else {
        expect(errors).toEqual([]);
      }
      expect(() => parseScript(sql)).not.toThrow();
      expect(() => formatScript(sql)).not.toThrow();
      expect(() => outline(sql)).not.toThrow();
      expect(() => hoverAt(sql, sql.length - 10)).not.toThrow();
      expect(() => complete(sql, sql.length - 10, {})).not.toThrow();
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }

  it(`accepts nesting up to ${MAX_NESTING} levels and refuses the next`, () => {
    // the query is one level, its select item another, each parenthesis one more
    const nested = (parens: number) => `SELECT ${'('.repeat(parens)}1${')'.repeat(parens)}`;
    expect(parseScript(nested(MAX_NESTING - 2)).diagnostics).toEqual([]);
    const deeper = nested(MAX_NESTING - 1);
    const d = parseScript(deeper).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['sql.too-deep']);
    // at the first token past the bound: the innermost operand
    expect(d[0]!.start).toBe(7 + MAX_NESTING - 1);
    expect(deeper.slice(d[0]!.start, d[0]!.end)).toBe('1');
  });

  it('a million stray semicolons check fast and as one error', () => {
    const sql = ';'.repeat(1_000_000);
    const started = performance.now();
    const checked = new ScriptChecker().check(sql);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(checked.statements.length).toBe(1);
    expect(checked.diagnostics.length).toBe(1);
    // the statements around a run keep their own slices
    expect(new ScriptChecker().check('SELECT 1;;;;\nSELECT 2;').statements.map((s) => s.kind)).toEqual(['Query', 'Unknown', 'Query']);
  });
});
