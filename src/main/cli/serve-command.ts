import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers.js';
import type { AppPaths } from '../app/app-paths.js';
import { fileLogger } from '../app/logger.js';
import { createServices } from '../app/services.js';
import { weirHome } from '../app/weir-home.js';
import { startBrowserHost } from '../hosts/browser-host.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { existsSync } from 'node:fs';
import { writeOut, writeErr } from './terminal-text.js';

const DEFAULT_PORT = 7420;

/** `weir serve`: the workbench in a browser, or headless on an edge node; runs until stopped. */
export async function serveCommand(args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new WeirError('cli.bad-option', { option: '--port', value: values.port ?? '' });
  }
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    throw new WeirError('serve.not-built', { dir: paths.rendererDir });
  }
  const home = weirHome();
  const log = fileLogger(join(home, 'logs', 'weir.log'));
  const services = createServices({
    home,
    host: 'browser',
    cipher: keyFileCipher(join(home, 'secret.key')),
    resourcesDir: paths.resourcesDir,
    runnerJar: paths.runnerJar,
    log,
  });
  const dispatch = createDispatcher(createHandlers(services), services.log);
  const host = await startBrowserHost({
    dispatch,
    events: services.events,
    rendererDir: paths.rendererDir,
    log: services.log,
    host: values.host!,
    port,
  });
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    writeErr(t.t('cli.serve.notLoopback', { host: values.host }) + '\n');
  }
  services.autostartLocalStack();
  services.monitor.start();
  if (values.json) process.stdout.write(JSON.stringify({ url: host.url, port: host.port, home }) + '\n');
  else writeOut(t.t('cli.serve.ready', { url: host.url, home }) + '\n');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  services.close();
  return 0;
}
