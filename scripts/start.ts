/**
 * `npm start`: the desktop app when the Electron binary is installed, else the same workbench
 * in the browser host (machines that cannot download Electron: CI, air-gapped build boxes).
 * better-sqlite3 in node_modules is built for Node (the CLI and the tests use it); the desktop
 * host gets its own copy built for Electron's ABI in dist/native/electron.
 * Electron is started on the project folder, not on the .cjs file: then it reads package.json
 * (productName "Weir", main), so `npm start` has the installed app's name, keychain entry
 * ("Weir Safe Storage") and single-instance lock. (The host sets the same name and id again.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';
import { buildElectronSqlite } from './electron-native.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const electron = electronBinary(root);
  if (electron) {
    await buildElectronSqlite(root);
    const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
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
