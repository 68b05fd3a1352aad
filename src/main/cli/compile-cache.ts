import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a CommonJS bundle through V8's code cache: the first run compiles it and, once it has
 * run, keeps the bytecode of every function it used; later runs skip parsing and compiling them.
 * (Node 22's module.enableCompileCache does this for every module; Weir's CLI also runs on Node 20.)
 * The cache is keyed by the bundle's text, Node's version and the CPU; a missing, stale or
 * unwritable cache only costs speed.
 */
export interface CompiledModule<T> {
  readonly exports: T;
  /** Writes the cache when there was none or V8 refused it; call after the code has run. */
  save(): void;
}

export function requireWithCodeCache<T>(file: string, cacheDir: string = defaultCacheDir()): CompiledModule<T> {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(source).digest('hex').slice(0, 20);
  const cacheFile = join(cacheDir, `${basename(file)}.${key}.v8cache`);
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    save: () => {
      if (cached && !script.cachedDataRejected) return;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        // Caches of earlier builds of this bundle are dead weight.
        for (const old of readdirSync(cacheDir)) {
          if (old.startsWith(`${basename(file)}.`) && old.endsWith('.v8cache') && join(cacheDir, old) !== cacheFile) rmSync(join(cacheDir, old), { force: true });
        }
      } catch {
        // A read-only home or a full disk: the next run compiles again.
      }
    },
  };
}

/** WEIR_CACHE_DIR, else the platform's cache folder for Weir. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEIR_CACHE_DIR) return env.WEIR_CACHE_DIR;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Weir', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Weir');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'weir');
}
