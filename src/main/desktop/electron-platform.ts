import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import type { DesktopPlatform, DesktopWindow } from './desktop-platform.js';
import { electronKeyring } from './electron-keyring.js';
import { ORIGIN, SCHEME } from './workbench-transport.js';

/**
 * DesktopPlatform over the real Electron API: the only place (with the preload and the keyring
 * adapter) that imports `electron`. Kept to plain mapping; decisions live in desktop-host.ts.
 */
export function electronPlatform(): DesktopPlatform {
  // Must happen before `ready`: the scheme gets a real origin, fetch and secure-context rights.
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const wrap = (window: BrowserWindow): DesktopWindow => ({
    loadURL: (url) => window.loadURL(url),
    reload: () => window.webContents.reload(),
    show: () => window.show(),
    hide: () => window.hide(),
    focus: () => window.focus(),
    restore: () => window.restore(),
    isMinimized: () => window.isMinimized(),
    isDestroyed: () => window.isDestroyed(),
    send: (channel, ...args) => window.webContents.send(channel, ...args),
    onReadyToShow: (listener) => void window.once('ready-to-show', listener),
    onLoadFailed: (listener) =>
      void window.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
        // -3 is ERR_ABORTED: a navigation replaced by another, not a failure.
        if (isMainFrame && code !== -3) listener(code, description, url);
      }),
    onRendererGone: (listener) =>
      void window.webContents.on('render-process-gone', (_e, details) => {
        if (details.reason !== 'clean-exit') listener(details.reason);
      }),
  });
  const wrapped = new WeakMap<BrowserWindow, DesktopWindow>();
  const of = (window: BrowserWindow) => {
    let w = wrapped.get(window);
    if (!w) wrapped.set(window, (w = wrap(window)));
    return w;
  };
  return {
    os: process.platform,
    isPackaged: app.isPackaged,
    appDataDir: () => app.getPath('appData'),
    setIdentity(name, appUserModelId, profileDir) {
      app.setName(name);
      if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
      app.setPath('userData', profileDir);
    },
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    onSecondInstance: (listener) => void app.on('second-instance', () => listener()),
    whenReady: () => app.whenReady(),
    onActivate: (listener) => void app.on('activate', () => listener()),
    onWindowAllClosed: (listener) => void app.on('window-all-closed', () => listener()),
    onBeforeQuit: (listener) => void app.on('before-quit', (event) => listener(() => event.preventDefault())),
    quit: () => app.quit(),
    exit: (code) => app.exit(code),
    preferredLanguages: () => [...app.getPreferredSystemLanguages(), app.getLocale()],
    keyring: () => electronKeyring(safeStorage),
    installTransport(transport) {
      protocol.handle(transport.scheme, (request) => {
        const { status, body, headers } = transport.respond(request.url);
        return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status, headers });
      });
      // No remote content: the window may load only our scheme (and devtools in development).
      session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !(details.url.startsWith(`${ORIGIN}/`) || details.url.startsWith('devtools://')) });
      });
      session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      ipcMain.handle('weir:call', (event, method: unknown, input: unknown) => transport.call(event.senderFrame?.url, method, input));
    },
    createWindow(spec) {
      const window = new BrowserWindow({
        width: spec.width,
        height: spec.height,
        title: spec.title,
        show: false,
        ...(spec.icon ? { icon: spec.icon } : {}),
        webPreferences: { preload: spec.preload, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
      });
      return of(window);
    },
    windows: () => BrowserWindow.getAllWindows().map(of),
    async showMessageBox(box) {
      const result = await dialog.showMessageBox({ type: box.type, title: box.title, message: box.message, detail: box.detail, buttons: [...box.buttons], defaultId: 0, noLink: true });
      return result.response;
    },
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    openPath: (path) => void shell.openPath(path),
  };
}
