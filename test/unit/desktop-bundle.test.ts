import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The built desktop bundle (dist/main/desktop.cjs) run under plain Node with a recording stand-in
 * for `electron` (fake-electron.cjs): checks the thin Electron mapping the unit tests cannot see,
 * i.e. what is called, in which order, before and after `ready`. The real Electron run is the
 * smoke test (test/e2e/desktop-smoke.test.ts).
 */
const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'dist', 'main', 'desktop.cjs');
const built = existsSync(bundle) && existsSync(join(root, 'dist', 'renderer', 'index.html'));
if (!built) process.stdout.write('desktop bundle check skipped: dist/ is not built (run `npm run build`)\n');

type Call = [string, ...unknown[]];

function run(env: NodeJS.ProcessEnv = {}): Call[] {
  const home = mkdtempSync(join(tmpdir(), 'weir-bundle-home-'));
  const result = spawnSync(process.execPath, ['-r', join(root, 'test', 'unit', 'fake-electron.cjs'), bundle], {
    // Plain Node loads node_modules' better-sqlite3, not an Electron build `npm start` may have left.
    env: { ...process.env, WEIR_HOME: home, WEIR_LOCAL_STACK: 'off', WEIR_ELECTRON_SQLITE: join(home, 'none.node'), FAKE_ELECTRON_MS: '2500', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (!last.startsWith('[')) throw new Error(`no record from the bundle: ${result.stderr}`);
  return JSON.parse(last) as Call[];
}

const index = (calls: Call[], name: string) => calls.findIndex((c) => c[0] === name);

describe.skipIf(!built)('the built desktop bundle against a recording electron', () => {
  it('sets identity and profile folder, then takes the lock, before ready; serves weir://app/ after', () => {
    const calls = run();
    const names = calls.map((c) => c[0]);
    expect(index(calls, 'protocol.registerSchemesAsPrivileged')).toBe(0);
    expect(calls.find((c) => c[0] === 'app.setName')).toEqual(['app.setName', 'Weir']);
    expect(calls.find((c) => c[0] === 'app.setPath')?.[1]).toBe('userData');
    expect(index(calls, 'app.setPath')).toBeLessThan(index(calls, 'app.requestSingleInstanceLock'));
    expect(index(calls, 'app.requestSingleInstanceLock')).toBeLessThan(index(calls, 'app.whenReady'));
    expect(names).toEqual(expect.arrayContaining(['protocol.handle', 'ipcMain.handle', 'onBeforeRequest', 'setPermissionRequestHandler']));
    const events = calls.filter((c) => c[0] === 'app.on').map((c) => c[1]);
    expect(events).toEqual(expect.arrayContaining(['second-instance', 'before-quit', 'window-all-closed', 'activate', 'web-contents-created']));
    const window = calls.find((c) => c[0] === 'BrowserWindow')?.[1] as { webPreferences: Record<string, unknown>; show: boolean };
    expect(window.show).toBe(false);
    expect(window.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(existsSync(window.webPreferences.preload as string)).toBe(true);
    expect(calls.find((c) => c[0] === 'loadURL')).toEqual(['loadURL', 'weir://app/index.html']);
    expect(calls.filter((c) => c[0] === 'webContents.on').map((c) => c[1])).toEqual(expect.arrayContaining(['did-fail-load', 'render-process-gone']));
    expect(calls.find((c) => c[0] === 'protocol.response')).toEqual(['protocol.response', 200, 'text/html']);
    expect(names).not.toContain('dialog.showMessageBox');
  });

  it('quits at once when another instance holds the lock', () => {
    const calls = run({ FAKE_ELECTRON_LOCK: 'taken' });
    const names = calls.map((c) => c[0]);
    expect(names).toContain('app.quit');
    expect(names).not.toContain('BrowserWindow');
    expect(names).not.toContain('protocol.handle');
  });

  it('shows a failing start in a dialog and exits with 1', () => {
    const calls = run({ WEIR_STACK_FLINK_PORT: '99999' });
    const dialog = calls.find((c) => c[0] === 'dialog.showMessageBox');
    expect(dialog?.[1]).toBe('Weir could not start');
    expect(String(dialog?.[2])).toContain('WEIR_STACK_FLINK_PORT=99999');
    expect(calls.find((c) => c[0] === 'app.exit')).toEqual(['app.exit', 1]);
    expect(calls.map((c) => c[0])).not.toContain('BrowserWindow');
  });
});
