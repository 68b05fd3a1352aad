import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.js';
import { buildElectronSqlite } from '../../scripts/electron-native.js';
import { isAlive } from '../../src/main/stack/daemon.js';
import { ROOT } from './weir-server.js';

/**
 * The real desktop app through playwright-core's Electron driver: the window, the preload
 * bridge, live diagnostics, the single-instance lock and the stack stopped on quit. Runs where
 * the Electron binary is installed (`WEIR_ELECTRON=1 bash scripts/install.sh`; on a server without a
 * display, under `xvfb-run`); elsewhere it is skipped, its reason in the test's name.
 */
const binary = electronBinary(ROOT);
const skipReason = !binary
  ? 'the Electron binary is not installed here (node_modules/electron/path.txt is missing; WEIR_ELECTRON=1 bash scripts/install.sh fetches it)'
  : !existsSync(join(ROOT, 'dist', 'main', 'desktop.cjs'))
    ? 'dist/ is not built (npm run build)'
    : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
      ? 'no display (run it under xvfb-run)'
      : null;
if (skipReason) process.stdout.write(`desktop smoke test skipped: ${skipReason}\n`);

const scratch = (prefix: string) => (skipReason ? join(tmpdir(), prefix) : mkdtempSync(join(tmpdir(), prefix)));
const home = scratch('weir-desktop-home-');
const stackHome = scratch('weir-desktop-stack-');
const base = 42000 + Math.floor(Math.random() * 200) * 10;
// A stack of its own, on ports of its own: the app autostarts it (no cluster configured).
const env: Record<string, string> = {
  ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
  WEIR_HOME: home,
  WEIR_STACK_HOME: stackHome,
  WEIR_STACK_CACHE: process.env.WEIR_STACK_CACHE ?? join(tmpdir(), 'weir-desktop-stack-cache'),
  WEIR_STACK_POSTGRES_PORT: String(base),
  WEIR_STACK_MARIADB_PORT: String(base + 1),
  WEIR_STACK_CLICKHOUSE_HTTP_PORT: String(base + 2),
  WEIR_STACK_CLICKHOUSE_TCP_PORT: String(base + 3),
  WEIR_STACK_SSH_PORT: String(base + 4),
  WEIR_STACK_KAFKA_PORT: String(base + 5),
  WEIR_STACK_KAFKA_CONTROLLER_PORT: String(base + 6),
  WEIR_STACK_FLINK_PORT: String(base + 7),
  WEIR_STACK_GATEWAY_PORT: String(base + 8),
  WEIR_LANG: 'en',
};
// Chromium's sandbox refuses to run as root; a desktop user never is.
const args = [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];

let app: ElectronApplication;
let page: Page;

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe.skipIf(skipReason !== null)(`desktop app smoke test${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    await buildElectronSqlite(ROOT);
    app = await _electron.launch({ executablePath: binary!, args, env, timeout: 60_000 });
    page = await app.firstWindow();
  }, 600_000);

  afterAll(async () => {
    await app?.close().catch(() => {});
  });

  it('loads the workbench from weir://app/', async () => {
    await page.getByTestId('workbench').waitFor({ timeout: 30_000 });
    expect(page.url()).toBe('weir://app/index.html');
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getName())).toBe('Weir');
  });

  it('gives the page only call and subscribe: no Node, no ipcRenderer', async () => {
    const exposed = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { bridge: Object.keys(w.weirBridge as object).sort(), require: typeof w.require, process: typeof w.process };
    });
    expect(exposed).toEqual({ bridge: ['call', 'subscribe'], require: 'undefined', process: 'undefined' });
  });

  it('shows SQL diagnostics as you type', async () => {
    await page.getByTestId('new-file').click();
    await page.getByTestId('new-file-name').fill('smoke.sql');
    await page.getByTestId('new-file-name').press('Enter');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.type('SELECT plate_no, FROM capture;', { delay: 10 });
    await page.locator('[data-testid="problem"][data-code="sql.expected-expression"]').waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  });

  it('a second launch hands over to the first and exits', async () => {
    const second = spawn(binary!, args, { env, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
  }, 60_000);

  it('quitting stops the stack parts the app started', async () => {
    const pidFile = join(stackHome, 'run', 'postgres.pid');
    // PostgreSQL is the first part; its data folder is fresh, so this launch started it.
    const pid = await waitFor(() => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : undefined), 300_000, 'postgres to start');
    expect(isAlive(pid)).toBe(true);
    await app.close();
    expect(isAlive(pid)).toBe(false);
  }, 600_000);
});
