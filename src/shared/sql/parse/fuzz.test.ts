import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex } from '../lex/lexer.js';
import { TokenKind } from '../lex/token.js';
import { parseScript, parseStatement } from './parser.js';
import { splitStatements } from './split.js';

/** Deterministic PRNG so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SEEDS = [
  "CREATE TABLE t (id BIGINT, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'kafka');",
  "INSERT INTO s SELECT a, COUNT(*) FILTER (WHERE b > 1) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY a, window_start;",
  'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY ts DESC) AS rn FROM t) WHERE rn = 1;',
  "SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES LAST(A.x, 1) AS lx PATTERN (A B+) DEFINE A AS A.x > 1) MR;",
  "BEGIN STATEMENT SET; INSERT INTO a SELECT CASE WHEN x IN (1, 2) THEN 'a' ELSE CAST(y AS STRING) END FROM t; END;",
];

function mutate(text: string, r: () => number): string {
  const toks = lex(text).filter((t) => t.kind !== TokenKind.EOF);
  const pieces = toks.map((t) => text.slice(t.start, t.end));
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n && pieces.length > 0; k++) {
    const i = Math.floor(r() * pieces.length);
    const j = Math.floor(r() * pieces.length);
    switch (Math.floor(r() * 6)) {
      case 0: pieces.splice(i, 1); break; // delete
      case 1: pieces.splice(i, 0, pieces[j]!); break; // duplicate
      case 2: [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!]; break; // swap
      case 3: pieces.length = i; break; // truncate
      case 4: pieces.splice(i, 0, ['(', ')', "'", '`', '/*', ',', ';', 'END', 'SELECT', '"', '，'][Math.floor(r() * 11)]!); break;
      default: pieces[i] = pieces[i]!.slice(0, Math.floor(pieces[i]!.length / 2)); break; // cut a token
    }
  }
  return pieces.join(' ');
}

describe('fuzz', () => {
  it('never throws and stays fast on mutated statements', () => {
    const r = rng(20240628);
    const corpus = [...SEEDS];
    for (const dir of ['sql-client-q', 'sql-gateway-q'].map((d) => join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'flink-1.20', d))) {
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.q'))) {
        // drop expected output and comments; what is left is SQL
        const sql = readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter((l) => !/^[#!+|[]/.test(l)).join('\n');
        for (const s of splitStatements(sql)) corpus.push(s.text);
      }
    }
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
});
