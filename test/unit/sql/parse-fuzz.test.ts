import { describe, expect, it } from 'vitest';
import { flinkQFiles, flinkQFolders } from '../../corpus/flink-q-folders.js';
import { lex } from '../../../src/shared/sql/lex/lexer.js';
import { TokenKind } from '../../../src/shared/sql/lex/token.js';
import { parseScript, parseStatement } from '../../../src/shared/sql/parse/parser.js';
import { splitStatements } from '../../../src/shared/sql/parse/split.js';
import { deepShapes } from '../../../src/shared/sql/testing/deep-shapes.js';
import { SEEDS, mutate, rng } from '../../../src/shared/sql/testing/mutations.js';

describe('fuzz', () => {
  for (const m of flinkQFolders().missing) it.skip(`seeds from ${m.name}: ${m.why}`, () => {});

  it('never throws and stays fast on mutated statements', () => {
    const r = rng(20240628);
    const corpus = [...SEEDS];
    for (const { text } of flinkQFiles()) {
      // drop expected output and comments; what is left is SQL
      const sql = text.split('\n').filter((l) => !/^[#!+|[]/.test(l)).join('\n');
      for (const s of splitStatements(sql)) corpus.push(s.text);
    }
    expect(corpus.length).toBeGreaterThan(SEEDS.length + 250);
    let worst = 0;
    for (let round = 0; round < 5000; round++) {
      const text = mutate(corpus[Math.floor(r() * corpus.length)]!, r);
      const t0 = performance.now();
      const result = parseStatement(text);
      parseScript(text);
      const ms = performance.now() - t0;
      worst = Math.max(worst, ms);
      for (const d of result.diagnostics) {
        expect(d.start).toBeGreaterThanOrEqual(0);
        expect(d.end).toBeLessThanOrEqual(text.length);
        expect(d.start).toBeLessThanOrEqual(d.end);
      }
    }
    expect(worst).toBeLessThan(100);
  });

  it('survives pathological input', () => {
    for (const text of ['('.repeat(2000), "'".repeat(999), 'SELECT ' + 'a + '.repeat(3000) + '1', 'CASE '.repeat(500), '/*+ ' + 'x('.repeat(500), ';;;;', '\u0000\uffff\ud800']) {
      expect(() => parseScript(text)).not.toThrow();
    }
  });

  it('never throws on mutations of deep and long input (issue 10)', () => {
    const r = rng(10);
    // the million ';' shape is left out of the mutations: lexing it 50 times is slow, not useful
    const shapes = deepShapes().filter((s) => s.sql.length < 500_000);
    for (let round = 0; round < 50; round++) {
      const text = mutate(shapes[round % shapes.length]!.sql, r);
      expect(() => parseScript(text)).not.toThrow();
    }
  });
});
