import { join } from 'node:path';
import { displayWidth } from '../../shared/i18n/display-width.js';
import type { AppPaths } from '../app/app-paths.js';
import { fileLogger } from '../app/logger.js';
import { createServices, type Services } from '../app/services.js';
import { weirHome } from '../app/weir-home.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { redactOutputWith, writeJson, writeOut } from './terminal-text.js';

/**
 * The same services the workbench uses, over the same catalog in WEIR_HOME, for one CLI command.
 * The local stack is never started from here: a command must not leave JVMs behind.
 */
export function cliServices(paths: AppPaths, env: NodeJS.ProcessEnv = process.env): Services {
  const home = weirHome(env);
  const services = createServices({
    home,
    host: 'browser',
    cipher: keyFileCipher(join(home, 'secret.key')),
    resourcesDir: paths.resourcesDir,
    runnerJar: paths.runnerJar,
    log: fileLogger(join(home, 'logs', 'weir.log')),
    env,
  });
  redactOutputWith(services.redact);
  return services;
}

/** Runs `fn` with the services and closes them, also when it throws. */
export async function withServices<T>(paths: AppPaths, fn: (s: Services) => Promise<T>): Promise<T> {
  const services = cliServices(paths);
  try {
    // A running local stack is the cluster "Local" here too (registered once, as in the workbench).
    await services.stack.local();
    return await fn(services);
  } finally {
    services.close();
  }
}

export function printJson(value: unknown): void {
  writeJson(JSON.stringify(value, null, 2) + '\n');
}

/** Plain columns for terminals: widths from the widest cell, in display cells (CJK counts double). */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const width = displayWidth;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  ').trimEnd();
  writeOut([line(header), ...rows.map(line)].join('\n') + '\n');
}
