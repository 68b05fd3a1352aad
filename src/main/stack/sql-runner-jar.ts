import { copyFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assembleOnce, hashFiles, listFiles, runMaven } from './jvm-tools.js';
import type { StackPaths } from './stack-part.js';

/**
 * Builds Weir's Flink SQL runner (resources/flink-sql-runner, a Maven module) into
 * `<cache>/flink-sql-runner/flink-sql-runner.jar`, once per source hash. The runner is what
 * deploys a SQL script as a jar job (POST /jars/upload, /jars/{id}/run, application mode).
 */

const RECIPE = 'flink-sql-runner/1';
const JAR = 'flink-sql-runner.jar';

export function sqlRunnerSourceDir(paths: StackPaths): string {
  return join(paths.resources, 'flink-sql-runner');
}

/** Returns the runner jar's path, building it with `mvn package` (tests included) when stale. */
export async function buildSqlRunnerJar(paths: StackPaths): Promise<string> {
  const source = sqlRunnerSourceDir(paths);
  const dir = join(paths.cache, 'flink-sql-runner');
  const hash = hashFiles(source, listFiles(source), RECIPE);
  await assembleOnce(dir, hash, async (tmp) => {
    // Build a copy: the resources folder may be read-only once installed, and a stale
    // target/ there must not leak into the jar.
    const work = join(tmp, 'build');
    cpSync(source, work, { recursive: true, filter: (src) => basename(src) !== 'target' });
    await runMaven(join(work, 'pom.xml'), ['package'], work);
    const built = join(work, 'target', JAR);
    if (!existsSync(built)) throw new Error(`mvn package in ${work} produced no target/${JAR}`);
    copyFileSync(built, join(tmp, JAR));
    rmSync(work, { recursive: true, force: true });
  });
  return join(dir, JAR);
}
