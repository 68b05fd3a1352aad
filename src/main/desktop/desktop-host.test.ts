import { describe, expect, it } from 'vitest';
import { FakePlatform } from '../../../test/unit/fake-desktop-platform.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { AppPaths } from '../app/app-paths.js';
import type { Logger } from '../app/logger.js';
import { runDesktop } from './desktop-host.js';
import type { HostServices } from './host-services.js';
import type { ShellProbe } from './login-shell-env.js';

const paths: AppPaths = { root: '/app', rendererDir: '/app/dist/renderer', resourcesDir: '/app/resources', runnerJar: '/app/r.jar', electronSqlite: '/app/s.node' };
const noShell: ShellProbe = { run: () => null, exists: () => false };

function memoryLog() {
  const lines: string[] = [];
  const log: Logger = { info: (m) => void lines.push(`INFO ${m}`), warn: (m) => void lines.push(`WARN ${m}`), error: (m, c) => void lines.push(`ERROR ${m} ${c instanceof Error ? c.message : ''}`) };
  return { lines, log };
}

function fakeServices(overrides: Partial<HostServices> = {}) {
  const calls: string[] = [];
  let listener: ((event: string, payload: unknown) => void) | null = null;
  const services: HostServices = {
    dispatch: async (method) => ({ ok: true, output: method }),
    subscribe: (l) => void (listener = l),
    startBackground: () => void calls.push('background'),
    locale: () => null,
    keepStackOnQuit: () => false,
    stopStartedStack: async () => {
      calls.push('stop-stack');
      return ['postgres', 'flink-jobmanager'];
    },
    close: () => void calls.push('close'),
    ...overrides,
  };
  return { services, calls, emit: (event: string, payload: unknown) => listener?.(event, payload) };
}

