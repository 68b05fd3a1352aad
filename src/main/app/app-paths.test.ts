import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackPaths } from '../stack/stack-config.js';
import { appPaths } from './app-paths.js';
import { outsideAsar } from './outside-asar.js';

function install(layout: 'checkout' | 'asar') {
  const base = mkdtempSync(join(tmpdir(), 'weir-paths-'));
  const root = layout === 'asar' ? join(base, 'resources', 'app.asar') : base;
  mkdirSync(join(root, 'dist', 'main'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'weir' }));
  return { base, root };
}

describe('resource paths', () => {
  it('maps a path inside app.asar to app.asar.unpacked, and leaves others alone', () => {
    expect(outsideAsar('/opt/Weir/resources/app.asar/resources/stack/seed/postgres.sql', '/')).toBe(
      '/opt/Weir/resources/app.asar.unpacked/resources/stack/seed/postgres.sql',
    );
    expect(outsideAsar('C:\\Program Files\\Weir\\resources\\app.asar\\dist\\flink-sql-runner\\flink-sql-runner.jar', '\\')).toBe(
      'C:\\Program Files\\Weir\\resources\\app.asar.unpacked\\dist\\flink-sql-runner\\flink-sql-runner.jar',
    );
    expect(outsideAsar('/opt/Weir/resources/app.asar', '/')).toBe('/opt/Weir/resources/app.asar.unpacked');
    expect(outsideAsar('/opt/Weir/resources/app.asar.unpacked/resources', '/')).toBe('/opt/Weir/resources/app.asar.unpacked/resources');
    expect(outsideAsar('/home/me/weir/resources/stack', '/')).toBe('/home/me/weir/resources/stack');
    expect(outsideAsar('/srv/app.asarx/resources', '/')).toBe('/srv/app.asarx/resources');
  });

  it('in an installed build: what external programs read is unpacked, the renderer stays in the archive', () => {
    const { base, root } = install('asar');
    const paths = appPaths(join(root, 'dist', 'main'), {});
    const unpacked = join(base, 'resources', 'app.asar.unpacked');
    expect(paths.root).toBe(root);
    expect(paths.rendererDir).toBe(join(root, 'dist', 'renderer'));
    expect(paths.resourcesDir).toBe(join(unpacked, 'resources'));
    expect(paths.runnerJar).toBe(join(unpacked, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'));
    expect(paths.electronSqlite).toBe(join(unpacked, 'dist', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('from a checkout: everything under the project folder', () => {
    const { root } = install('checkout');
    const paths = appPaths(join(root, 'dist', 'main'), {});
    expect(paths.resourcesDir).toBe(join(root, 'resources'));
    expect(paths.runnerJar).toBe(join(root, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'));
  });

  it('the seeds the stack hands to psql and mysql resolve through the same function', () => {
    const { base, root } = install('asar');
    const paths = appPaths(join(root, 'dist', 'main'), {});
    expect(join(paths.resourcesDir, 'stack', 'seed', 'postgres.sql')).toBe(join(base, 'resources', 'app.asar.unpacked', 'resources', 'stack', 'seed', 'postgres.sql'));
    // and the stack maps whatever it is given, so no caller can hand psql an archive path
    const unpacked = join(base, 'resources', 'app.asar.unpacked', 'resources');
    expect(stackPaths(join(root, 'resources'), { WEIR_STACK_HOME: '/tmp/s' }).resources).toBe(unpacked);
    expect(stackPaths(paths.resourcesDir, { WEIR_STACK_HOME: '/tmp/s' }).resources).toBe(unpacked);
  });
});
