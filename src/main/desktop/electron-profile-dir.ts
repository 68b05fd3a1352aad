import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Chromium keeps its profile (caches, local storage, the single-instance lock), away from
 * Weir's own data. Electron's default is `<appData>/<productName>`, which on Windows is
 * `%APPDATA%\Weir` and on macOS `~/Library/Application Support/Weir`: exactly WEIR_HOME, the
 * folder the CLI and `weir serve` use for the catalog and the key file. On Linux the default
 * (`~/.config/Weir`) is already apart from `~/.local/share/weir`.
 */
export function electronProfileDir(os: NodeJS.Platform, appDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (os === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Weir', 'Electron');
  if (os === 'darwin') return join(appDataDir, 'dev.weir.desktop');
  return join(appDataDir, 'Weir');
}
