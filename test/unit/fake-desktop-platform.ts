import type { DesktopPlatform, DesktopWindow, MessageBox, WindowSpec, WorkbenchTransport } from '../../src/main/desktop/desktop-platform.js';
import type { Keyring } from '../../src/main/secrets/keyring.js';

/** A DesktopPlatform that records what the host asks of Electron, for the host's unit tests. */
export class FakeWindow implements DesktopWindow {
  readonly loaded: string[] = [];
  readonly sent: unknown[][] = [];
  shown = false;
  focused = 0;
  hidden = false;
  minimized = false;
  reloads = 0;
  private readonly ready: (() => void)[] = [];
  private readonly loadFailed: ((code: number, description: string, url: string) => void)[] = [];
  private readonly gone: ((reason: string) => void)[] = [];
  constructor(readonly spec: WindowSpec) {}
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  reload() {
    this.reloads++;
  }
  show() {
    this.shown = true;
  }
  hide() {
    this.hidden = true;
  }
  focus() {
    this.focused++;
  }
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return false;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  onReadyToShow(listener: () => void) {
    this.ready.push(listener);
  }
  onLoadFailed(listener: (code: number, description: string, url: string) => void) {
    this.loadFailed.push(listener);
  }
  onRendererGone(listener: (reason: string) => void) {
    this.gone.push(listener);
  }
  fireReady() {
    for (const l of this.ready) l();
  }
  fireLoadFailed(code: number, description: string, url: string) {
    for (const l of this.loadFailed) l(code, description, url);
  }
  fireGone(reason: string) {
    for (const l of this.gone) l(reason);
  }
}

export class FakePlatform implements DesktopPlatform {
  readonly isPackaged = true;
  identity: { name: string; id: string; profile: string } | null = null;
  lockFree = true;
  quits = 0;
  exitCode: number | null = null;
  readonly boxes: MessageBox[] = [];
  readonly errorBoxes: string[][] = [];
  readonly opened: string[] = [];
  /** Index the next message boxes answer with. */
  answer = 0;
  transport: WorkbenchTransport | null = null;
  readonly created: FakeWindow[] = [];
  private readonly listeners = new Map<string, ((arg: () => void) => void)[]>();
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(
    readonly os: NodeJS.Platform = 'linux',
    private readonly languages: readonly string[] = ['en-US'],
    readonly fakeKeyring: Keyring = { weakness: () => 'unavailable', seal: () => Buffer.alloc(0), open: () => '' },
  ) {}

  private on(name: string, listener: (arg: () => void) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  emit(name: string): boolean {
    let prevented = false;
    for (const l of this.listeners.get(name) ?? []) l(() => (prevented = true));
    return prevented;
  }
  becomeReady() {
    this.readyResolve();
  }

  appDataDir() {
    return this.os === 'win32' ? 'C:\\Users\\u\\AppData\\Roaming' : '/home/u/.config';
  }
  setIdentity(name: string, id: string, profile: string) {
    this.identity = { name, id, profile };
  }
  requestSingleInstanceLock() {
    return this.lockFree;
  }
  onSecondInstance(listener: () => void) {
    this.on('second-instance', listener);
  }
  whenReady() {
    return this.readyPromise;
  }
  onActivate(listener: () => void) {
    this.on('activate', listener);
  }
  onWindowAllClosed(listener: () => void) {
    this.on('window-all-closed', listener);
  }
  onBeforeQuit(listener: (prevent: () => void) => void) {
    this.on('before-quit', listener);
  }
  quit() {
    this.quits++;
    // Like Electron: quitting emits before-quit, which a listener may prevent.
    this.emit('before-quit');
  }
  exit(code: number) {
    this.exitCode = code;
  }
  preferredLanguages() {
    return this.languages;
  }
  keyring() {
    return this.fakeKeyring;
  }
  installTransport(transport: WorkbenchTransport) {
    this.transport = transport;
  }
  createWindow(spec: WindowSpec) {
    const window = new FakeWindow(spec);
    this.created.push(window);
    return window;
  }
  windows() {
    return this.created;
  }
  async showMessageBox(box: MessageBox) {
    this.boxes.push(box);
    return this.answer;
  }
  showErrorBox(title: string, content: string) {
    this.errorBoxes.push([title, content]);
  }
  openPath(path: string) {
    this.opened.push(path);
  }
}
