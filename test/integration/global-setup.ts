import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createStackParts } from '../../src/main/stack/parts.js';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';
import { stackDown, stackStatus, stackUp } from '../../src/main/stack/stack.js';

/**
 * Brings the real local stack up once for all integration tests (a part that cannot start
 * fails the run, it is never skipped) and afterwards stops only the parts it started.
 * The stack lives in /var/tmp/weir-test-stack unless WEIR_STACK_HOME says otherwise; WEIR_KEEP_STACK=1
 * leaves it running for the next run.
 */
const ROOT = join(import.meta.dirname, '..', '..');
// Outside the checkout and /root: PostgreSQL runs as its own user and must reach its data dir.
const DEFAULT_HOME = '/var/tmp/weir-test-stack';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = { ...process.env, WEIR_STACK_HOME: process.env.WEIR_STACK_HOME ?? DEFAULT_HOME };
  process.env.WEIR_STACK_HOME = env.WEIR_STACK_HOME;
  const paths = stackPaths(join(ROOT, 'resources'), env);
  const parts = createStackParts(paths, stackPorts(env));
  const before = new Set((await stackStatus(parts)).filter((s) => s.healthy).map((s) => s.name));
  // Fresh, freshly seeded databases each run when nothing is running; downloads stay cached.
  if (before.size === 0) rmSync(paths.data, { recursive: true, force: true });
  const report = await stackUp(paths, parts, (line) => process.stdout.write(`[stack] ${line}\n`));
  process.stdout.write(`[stack] up in ${(report.millis / 1000).toFixed(1)} s\n`);
  project.provide('stackHome', paths.home);
  return async () => {
    if (process.env.WEIR_KEEP_STACK === '1') return;
    const started = parts.filter((p) => !before.has(p.name)).map((p) => p.name);
    if (started.length > 0) await stackDown(parts, (line) => process.stdout.write(`[stack] ${line}\n`), started);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stackHome: string;
  }
}
