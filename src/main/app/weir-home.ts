import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where Weir keeps its catalog, keys and stack: WEIR_HOME, else the platform's app-data folder. */
export function weirHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEIR_HOME) return resolve(env.WEIR_HOME);
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Weir');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Weir');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'weir');
}