function launch(platform: FakePlatform, open: () => HostServices) {
  const { lines, log } = memoryLog();
  const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
  const host = runDesktop({ platform, env, paths, preload: '/app/dist/main/preload.cjs', log, logFile: '/home/u/.local/share/weir/logs/weir.log', shell: noShell, openServices: open });
  return { host, lines, env };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('desktop host', () => {
  it('opens the workbench from weir://app/ once ready, with the preload and the same identity as installed builds', async () => {
    const platform = new FakePlatform();
    const { services, calls } = fakeServices();
    const { host } = launch(platform, () => services);
    expect(platform.identity).toMatchObject({ name: 'Weir', id: 'dev.weir.desktop' });
    expect(platform.created).toHaveLength(0); // nothing before ready
    platform.becomeReady();
    await host.started;
    expect(calls).toEqual(['background']);
    const [window] = platform.created;
    expect(window?.loaded).toEqual(['weir://app/index.html']);
    expect(window?.spec.preload).toBe('/app/dist/main/preload.cjs');
    expect(window?.shown).toBe(false);
    window?.fireReady();
    expect(window?.shown).toBe(true);
  });

  it('answers IPC only from its own origin, and forwards events to every window', async () => {
    const platform = new FakePlatform();
    const fake = fakeServices();
    const { host } = launch(platform, () => fake.services);
    platform.becomeReady();
    await host.started;
    const transport = platform.transport!;
    expect(await transport.call('weir://app/index.html', 'files.list', {})).toEqual({ ok: true, output: 'files.list' });
    expect(await transport.call('https://evil.example/', 'files.list', {})).toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
    expect(await transport.call(undefined, 'files.list', {})).toMatchObject({ ok: false });
    fake.emit('stack.changed', { x: 1 });
    expect(platform.created[0]?.sent).toEqual([['weir:event', 'stack.changed', { x: 1 }]]);
  });

  it('a second launch quits at once and the first one shows and focuses its window', async () => {
    const first = new FakePlatform();
    const { host } = launch(first, () => fakeServices().services);
    first.becomeReady();
    await host.started;
    const window = first.created[0]!;
    window.minimized = true;

    const second = new FakePlatform();
    second.lockFree = false;
    let opened = false;
    const other = launch(second, () => {
      opened = true;
      return fakeServices().services;
    });
    expect(other.host.primary).toBe(false);
    expect(second.quits).toBe(1);
    second.becomeReady();
    await tick();
    expect(opened).toBe(false); // no second catalog, monitor or stack autostart
    expect(second.created).toHaveLength(0);

    first.emit('second-instance'); // Electron tells the lock holder
    expect(window.minimized).toBe(false);
    expect(window.shown).toBe(true);
    expect(window.focused).toBe(1);
  });

  it('a launch while the first is still stopping its stack is told so; one with no window left opens one', async () => {
    const platform = new FakePlatform('darwin');
    let release!: () => void;
    const fake = fakeServices({ stopStartedStack: () => new Promise((resolve) => (release = () => resolve([]))) });
    const { host } = launch(platform, () => fake.services);
    platform.becomeReady();
    await host.started;
    platform.created.length = 0; // macOS: every window closed, the app lives on
    platform.emit('second-instance');
    expect(platform.created).toHaveLength(1);

    platform.emit('before-quit');
    platform.emit('second-instance');
    await tick();
    expect(platform.boxes[0]?.title).toBe('Weir is quitting');
    expect(platform.created).toHaveLength(1);
    release();
  });

  it('shows a failing start in an error dialog in the user language, logs it, and exits', async () => {
    const platform = new FakePlatform('linux', ['zh-CN']);
    platform.answer = 1; // "open the log folder"
    const { host, lines } = launch(platform, () => {
      throw new Error('The module better_sqlite3.node was compiled against NODE_MODULE_VERSION 115');
    });
    platform.becomeReady();
    await host.started;
    const [box] = platform.boxes;
    expect(box?.type).toBe('error');
    expect(box?.title).toBe('Weir 无法启动');
    expect(box?.detail).toContain('NODE_MODULE_VERSION 115');
    expect(box?.detail).toContain('/home/u/.local/share/weir/logs/weir.log');
    expect(box?.buttons).toEqual(['退出', '打开日志文件夹']);
    expect(platform.opened).toEqual(['/home/u/.local/share/weir/logs']);
    expect(platform.exitCode).toBe(1);
    expect(platform.created).toHaveLength(0); // no window left behind
    expect(lines.some((l) => l.startsWith('ERROR desktop: start failed') && l.includes('NODE_MODULE_VERSION'))).toBe(true);
  });

  it('words a Weir error (a damaged key file) with its message and hint', async () => {
    const platform = new FakePlatform('linux', ['en-GB']);
    const { host } = launch(platform, () => {
      throw new WeirError('secrets.bad-key-file', { keyFile: '/k/secret.key' });
    });
    platform.becomeReady();
    await host.started;
    expect(platform.boxes[0]?.detail).toContain('The key file /k/secret.key is not a Weir key.');
    expect(platform.boxes[0]?.detail).toContain('Restore it from a backup');
    expect(platform.exitCode).toBe(1);
  });

  it('stops the stack parts it started when a later step of the start fails', async () => {
    const platform = new FakePlatform();
    const fake = fakeServices({
      startBackground: () => {
        throw new Error('WEIR_STACK_FLINK_PORT=99999 is not a TCP port');
      },
    });
    const { host } = launch(platform, () => fake.services);
    platform.becomeReady();
    await host.started;
    expect(platform.boxes[0]?.detail).toContain('WEIR_STACK_FLINK_PORT=99999');
    expect(fake.calls).toEqual(['stop-stack', 'close']);
    expect(platform.exitCode).toBe(1);
  });

  it('stops the stack it started when the app quits, then quits for real', async () => {
    const platform = new FakePlatform();
    const fake = fakeServices();
    const { host, lines } = launch(platform, () => fake.services);
    platform.becomeReady();
    await host.started;
    const prevented = platform.emit('before-quit');
    expect(prevented).toBe(true); // held until the stack is down
    expect(platform.created[0]?.hidden).toBe(true);
    expect(platform.emit('before-quit')).toBe(true); // a second Cmd+Q while stopping waits too
    await tick();
    await tick();
    expect(fake.calls).toEqual(['background', 'stop-stack', 'close']);
    expect(platform.quits).toBe(1);
    expect(platform.emit('before-quit')).toBe(false);
    expect(lines).toContain('INFO desktop: quitting; stopped postgres, flink-jobmanager');
  });

  it('leaves the stack running on quit when the user chose to keep it', async () => {
    const platform = new FakePlatform();
    const fake = fakeServices({ keepStackOnQuit: () => true });
    const { host } = launch(platform, () => fake.services);
    platform.becomeReady();
    await host.started;
    platform.emit('before-quit');
    await tick();
    expect(fake.calls).toEqual(['background', 'close']);
    expect(platform.quits).toBe(1);
  });

  it('shows a window whose page failed to load, and reloads it on request', async () => {
    const platform = new FakePlatform();
    const { host, lines } = launch(platform, () => fakeServices({ locale: () => 'zh-CN' }).services);
    platform.becomeReady();
    await host.started;
    const window = platform.created[0]!;
    window.fireLoadFailed(-6, 'ERR_FILE_NOT_FOUND', 'weir://app/index.html');
    await tick();
    expect(window.shown).toBe(true); // never an invisible window
    expect(platform.boxes[0]?.title).toBe('工作台未能加载'); // the language chosen in settings
    expect(window.reloads).toBe(1);
    expect(lines.some((l) => l.includes('ERR_FILE_NOT_FOUND'))).toBe(true);
  });

  it('offers reload or quit when the renderer process is gone', async () => {
    const platform = new FakePlatform();
    const fake = fakeServices();
    const { host } = launch(platform, () => fake.services);
    platform.becomeReady();
    await host.started;
    platform.answer = 1;
    platform.created[0]!.fireGone('oom');
    await tick();
    expect(platform.boxes[0]?.detail).toContain('oom');
    await tick();
    // "Quit" goes through the quit guard: the stack is stopped, then the app quits for real.
    expect(fake.calls).toEqual(['background', 'stop-stack', 'close']);
    expect(platform.quits).toBe(2);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = new FakePlatform('linux');
    launch(linux, () => fakeServices().services);
    linux.emit('window-all-closed');
    expect(linux.quits).toBe(1);
    const mac = new FakePlatform('darwin');
    launch(mac, () => fakeServices().services);
    mac.emit('window-all-closed');
    expect(mac.quits).toBe(0);
  });

  it('takes the login shell PATH on macOS before the services (and the stack) start', async () => {
    const platform = new FakePlatform('darwin');
    let pathAtOpen = '';
    const { log } = memoryLog();
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin', SHELL: '/bin/zsh' };
    const shell: ShellProbe = {
      run: (command) => (command === '/bin/zsh' ? 'motd\n__WEIR_PATH__/opt/homebrew/bin:/usr/bin__WEIR_PATH__' : null),
      exists: () => false,
    };
    const host = runDesktop({
      platform,
      env,
      paths,
      preload: 'p',
      log,
      logFile: 'l',
      shell,
      openServices: () => {
        pathAtOpen = env.PATH ?? '';
        return fakeServices().services;
      },
    });
    platform.becomeReady();
    await host.started;
    expect(pathAtOpen).toBe('/usr/bin:/bin:/opt/homebrew/bin');
  });
});
