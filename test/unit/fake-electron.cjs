// A stand-in for the `electron` module, preloaded with `node -r` into the built desktop bundle
// (test/unit/desktop-bundle.test.ts): records every call, then prints them as JSON and exits.
const Module = require('node:module');
const calls = [];
const record = (name, ...args) => calls.push([name, ...args.map((a) => (typeof a === 'function' ? 'fn' : a))]);
const listeners = {};
let handler = null;
const lockFree = process.env.FAKE_ELECTRON_LOCK !== 'taken';

class BrowserWindow {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    record('BrowserWindow', options);
    BrowserWindow.all.push(this);
    this.webContents = { on: (e) => record('webContents.on', e), send: () => {}, reload: () => {}, setWindowOpenHandler: () => {} };
  }
  loadURL(url) {
    record('loadURL', url);
    return Promise.resolve();
  }
  once(e) {
    record('window.once', e);
  }
  show() {}
  isDestroyed() {
    return false;
  }
}

async function finish() {
  if (handler) {
    const response = await handler({ url: 'weir://app/index.html' });
    record('protocol.response', response.status, response.headers.get('content-type'));
  }
  process.stdout.write(JSON.stringify(calls) + '\n');
  process.exit(0);
}

const fake = {
  app: {
    isPackaged: false,
    on: (e, l) => {
      record('app.on', e);
      (listeners[e] ??= []).push(l);
    },
    getPath: (name) => (record('app.getPath', name), `/fake/${name}`),
    setPath: (name, value) => record('app.setPath', name, value),
    setName: (name) => record('app.setName', name),
    setAppUserModelId: (id) => record('app.setAppUserModelId', id),
    requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), lockFree),
    whenReady: () => (record('app.whenReady'), lockFree ? Promise.resolve() : new Promise(() => {})),
    quit: () => {
      record('app.quit');
      setTimeout(finish, 50);
    },
    exit: (code) => {
      record('app.exit', code);
      setTimeout(finish, 50);
    },
    getPreferredSystemLanguages: () => ['en-US'],
    getLocale: () => 'en-US',
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme, h) => {
      record('protocol.handle', scheme);
      handler = h;
    },
  },
  session: { defaultSession: { webRequest: { onBeforeRequest: () => record('onBeforeRequest') }, setPermissionRequestHandler: () => record('setPermissionRequestHandler') } },
  ipcMain: { handle: (channel) => record('ipcMain.handle', channel) },
  safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  dialog: {
    showMessageBox: async (box) => (record('dialog.showMessageBox', box.title, box.detail), { response: 0 }),
    showErrorBox: (title, text) => record('dialog.showErrorBox', title, text),
  },
  shell: { openPath: async () => '' },
  BrowserWindow,
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};
setTimeout(finish, Number(process.env.FAKE_ELECTRON_MS ?? 3000));
