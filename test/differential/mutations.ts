import type { Rng } from './rng.js';
import { codeTokens, type TinyToken } from './tiny-tokenizer.js';

/**
 * Small edits of a statement, the mistakes people make while typing: a token deleted,
 * duplicated or swapped with its neighbour, the statement cut short, a stray keyword inserted.
 * A mutation is not assumed invalid (deleting the `IF` of `IF NOT EXISTS` breaks a statement,
 * deleting a `DISTINCT` does not): Flink's parser labels every one.
 */

export type MutationOp = 'delete' | 'duplicate' | 'swap' | 'truncate' | 'insert-keyword';

export const MUTATION_OPS: readonly MutationOp[] = ['delete', 'duplicate', 'swap', 'truncate', 'insert-keyword'];

export interface Mutation {
  op: MutationOp;
  sql: string;
  /** what changed, for the report: the token(s) and where */
  detail: string;
}

/** Reserved and non-reserved words of Flink SQL, plus punctuation a slip of the hand adds. */
const KEYWORDS = [
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'ORDER', 'HAVING', 'AS', 'ON', 'JOIN', 'LEFT', 'AND', 'OR', 'NOT', 'NULL',
  'TABLE', 'CREATE', 'INSERT', 'INTO', 'VALUES', 'WITH', 'SET', 'IF', 'EXISTS', 'PARTITION', 'PRIMARY', 'KEY', 'INTERVAL',
  'LIMIT', 'UNION', 'ALL', 'DISTINCT', 'CASE', 'WHEN', 'THEN', 'END', 'CAST', 'IS', 'IN', 'BETWEEN', 'LIKE', 'OVER',
  'WINDOW', 'WATERMARK', 'FOR', 'COMMENT', 'METADATA', 'VIRTUAL', 'ENFORCED', 'TEMPORARY', 'FUNCTION', 'VIEW', 'DROP',
  'ALTER', 'ADD', 'MODIFY', 'RENAME', 'TO', 'SHOW', 'DESCRIBE', 'EXPLAIN', 'USE', 'CATALOG', 'DATABASE', 'LATERAL',
  'UNNEST', 'SYSTEM_TIME', 'OF', 'DESCRIPTOR', 'TUMBLE', 'ROW', 'ARRAY', 'MAP', 'STRING', 'INT', 'TIMESTAMP', 'DATE',
  'LANGUAGE', 'JAR', 'USING', 'OVERWRITE', 'STATEMENT', 'BEGIN', 'EXECUTE', 'JOBS', 'MODULE', 'FRESHNESS', 'CALL',
  'DEFAULT', 'USER', 'VALUE', 'ROWS', 'RANGE', 'CURRENT', 'FIRST', 'LAST', 'ASC', 'DESC', 'UNKNOWN', 'TRUE',
  ',', '(', ')', '.', '=', '*', "'x'", '1',
];

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function describe(t: TinyToken): string {
  return `${JSON.stringify(t.text.length > 30 ? `${t.text.slice(0, 27)}...` : t.text)}@${t.start}`;
}

/** One mutation of `sql` with `op`, or undefined when the statement is too short for it. */
export function mutate(sql: string, op: MutationOp, r: Rng): Mutation | undefined {
  const toks = codeTokens(sql);
  if (toks.length < 2) return undefined;
  const k = r.int(toks.length);
  const t = toks[k]!;
  switch (op) {
    case 'delete':
      return { op, sql: splice(sql, t.start, t.end, ''), detail: `deleted ${describe(t)}` };
    case 'duplicate':
      return { op, sql: splice(sql, t.end, t.end, ` ${t.text}`), detail: `duplicated ${describe(t)}` };
    case 'swap': {
      const a = toks[Math.min(k, toks.length - 2)]!;
      const b = toks[Math.min(k, toks.length - 2) + 1]!;
      if (a.text === b.text) return undefined;
      return { op, sql: sql.slice(0, a.start) + b.text + sql.slice(a.end, b.start) + a.text + sql.slice(b.end), detail: `swapped ${describe(a)} and ${describe(b)}` };
    }
    case 'truncate': {
      // keep at least one token and drop at least one
      const cut = toks[Math.min(k, toks.length - 2)]!;
      return { op, sql: sql.slice(0, cut.end), detail: `cut after ${describe(cut)}` };
    }
    case 'insert-keyword': {
      const word = r.pick(KEYWORDS);
      return { op, sql: splice(sql, t.start, t.start, `${word} `), detail: `inserted ${JSON.stringify(word)} before ${describe(t)}` };
    }
  }
}

/** `perStatement` distinct mutations of `sql`, each with an op drawn in turn. */
export function mutations(sql: string, perStatement: number, r: Rng): Mutation[] {
  const out: Mutation[] = [];
  const seen = new Set<string>([sql]);
  for (let attempt = 0; out.length < perStatement && attempt < perStatement * 4; attempt++) {
    const m = mutate(sql, r.pick(MUTATION_OPS), r);
    if (m === undefined || seen.has(m.sql) || m.sql.trim() === '') continue;
    seen.add(m.sql);
    out.push(m);
  }
  return out;
}
