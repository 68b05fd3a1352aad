import { mutations, type MutationOp } from './mutations.js';
import { loadQStatements, type QOutcome } from './q-scripts.js';
import { Rng } from './rng.js';
import { generateVariants } from './variants.js';

/**
 * The differential corpus: Flink's own .q scripts, generated valid variants, and mutations of
 * every statement Flink accepts. Deterministic for a given seed.
 */

export type StatementSource = 'q' | 'variant' | 'mutation';

export interface DiffStatement {
  /** unique and readable: `q:sql-client-q/table.q:42`, `v:create-table:17`, `m:<parent>:delete:0` */
  id: string;
  source: StatementSource;
  /** .q file and line, variant family, or the mutation op (for grouping disagreements) */
  category: string;
  sql: string;
  /** .q only: what the script recorded, to check the Java tool models Flink's client */
  recorded?: QOutcome;
  /** mutations only */
  parent?: string;
  op?: MutationOp;
  detail?: string;
}

export const DEFAULT_SEED = 20_240_620;

/** The .q statements and the generated variants (the statements mutations start from). */
export function baseStatements(repoRoot: string, seed = DEFAULT_SEED): DiffStatement[] {
  const out: DiffStatement[] = [];
  for (const q of loadQStatements()) {
    out.push({ id: `q:${q.where}`, source: 'q', category: q.where.replace(/:\d+$/, ''), sql: q.sql, recorded: q.outcome });
  }
  const counts = new Map<string, number>();
  for (const v of generateVariants(new Rng(seed))) {
    const n = counts.get(v.family) ?? 0;
    counts.set(v.family, n + 1);
    out.push({ id: `v:${v.family}:${n}`, source: 'variant', category: v.family, sql: v.sql });
  }
  return out;
}

/**
 * `perStatement` mutations of each valid statement. The terminating ';' is taken off first:
 * both parsers see one statement either way, and a moved ';' would only test the splitter.
 */
export function mutationStatements(valid: readonly DiffStatement[], perStatement: number, seed = DEFAULT_SEED): DiffStatement[] {
  const r = new Rng(seed ^ 0x5eed);
  const out: DiffStatement[] = [];
  for (const s of valid) {
    const body = s.sql.trimEnd().replace(/;$/, '');
    mutations(body, perStatement, r).forEach((m, k) => {
      out.push({
        id: `m:${s.id}:${m.op}:${k}`,
        source: 'mutation',
        category: `${m.op} of ${s.source === 'q' ? 'q' : s.category}`,
        sql: m.sql,
        parent: s.id,
        op: m.op,
        detail: m.detail,
      });
    });
  }
  return out;
}
