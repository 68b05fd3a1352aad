import { lex } from '../lex/lexer.js';
import { TokenKind } from '../lex/token.js';

/**
 * Mutations of Flink SQL statements for fuzzing (the unit test runs a slice, the benchmark a
 * million): delete, duplicate, swap, truncate, insert a troublesome token, cut a token in half.
 */
/** Deterministic PRNG so a failure reproduces. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function mutate(text: string, r: () => number): string {
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


/** Statements that exercise most of the grammar, mutated alongside the .q corpus. */
export const SEEDS = [
  "CREATE TABLE t (id BIGINT, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'kafka');",
  "INSERT INTO s SELECT a, COUNT(*) FILTER (WHERE b > 1) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY a, window_start;",
  'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY ts DESC) AS rn FROM t) WHERE rn = 1;',
  "SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES LAST(A.x, 1) AS lx PATTERN (A B+) DEFINE A AS A.x > 1) MR;",
  "BEGIN STATEMENT SET; INSERT INTO a SELECT CASE WHEN x IN (1, 2) THEN 'a' ELSE CAST(y AS STRING) END FROM t; END;",
];

