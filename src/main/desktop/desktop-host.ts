import { dirname } from 'node:path';
import type { i18n } from 'i18next';
import { pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import type { AppPaths } from '../app/app-paths.js';
import type { Logger } from '../app/logger.js';
import type { Keyring } from '../secrets/keyring.js';
import { loadFailedBox, rendererGoneBox, startFailedBox, stillQuittingBox } from './desktop-dialogs.js';
import type { DesktopPlatform, DesktopWindow, MessageBox } from './desktop-platform.js';
import { electronProfileDir } from './electron-profile-dir.js';
import type { HostServices } from './host-services.js';
import { APP_ID, APP_NAME } from './identity.js';
import { loginShellEnv, type ShellProbe } from './login-shell-env.js';
import { installQuitGuard } from './quit-guard.js';
import { WORKBENCH_URL, workbenchTransport } from './workbench-transport.js';

export interface DesktopOptions {
  readonly platform: DesktopPlatform;
  /** Patched in place with the login shell's PATH on macOS (the stack spawns with it). */
  readonly env: NodeJS.ProcessEnv;
  readonly paths: AppPaths;
  readonly preload: string;
  readonly log: Logger;
  readonly logFile: string;
  readonly shell: ShellProbe;
  readonly openServices: (keyring: Keyring) => HostServices;
}

export interface DesktopHost {
  /** False when another Weir holds the single-instance lock: this one quits at once. */
  readonly primary: boolean;
  /** Settles once the start succeeded or its failure was shown. */
  readonly started: Promise<void>;
}

/**
 * The desktop host's logic over a DesktopPlatform: one instance per user (a second launch
 * focuses the first window), services opened once ready, every start failure shown in an error
 * dialog in the user's language and logged, windows that report failed loads and crashed
 * renderers instead of staying invisible, and the local stack stopped on quit.
 */
export function runDesktop(options: DesktopOptions): DesktopHost {
  const { platform, log } = options;
  platform.setIdentity(APP_NAME, APP_ID, electronProfileDir(platform.os, platform.appDataDir(), options.env));
  if (!platform.requestSingleInstanceLock()) {
    log.info('desktop: another Weir is running; it shows its window instead');
    platform.quit();
    return { primary: false, started: Promise.resolve() };
  }
  let services: HostServices | null = null;
  const guard = installQuitGuard(platform, () => services, log);
  const translator = (): i18n => {
    let chosen = null;
    try {
      chosen = services?.locale() ?? null;
    } catch {
      /* catalog unreadable: the OS language will do */
    }
    return createTranslator(chosen ?? pickLocale(platform.preferredLanguages()));
  };
  const ask = (box: MessageBox, onChoice: (index: number) => void) =>
    void platform.showMessageBox(box).then(onChoice, (error: unknown) => log.error('desktop: dialog failed', error));

  const openWindow = (): DesktopWindow => {
    const window = platform.createWindow({ title: APP_NAME, width: 1400, height: 900, preload: options.preload });
    window.onReadyToShow(() => window.show());
    const recover = (index: number) => (index === 0 ? window.reload() : platform.quit());
    window.onLoadFailed((code, description, url) => {
      log.error(`desktop: loading ${url} failed: ${code} ${description}`);
      window.show();
      ask(loadFailedBox(translator(), description, url), recover);
    });
    window.onRendererGone((reason) => {
      log.error(`desktop: the workbench renderer is gone: ${reason}`);
      ask(rendererGoneBox(translator(), reason), recover);
    });
    // A rejected load also fires did-fail-load, handled above.
    window.loadURL(WORKBENCH_URL).catch(() => {});
    return window;
  };

  platform.onSecondInstance(() => {
    // Still stopping the stack after its last window closed: say so rather than stay silent.
    if (guard.quitting()) return ask(stillQuittingBox(translator()), () => {});
    const first = platform.windows().find((w) => !w.isDestroyed());
    if (!first) {
      if (services) openWindow(); // macOS: the app lives on without windows
      return;
    }
    if (first.isMinimized()) first.restore();
    first.show();
    first.focus();
  });

  const start = () => {
    Object.assign(options.env, loginShellEnv(platform.os, options.env, options.shell));
    platform.installTransport(workbenchTransport(options.paths.rendererDir, () => (services ? services.dispatch : null)));
    services = options.openServices(platform.keyring());
    const opened = services;
    opened.subscribe((name, payload) => {
      for (const window of platform.windows()) if (!window.isDestroyed()) window.send('weir:event', name, payload);
    });
    opened.startBackground();
    openWindow();
    log.info('desktop: started');
  };

  const failStart = async (error: unknown) => {
    log.error('desktop: start failed', error);
    const t = translator();
    const opened = services;
    services = null;
    const choice = await platform.showMessageBox(startFailedBox(t, error, options.logFile)).catch(() => 0);
    if (choice === 1) platform.openPath(dirname(options.logFile));
    // Services that opened before the failure may have started stack parts: stop those too.
    await opened?.stopStartedStack().catch((cause: unknown) => log.error('desktop: stopping the local stack failed', cause));
    try {
      opened?.close();
    } catch {
      /* already failing; the first error is the one shown */
    }
    platform.exit(1);
  };

  const started = platform.whenReady().then(start).catch(failStart);
  platform.onActivate(() => {
    if (services && platform.windows().length === 0) openWindow();
  });
  platform.onWindowAllClosed(() => {
    if (platform.os !== 'darwin') platform.quit();
  });
  return { primary: true, started };
}
