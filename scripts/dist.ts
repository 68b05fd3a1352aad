/**
 * `npm run dist` (after `npm run build`): the installers of electron-builder.yml for this OS,
 * for each architecture it lists. electron-builder's npmRebuild is off (it would rebuild
 * node_modules in place for Electron); instead, before each architecture is packed, the
 * Electron copy of better-sqlite3 is built for it into dist/native/electron. Needs network
 * access to Electron's binaries and headers; the installers it makes run offline.
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { Arch, build } from 'electron-builder';
import { writeIcon } from './build-icon.js';
import { buildElectronSqlite } from './electron-native.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  writeIcon(join(root, 'resources/build/icon.png'));
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  await build({
    projectDir: root,
    config: {
      ...config,
      beforePack: async (context) => {
        const arch = Arch[context.arch];
        process.stdout.write(`better-sqlite3 for Electron on ${context.electronPlatformName}-${arch}\n`);
        await buildElectronSqlite(root, arch);
      },
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`dist failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
