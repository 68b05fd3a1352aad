/**
 * `npm run bench`, part 3: the CLI as pre-commit hooks and CI run it, whole processes timed from
 * spawn to exit, each beside its anchor measured in the same run (issue 9):
 * - `weir version` within 2x of `node -e 0` (the CLI loads a command's code only when it runs);
 * - `weir check` of the 10,000-line script at least 8x faster than dt-sql-parser 4.5.1 doing the
 *   same in a process of its own.
 * Runs alternate between ours and the anchor so that load on the machine hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDtSqlParser } from './dt-sql-parser.js';
import { generateScript } from './script-generator.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bench');
const cli = join(root, 'dist', 'main', 'cli.js');

function wall(args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const millis = performance.now() - started;
  // `weir check` exits 1 when the script has errors; anything else, or no output, is a broken run.
  if ((r.status !== 0 && r.status !== 1) || r.stderr.trim() !== '') {
    throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  }
  return millis;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Medians of ours and the anchor's, runs interleaved. */
function pair(ours: readonly string[], anchor: readonly string[], runs: number): [number, number] {
  wall(ours);
  wall(anchor);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(wall(ours));
    b.push(wall(anchor));
  }
  return [median(a), median(b)];
}

function row(name: string, ours: number, anchor: number, anchorName: string, goal: string, ratio: string): void {
  process.stdout.write(`${name.padEnd(44)} ${`${ours.toFixed(1)} ms`.padStart(11)} ${`${anchor.toFixed(1)} ms`.padStart(12)} ${ratio.padStart(8)}   ${goal} (anchor: ${anchorName})\n`);
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  mkdirSync(out, { recursive: true });
  await loadDtSqlParser(); // bundles dist/bench/dt-sql-parser.cjs
  // The anchor as a whole process, as a hook would run it: load, read the file, validate, print.
  const anchorScript = join(out, 'dt-sql-parser-check.cjs');
  writeFileSync(
    anchorScript,
    [
      "const { FlinkSQL } = require('./dt-sql-parser.cjs');",
      "const text = require('node:fs').readFileSync(process.argv[2], 'utf8');",
      "process.stdout.write(`${new FlinkSQL().validate(text).length} error(s)\\n`);",
    ].join('\n'),
  );
  const script = join(out, 'script-10000.sql');
  writeFileSync(script, generateScript(10_000));

  process.stdout.write(`${'whole process (median, wall clock)'.padEnd(44)} ${'Weir'.padStart(11)} ${'anchor'.padStart(12)} ${'ratio'.padStart(8)}   goal\n`);
  const [version, nodeNothing] = pair([cli, 'version'], ['-e', '0'], 20);
  row('weir version', version, nodeNothing, 'node -e 0', '<= 2x', `${(version / nodeNothing).toFixed(2)}x`);
  const [check, anchor] = pair([cli, 'check', script], [anchorScript, script], 7);
  row('weir check, 10,000 lines', check, anchor, 'dt-sql-parser 4.5.1', '>= 8x faster', `${(anchor / check).toFixed(1)}x`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
