import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * dt-sql-parser 4.5.1, the anchor of the SQL benchmarks. Its dist/ uses directory imports that
 * plain Node cannot load, so it is bundled once with esbuild into dist/bench.
 */
export interface AnchorParser {
  validate(sql: string): unknown[];
  entities(sql: string): unknown[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function loadDtSqlParser(): Promise<AnchorParser> {
  const out = join(root, 'dist', 'bench', 'dt-sql-parser.cjs');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    stdin: { contents: "export { FlinkSQL } from 'dt-sql-parser';", resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
  });
  const { FlinkSQL } = createRequire(import.meta.url)(out) as { FlinkSQL: new () => { validate(s: string): unknown[]; getAllEntities(s: string): unknown[] | null } };
  const parser = new FlinkSQL();
  return {
    validate: (sql) => parser.validate(sql),
    entities: (sql) => parser.getAllEntities(sql) ?? [],
  };
}
