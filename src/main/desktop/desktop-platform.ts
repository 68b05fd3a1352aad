import type { Keyring } from '../secrets/keyring.js';

/**
 * The part of Electron the desktop host uses, as a small interface: the host's logic
 * (desktop-host.ts) runs against it, unit-tested under plain Node with a fake, and
 * electron-platform.ts is the one thin file that maps it onto the real `electron` module.
 */
export interface DesktopWindow {
  loadURL(url: string): Promise<void>;
  reload(): void;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  onReadyToShow(listener: () => void): void;
  /** The main frame failed to load (not sub-resources, not aborted navigations). */
  onLoadFailed(listener: (code: number, description: string, url: string) => void): void;
  onRendererGone(listener: (reason: string) => void): void;
}

export interface WindowSpec {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly preload: string;
  readonly icon?: string;
}

export interface MessageBox {
  readonly type: 'error' | 'warning';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  /** Button labels; the promise resolves with the index clicked. */
  readonly buttons: readonly string[];
}

/** Serves the workbench: a URL under weir://app/ → a response, and IPC calls from its frames. */
export interface WorkbenchTransport {
  readonly scheme: string;
  respond(url: string): { status: number; body: Buffer | string; headers: Record<string, string> };
  call(senderUrl: string | undefined, method: unknown, input: unknown): Promise<unknown>;
}

export interface DesktopPlatform {
  readonly os: NodeJS.Platform;
  readonly isPackaged: boolean;
  /** app.getPath('appData'): %APPDATA%, ~/Library/Application Support, ~/.config. */
  appDataDir(): string;
  /** Name, Windows AppUserModelID and Chromium profile folder: set before `ready`. */
  setIdentity(name: string, appUserModelId: string, profileDir: string): void;
  /** Electron's single-instance lock; false when another Weir holds it. */
  requestSingleInstanceLock(): boolean;
  onSecondInstance(listener: () => void): void;
  whenReady(): Promise<void>;
  onActivate(listener: () => void): void;
  onWindowAllClosed(listener: () => void): void;
  /** `before-quit`; calling prevent() keeps the app alive until `quit()` is called again. */
  onBeforeQuit(listener: (prevent: () => void) => void): void;
  quit(): void;
  exit(code: number): void;
  /** OS languages, best first (for the error dialog before settings can be read). */
  preferredLanguages(): readonly string[];
  keyring(): Keyring;
  /** Registers the scheme handler, the request filter and the IPC channels. */
  installTransport(transport: WorkbenchTransport): void;
  createWindow(spec: WindowSpec): DesktopWindow;
  windows(): readonly DesktopWindow[];
  showMessageBox(box: MessageBox): Promise<number>;
  /** A blocking error box; usable before `ready`, when nothing else is. */
  showErrorBox(title: string, content: string): void;
  openPath(path: string): void;
}
