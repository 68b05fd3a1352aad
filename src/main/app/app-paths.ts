import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { outsideAsar } from './outside-asar.js';

/**
 * Where the built workbench and the shipped resources are. Found by walking up from the running
 * file to Weir's package.json, so the same code works from dist/, from src/ under tsx, and from
 * an installed package; WEIR_RESOURCES / WEIR_RENDERER override (packaged desktop app).
 * Everything but the renderer (served by Electron's own fs) is read by external programs or by
 * native code, so it resolves outside app.asar (see outside-asar.ts and electron-builder.yml).
 */
export interface AppPaths {
  readonly root: string;
  readonly rendererDir: string;
  readonly resourcesDir: string;
  /** Weir's Flink SQL runner jar, built by `npm run build`. */
  readonly runnerJar: string;
  /** better-sqlite3 built for Electron's ABI (scripts/electron-native.ts); the desktop host loads it. */
  readonly electronSqlite: string;
}

export function appPaths(fromDir: string, env: NodeJS.ProcessEnv = process.env): AppPaths {
  const root = findRoot(fromDir);
  return {
    root,
    rendererDir: resolve(env.WEIR_RENDERER ?? join(root, 'dist', 'renderer')),
    resourcesDir: outsideAsar(resolve(env.WEIR_RESOURCES ?? join(root, 'resources'))),
    runnerJar: outsideAsar(resolve(env.WEIR_RUNNER_JAR ?? join(root, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'))),
    electronSqlite: outsideAsar(resolve(env.WEIR_ELECTRON_SQLITE ?? join(root, 'dist', 'native', 'electron', 'better_sqlite3.node'))),
  };
}

function findRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'weir') return dir;
      } catch {
        /* keep walking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Weir's package.json above ${start}`);
    dir = parent;
  }
}
