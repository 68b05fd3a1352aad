/**
 * better-sqlite3 built for Electron's ABI, kept apart from node_modules: node_modules stays
 * built for Node (the CLI, `weir serve` and the tests use it), and the desktop host loads
 * dist/native/electron/better_sqlite3.node (AppPaths.electronSqlite). electron-builder's own
 * npmRebuild is off for this reason: it rebuilds node_modules in place. Needs Electron's headers
 * (or a prebuilt binary) from the network once per Electron version and architecture.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export async function buildElectronSqlite(root: string, arch: string = process.arch): Promise<string> {
  const version = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const target = join(root, 'dist/native/electron/better_sqlite3.node');
  const stamp = `${target}.version`;
  const wanted = `${version} ${arch}`;
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return target;
  const work = join(root, 'dist/native/electron-build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), join(work, 'node_modules/better-sqlite3'), { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'weir-native', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = (await import('@electron/rebuild')) as { rebuild(o: object): Promise<void> };
  await rebuild({ buildPath: work, electronVersion: version, arch, onlyModules: ['better-sqlite3'], force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), target);
  writeFileSync(stamp, wanted);
  rmSync(work, { recursive: true, force: true });
  return target;
}
