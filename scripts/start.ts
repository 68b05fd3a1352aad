/**
 * `npm start`: the desktop app when the Electron binary is installed, else the same workbench
 * in the browser host (machines that cannot download Electron: CI, air-gapped build boxes).
 * better-sqlite3 in node_modules is built for Node (the CLI and the tests use it); the desktop
 * host gets its own copy built for Electron's ABI in dist/native/electron.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The installed Electron binary, read from the package's path.txt (requiring 'electron' would try to download it). */
function electronBinary(): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

async function electronSqlite(): Promise<void> {
  const version = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const target = join(root, 'dist/native/electron/better_sqlite3.node');
  const stamp = `${target}.version`;
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  const work = join(root, 'dist/native/electron-build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), join(work, 'node_modules/better-sqlite3'), { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'weir-native', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = (await import('@electron/rebuild')) as { rebuild(o: object): Promise<void> };
  await rebuild({ buildPath: work, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), target);
  writeFileSync(stamp, version);
}

async function main(): Promise<void> {
  const electron = electronBinary();
  if (electron) {
    await electronSqlite();
    const child = spawn(electron, [join(root, 'dist/main/desktop.cjs')], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  process.stderr.write(
    'Electron is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): opening the same workbench in the browser host.\n' +
      'Electron 未安装（ELECTRON_SKIP_BINARY_DOWNLOAD）：改为在浏览器宿主中打开同一工作台。\n',
  );
  const result = spawnSync(process.execPath, [join(root, 'dist/main/cli.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
