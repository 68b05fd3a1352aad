import { describe, expect, it } from 'vitest';
import { generateScript } from '../../../../bench/script-generator.js';
import { splitStatements } from '../parse/split.js';
import { IncrementalSplitter } from './incremental-split.js';

/** Deterministic PRNG so a failure reproduces. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const SNIPPETS = [';', "'", '`', '/*', '*/', '--', '\n', ' ', 'x', 'BEGIN STATEMENT SET;', 'END;', 'EXECUTE STATEMENT SET BEGIN ', 'INSERT INTO t SELECT 1;', '-- note\n'];

describe('incremental split', () => {
  it.each([42, 7, 2026])('always equals a full split, over thousands of random edits (seed %i)', (seed) => {
    const rnd = random(seed);
    let text = generateScript(300) + "\nBEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;\n/* tail */ SELECT ';' FROM `x;y`;\n";
    const splitter = new IncrementalSplitter();
    expect(splitter.split(text)).toEqual(splitStatements(text));
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const roll = rnd();
      if (roll < 0.45) text = text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
      else if (roll < 0.9) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 8));
      else text = text.slice(0, at) + text.slice(at, at + 30) + text.slice(at); // paste a duplicate
      const got = splitter.split(text);
      const want = splitStatements(text);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ edit: i, got }).toEqual({ edit: i, got: want });
    }
  });

  it('re-splits from an unterminated quote or comment when an edit after it closes it', () => {
    for (const [open, close] of [['/*', '*/'], ["'", "'"], ['`', '`']] as const) {
      const text = `SELECT 1;\nSELECT a ${open} b;\nSELECT 2;\nSELECT 3;\nSELECT 4;\n`;
      const splitter = new IncrementalSplitter();
      splitter.split(text);
      const at = text.indexOf('SELECT 4');
      const edited = text.slice(0, at) + close + text.slice(at);
      expect(splitter.split(edited)).toEqual(splitStatements(edited));
    }
  });
});
