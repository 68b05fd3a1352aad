import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers.js';
import { appPaths } from '../app/app-paths.js';
import { fileLogger } from '../app/logger.js';
import { createServices, type Services } from '../app/services.js';
import { weirHome } from '../app/weir-home.js';
import { contentSecurityPolicy } from '../hosts/content-security-policy.js';
import { resolveStatic } from '../hosts/static-files.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { safeStorageCipher, safeStorageIsWeak } from './safe-storage-cipher.js';

/**
 * The desktop host, the only file (with its preload) that imports Electron. It serves the
 * built workbench from the `weir://app/` scheme into a sandboxed, context-isolated window and
 * carries the contract over IPC; the services are the same ones the browser host runs.
 */
const SCHEME = 'weir';
const ORIGIN = `${SCHEME}://app`;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const paths = appPaths(__dirname);
const home = weirHome();
const log = fileLogger(join(home, 'logs', 'weir.log'));
let services: Services | null = null;

function start(): void {
  const weak = safeStorageIsWeak(safeStorage);
  if (weak) log.warn(`OS keychain is ${weak}; secrets use the encrypted key file in ${home}`);
  const cipher = weak || process.env.WEIR_SECRETS === 'keyfile' ? keyFileCipher(join(home, 'secret.key')) : safeStorageCipher(safeStorage);
  const binding = join(paths.root, 'dist', 'native', 'electron', 'better_sqlite3.node');
  services = createServices({
    home,
    host: 'desktop',
    cipher,
    resourcesDir: paths.resourcesDir,
    runnerJar: paths.runnerJar,
    log,
    ...(existsSync(binding) ? { nativeBinding: binding } : {}),
  });
  services.autostartLocalStack();
  services.monitor.start();
  const dispatch = createDispatcher(createHandlers(services), services.log);

  const csp = contentSecurityPolicy([]);
  protocol.handle(SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? resolveStatic(paths.rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file), {
      headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp },
    });
  });

  // No remote content: the window may load only our scheme (and devtools in development).
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${ORIGIN}/`) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  ipcMain.handle('weir:call', (event, method: unknown, input: unknown) => {
    if (!event.senderFrame?.url.startsWith(`${ORIGIN}/`)) {
      return { ok: false, error: { code: 'contract.unknown-method', params: { method: String(method) } } };
    }
    return dispatch(String(method), input);
  });
  services.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('weir:event', name, payload);
  });

  createWindow();
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Weir',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.whenReady().then(start, (error: unknown) => log.error('desktop start failed', error));
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && services) createWindow();
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => services?.close());
