import { join } from 'node:path';
import { pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { appPaths } from '../app/app-paths.js';
import { fileLogger } from '../app/logger.js';
import { weirHome } from '../app/weir-home.js';
import { reasonOf } from './desktop-dialogs.js';
import { runDesktop } from './desktop-host.js';
import { electronPlatform } from './electron-platform.js';
import { openHostServices } from './host-services.js';
import { nodeShellProbe } from './login-shell-env.js';

/**
 * Entry of the desktop app (dist/main/desktop.cjs): wires the real Electron platform, Weir's
 * home (the same folder the CLI and `weir serve` use) and the services into runDesktop.
 */
const platform = electronPlatform();
try {
  const home = weirHome();
  const logFile = join(home, 'logs', 'weir.log');
  const log = fileLogger(logFile);
  const paths = appPaths(__dirname);
  // A rejection nobody awaited would otherwise vanish: keep it in the log a bug report carries.
  process.on('unhandledRejection', (reason) => log.error('desktop: unhandled rejection', reason));
  runDesktop({
    platform,
    env: process.env,
    paths,
    preload: join(__dirname, 'preload.cjs'),
    log,
    logFile,
    shell: nodeShellProbe,
    openServices: (keyring) => openHostServices({ home, paths, keyring, log }),
  });
} catch (error) {
  // Before there is a log (WEIR_HOME not writable, a damaged install): say it, then leave.
  const t = createTranslator(pickLocale(platform.preferredLanguages()));
  platform.showErrorBox(t.t('desktop.startFailed.title'), reasonOf(t, error));
  platform.exit(1);
}
