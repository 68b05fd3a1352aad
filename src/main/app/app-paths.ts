import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the built workbench and the shipped resources are. Found by walking up from the running
 * file to Weir's package.json, so the same code works from dist/, from src/ under tsx, and from
 * an installed package; WEIR_RESOURCES / WEIR_RENDERER override (packaged desktop app).
 */
export interface AppPaths {
  readonly root: string;
  readonly rendererDir: string;
  readonly resourcesDir: string;
  /** Weir's Flink SQL runner jar, built by `npm run build`. */
  readonly runnerJar: string;
}

export function appPaths(fromDir: string, env: NodeJS.ProcessEnv = process.env): AppPaths {
  const root = findRoot(fromDir);
  return {
    root,
    rendererDir: resolve(env.WEIR_RENDERER ?? join(root, 'dist', 'renderer')),
    resourcesDir: resolve(env.WEIR_RESOURCES ?? join(root, 'resources')),
    runnerJar: resolve(env.WEIR_RUNNER_JAR ?? join(root, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar')),
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
