import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers.js';
import type { AppPaths } from '../app/app-paths.js';
import { fileLogger, type Logger } from '../app/logger.js';
import { createServices } from '../app/services.js';
import { weirHome } from '../app/weir-home.js';
import { isLoopback, validHostName } from '../hosts/bind-policy.js';
import { startBrowserHost, type BrowserHost } from '../hosts/browser-host.js';
import { createToken, loadOrCreateToken } from '../hosts/login-token.js';
import { loadTlsIdentity, selfSignedIdentity, type TlsIdentity } from '../hosts/tls-identity.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { writeOut, writeErr } from './terminal-text.js';

const DEFAULT_PORT = 7420;
/** setTimeout takes at most about 24.8 days; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `weir serve`: the workbench in a browser, or headless on an edge node; runs until stopped. */
export async function serveCommand(args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      json: { type: 'boolean', default: false },
      'rotate-token': { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true, default: [] },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new WeirError('cli.bad-option', { option: '--port', value: values.port ?? '' });
  }
  const bind = values.host!;
  const allowHosts = values['allow-host']!.flatMap((h) => h.split(',')).map((h) => h.trim()).filter(Boolean);
  for (const name of allowHosts) if (!validHostName(name)) throw new WeirError('serve.bad-host-name', { name });
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new WeirError('serve.tls-pair');
  if (!isLoopback(bind) && allowHosts.length === 0) throw new WeirError('serve.remote-needs-hosts', { host: bind });
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    throw new WeirError('serve.not-built', { dir: paths.rendererDir });
  }
  const home = weirHome();
  const log = fileLogger(join(home, 'logs', 'weir.log'));
  // A headless host must outlive one bad promise: log it, keep schedules and alerts running.
  const survive = (reason: unknown) => log.error('unhandled rejection (survived)', reason);
  process.on('unhandledRejection', survive);

  const tls: TlsIdentity | undefined =
    values['tls-cert'] !== undefined
      ? loadTlsIdentity(values['tls-cert'], values['tls-key']!)
      : isLoopback(bind)
        ? undefined
        : selfSignedIdentity(join(home, 'tls'), allowHosts);
  const tokenFile = join(home, 'serve-token.json');
  const login = loadOrCreateToken(tokenFile, { rotate: values['rotate-token'] });

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
    host: bind,
    port,
    token: login.token,
    allowedHosts: allowHosts,
    ...(tls ? { tls: { cert: tls.cert, key: tls.key } } : {}),
  });
  if (!isLoopback(bind)) {
    writeErr(t.t('cli.serve.notLoopback', { host: bind }) + '\n');
    writeErr(t.t('cli.serve.remote', { hosts: allowHosts.join(', ') }) + '\n');
  }
  if (tls && !values.json) process.stderr.write(t.t('cli.serve.fingerprint', { fingerprint: tls.fingerprint }) + '\n');
  services.autostartLocalStack();
  services.monitor.start();
  if (values.json) {
    process.stdout.write(JSON.stringify({ url: host.url, port: host.port, home, ...(tls ? { fingerprint: tls.fingerprint } : {}) }) + '\n');
  } else writeOut(t.t('cli.serve.ready', { url: host.url, home }) + '\n');
  const rotation = rotateWhenExpired(host, tokenFile, login.expiresAt, log, (url) => {
    process.stdout.write((values.json ? JSON.stringify({ url }) : t.t('cli.serve.tokenRotated', { url })) + '\n');
  });

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  rotation.stop();
  await host.close();
  services.close();
  process.off('unhandledRejection', survive);
  return 0;
}

/** Replaces the login token when it expires; sessions already open go on until their own end. */
function rotateWhenExpired(host: BrowserHost, file: string, expiresAt: number, log: Logger, announce: (url: string) => void) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = (at: number) => {
    timer = setTimeout(() => {
      if (Date.now() < at) return arm(at);
      const next = createToken(file);
      host.setToken(next.token, false);
      log.info('login token expired and was replaced');
      announce(host.url);
      arm(next.expiresAt);
    }, Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
    timer.unref();
  };
  arm(expiresAt);
  return { stop: () => timer && clearTimeout(timer) };
}
