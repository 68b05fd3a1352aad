import { mkdirSync } from 'node:fs';
import { partFailure } from './part-failure.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * Brings the local stack up and down. Parts start in dependency order; a part already
 * healthy (started by an earlier `up`) is left alone, so `up` is idempotent and fast.
 */
export interface StackReport {
  readonly parts: readonly PartStatus[];
  readonly millis: number;
}

export type StackLog = (line: string) => void;

/** Hooks of one `up`: hear which parts it starts itself, and stop it between parts. */
export interface StackUpControl {
  /** Called before a part that was not already running is started (it may be half-started on failure). */
  readonly starting?: (name: string) => void;
  readonly signal?: AbortSignal;
}

export function orderParts(parts: readonly StackPart[], only?: readonly string[]): StackPart[] {
  const byName = new Map(parts.map((p) => [p.name, p] as const));
  const wanted = new Set<string>();
  const want = (name: string, from?: string) => {
    const part = byName.get(name);
    if (!part) {
      const known = [...byName.keys()].join(', ');
      throw new Error(from ? `${from} depends on unknown part ${name}` : `unknown stack part "${name}"; known parts: ${known}`);
    }
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of part.dependsOn ?? []) want(dep, name);
  };
  for (const name of only && only.length > 0 ? only : [...byName.keys()]) want(name);

  const ordered: StackPart[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.some((p) => p.name === name)) return;
    if (visiting.has(name)) throw new Error(`stack parts depend on each other in a cycle through ${name}`);
    visiting.add(name);
    const part = byName.get(name)!;
    for (const dep of part.dependsOn ?? []) visit(dep);
    visiting.delete(name);
    ordered.push(part);
  };
  for (const part of parts) if (wanted.has(part.name)) visit(part.name);
  return ordered;
}

export async function stackUp(
  paths: StackPaths,
  parts: readonly StackPart[],
  log: StackLog,
  only?: readonly string[],
  control: StackUpControl = {},
): Promise<StackReport> {
  const started = Date.now();
  for (const dir of [paths.home, paths.logs, paths.run, paths.data, paths.cache]) mkdirSync(dir, { recursive: true });
  const ordered = orderParts(parts, only);
  for (const part of ordered) {
    control.signal?.throwIfAborted();
    const t0 = Date.now();
    const before = await part.status();
    if (before.healthy) {
      log(`${part.name}: already running on port ${before.port}`);
      continue;
    }
    control.starting?.(part.name);
    try {
      log(`${part.name}: preparing`);
      await part.prepare();
      log(`${part.name}: starting`);
      await part.start();
    } catch (error) {
      throw partFailure(paths, part.name, error);
    }
    log(`${part.name}: healthy on port ${part.port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const statuses = await Promise.all(ordered.map((p) => p.status()));
  return { parts: statuses, millis: Date.now() - started };
}

export async function stackDown(parts: readonly StackPart[], log: StackLog, only?: readonly string[]): Promise<void> {
  // Stop in reverse start order; naming a part stops just it, never what it depends on.
  const named = only && only.length > 0 ? new Set(only) : null;
  const ordered = orderParts(parts, only).reverse().filter((p) => !named || named.has(p.name));
  for (const part of ordered) {
    await part.stop();
    log(`${part.name}: stopped`);
  }
}

export async function stackStatus(parts: readonly StackPart[]): Promise<PartStatus[]> {
  return Promise.all(parts.map((p) => p.status()));
}
