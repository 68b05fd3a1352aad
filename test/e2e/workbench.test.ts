import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchBrowser, type Browser } from './browser.js';
import { startOverviewHarness, type OverviewHarness } from '../../bench/jobs-view/overview-harness.js';
import { CLI, ROOT, newHome, startWeir, type WeirServer } from './weir-server.js';

/**
 * The workbench as a user meets it: Debian's Chromium against `weir serve`. Every request the
 * page makes is recorded; none may leave 127.0.0.1.
 */
const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const SQL = [
  "-- Kafka capture records into ClickHouse, per district and minute",
  'CREATE TABLE capture_record (',
  '  plate_no STRING,',
  '  camera_id BIGINT,',
  '  capture_time TIMESTAMP(3),',
  "  WATERMARK FOR capture_time AS capture_time - INTERVAL '5' SECOND",
  ") WITH ('connector' = 'kafka', 'topic' = 'capture_record');",
  '',
].join('\n');

let browser: Browser;
let server: WeirServer;
const external: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser({ locale: 'en-US' });
  browser.context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob')) {
      external.push(request.url());
    }
  });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await server?.stop();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByTestId('workbench').waitFor();
  await expectText(page.getByTestId('status-connection'), /Connected|已连接/);
  return page;
}

async function expectText(locator: ReturnType<Page['getByTestId']>, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 15_000 });
}

async function createFile(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-file').click();
  await page.getByTestId('new-file-name').fill(name);
  await page.getByTestId('new-file-name').press('Enter');
  await page.locator(`[data-testid="file-item"][data-name="${name}"]`).waitFor();
  await page.locator('.monaco-editor .view-lines').waitFor();
}

async function editorText(page: Page): Promise<string> {
  // Monaco renders only visible lines; read the model through the page's own text instead.
  await page.locator('.monaco-editor .view-lines').waitFor();
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')] as HTMLElement[];
    return lines
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => l.innerText.replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

/** Statements that give diagnostics whose parameters are keys, names and did-you-means. */
const BAD_SQL = [
  "CREATE TABLE k (a INT) WITH ('connector' = 'kafka', 'topik' = 'x', 'properties.bootstrap.servers' = 'h:9092', 'format' = 'json');",
  'CREATE TABLE iv (a INTERVAL YEAR TO MONTH);',
  'SELECT a FROM k LIMIT 10, 20;',
  'DESCRIBE FUNCTION f;',
  '',
].join('\n');

/** Creates a file through the contract, as a script would. */
async function createFileThroughContract(weir: WeirServer, name: string, content: string): Promise<void> {
  const ws = new WebSocket(`${weir.origin.replace('http', 'ws')}/ws?token=${new URL(weir.url).searchParams.get('token')}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const call = (id: number, method: string, input: unknown) =>
    new Promise<{ ok: boolean; output: unknown }>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { id?: number; ok: boolean; output: unknown };
        if (message.id === id) resolve(message);
      });
      ws.send(JSON.stringify({ id, method, input }));
    });
  const [workspace] = (await call(1, 'workspaces.list', {})).output as { id: number }[];
  const created = await call(2, 'files.create', { workspaceId: workspace!.id, name, content });
  expect(created.ok).toBe(true);
  ws.close();
}

describe('workbench in the browser host', () => {
  it('creates a file, keeps typed SQL and its history across a reload', async () => {
    server = await startWeir();
    const page = await open(server.url);
    await createFile(page, 'capture_to_clickhouse.sql');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.insertText(SQL);
    await page.waitForTimeout(1100); // autosave runs within a second of the first unsaved keystroke
    await expectText(page.getByTestId('status-save'), /^Saved$/);
    await page.keyboard.press('Control+S');
    await page.keyboard.insertText('-- second thoughts\n');
    await page.waitForTimeout(1100);
    await expectText(page.getByTestId('status-save'), /^Saved$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'workbench.png') });

    await page.reload();
    await page.getByTestId('workbench').waitFor();
    await page.locator('[data-testid="file-item"][data-name="capture_to_clickhouse.sql"]').click();
    const text = await editorText(page);
    expect(text).toContain("WATERMARK FOR capture_time AS capture_time - INTERVAL '5' SECOND");
    expect(text).toContain('-- second thoughts');

    await page.locator('[data-testid="file-item"][data-name="capture_to_clickhouse.sql"]').hover();
    await page.locator('[data-testid="file-item"][data-name="capture_to_clickhouse.sql"] [data-testid="file-history"]').click();
    const versions = page.getByTestId('history-version');
    await versions.first().waitFor();
    await versions.nth(2).waitFor();
    expect(await versions.count()).toBe(3); // created empty, saved with Ctrl+S, autosaved after
    await page.locator('[data-testid="history-diff"] .monaco-diff-editor').waitFor();
    await page.locator('[data-testid="history-diff"] .line-insert').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'history.png') });
    await page.close();
  });

  it('loses nothing typed more than a second before the server is killed', async () => {
    const home = newHome();
    server = await startWeir(home);
    const page = await open(server.url);
    await createFile(page, 'crash.sql');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.insertText('INSERT INTO sink SELECT * FROM source;');
    await page.waitForTimeout(1200);
    await server.crash();
    await page.close();

    server = await startWeir(home);
    const again = await open(server.url);
    await again.locator('[data-testid="file-item"][data-name="crash.sql"]').click();
    expect(await editorText(again)).toContain('INSERT INTO sink SELECT * FROM source;');
    await again.close();
  });

  it('renames and deletes files', async () => {
    server = await startWeir();
    const page = await open(server.url);
    await createFile(page, 'a.sql');
    const item = page.locator('[data-testid="file-item"][data-name="a.sql"]');
    await item.hover();
    await item.getByTestId('file-rename').click();
    await page.getByTestId('rename-file-name').fill('dim_vehicle.sql');
    await page.getByTestId('rename-file-name').press('Enter');
    const renamed = page.locator('[data-testid="file-item"][data-name="dim_vehicle.sql"]');
    await renamed.waitFor();
    await expectText(page.getByTestId('editor-tab'), /dim_vehicle\.sql/);
    await renamed.hover();
    await renamed.getByTestId('file-delete').click();
    await renamed.getByTestId('confirm-delete').click();
    await renamed.waitFor({ state: 'detached' });
    expect(await page.getByTestId('editor-tab').count()).toBe(0);
    await page.close();
  });

  it('shows the error of a call with bad input, in the UI language, and keeps working', async () => {
    server = await startWeir();
    const page = await open(server.url);
    await createFile(page, 'ok.sql');
    const item = page.locator('[data-testid="file-item"][data-name="ok.sql"]');
    await item.hover();
    await item.getByTestId('file-rename').click();
    await page.getByTestId('rename-file-name').fill('reports/daily.sql');
    await page.getByTestId('rename-file-name').press('Enter');
    const notice = page.locator('[data-testid="notice"][data-code="contract.invalid-input"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Invalid input for files.rename: name');
    // the workbench still works after the refusal
    await page.getByTestId('rename-file-name').fill('daily.sql');
    await page.getByTestId('rename-file-name').press('Enter');
    await page.locator('[data-testid="file-item"][data-name="daily.sql"]').waitFor();
    await page.close();
  });

  it('switches to Chinese and back, every visible string translated, and remembers it', async () => {
    server = await startWeir();
    const page = await open(server.url);
    expect(await page.locator('.side-title').innerText()).toMatch(/explorer/i);
    await page.getByTestId('activity-settings').click();
    await page.getByTestId('settings-language').selectOption('zh-CN');
    await expectText(page.getByTestId('status-connection'), /已连接/);
    expect(await page.locator('.side-title').innerText()).toBe('资源管理器');
    expect(await page.getByTestId('new-file').innerText()).toBe('新建 SQL 文件');
    await page.getByTestId('activity-jobs').click();
    expect(await page.getByTestId('view-jobs').innerText()).toContain('尚未添加集群');
    const visible = await page.evaluate(() => document.body.innerText);
    // apart from product and file names, no English words remain
    const english = visible.match(/\b[A-Za-z]{4,}\b/g)?.filter((w) => !['Weir', 'English', 'Flink', 'Kafka', 'Savepoint'].includes(w)) ?? [];
    expect(english).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'workbench-zh.png') });

    await page.reload();
    await page.getByTestId('workbench').waitFor();
    await expectText(page.getByTestId('status-connection'), /已连接/);
    await page.getByTestId('activity-settings').click();
    await page.getByTestId('settings-language').selectOption('en');
    await expectText(page.getByTestId('status-connection'), /Connected/);
    await page.close();
  });

  it('in Chinese, words real diagnostics in the Problems panel and filters jobs by the state it shows', async () => {
    // A cluster answering with a /jobs/overview reply recorded on the real local cluster, added
    // through the CLI into the home the server then opens.
    const harness: OverviewHarness = await startOverviewHarness(1, 9);
    const home = newHome();
    const added = spawnSync(process.execPath, [CLI, 'cluster', 'add', 'city-01', '--rest-url', harness.urls[0]!], { encoding: 'utf8', env: { ...process.env, WEIR_HOME: home } });
    expect(added.status, added.stderr).toBe(0);
    server = await startWeir(home);
    try {
      await createFileThroughContract(server, 'bad.sql', BAD_SQL);
      const page = await open(server.url);
      await page.locator('[data-testid="file-item"][data-name="bad.sql"]').click();
      await page.locator('[data-testid="problem"][data-code="sql.not-allowed"]').first().waitFor({ timeout: 15_000 });
      await page.locator('[data-testid="problem"][data-code="sql.unknown-connector-option"]').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('problem').allInnerTexts()).toContainEqual(expect.stringContaining('LIMIT start, count is not allowed in Flink SQL'));
      // The same problems, worded again in Chinese when the language changes.
      await page.getByTestId('activity-settings').click();
      await page.getByTestId('settings-language').selectOption('zh-CN');
      await expectText(page.getByTestId('status-connection'), /已连接/);
      await expectText(page.getByTestId('problem'), /不接受此写法/);
      const problems = await page.getByTestId('problem').allInnerTexts();
      const text = problems.join('\n');
      expect(text).toContain('Flink SQL 不接受此写法：LIMIT m, n（MySQL 写法）。请改为：LIMIT n OFFSET m。');
      expect(text).toContain('Flink SQL 不接受此写法：INTERVAL 类型的列。请改为：BIGINT 或 STRING（Flink 表不能存储时间间隔）。');
      expect(text).toContain("此处应为表名，但发现 'FUNCTION'。");
      expect(text).toContain("连接器 'kafka' 不支持参数 'topik'。您是否想用 'topic'？");
      // Outside quotes (names, option keys, what the user wrote) no English words are left.
      const prose = text.replace(/'[^'\n]*'|\[\d+:\d+\]|bad\.sql/g, ' ');
      const english = prose.match(/\b[a-z][A-Za-z]{2,}\b/g) ?? [];
      expect(english).toEqual([]);
      await page.getByTestId('bottom-panel').screenshot({ path: join(SCREENSHOTS, 'problems-zh.png') });
      // Output lines are worded when shown, so they follow the switch too.
      await page.getByTestId('panel-output').click();
      await expectText(page.getByTestId('output'), /（浏览器）/);
      await page.getByTestId('panel-problems').click();

      await page.getByTestId('activity-jobs').click();
      await page.getByTestId('job-row').first().waitFor({ timeout: 15_000 });
      const all = await page.getByTestId('job-row').count();
      await page.getByTestId('jobs-filter').fill('运行中');
      await expect.poll(async () => page.getByTestId('job-row').count()).toBeLessThan(all);
      const states = await page.getByTestId('state-badge').evaluateAll((els) => els.map((e) => [e.getAttribute('data-state'), e.textContent]));
      expect(states.length).toBeGreaterThan(0);
      expect(states.every(([state, shown]) => state === 'RUNNING' && shown === '运行中')).toBe(true);
      await page.getByTestId('jobs-filter').fill('city-01 运行中');
      expect(await page.getByTestId('job-row').count()).toBe(states.length);
      await page.getByTestId('jobs-filter').fill('已取消');
      await page.getByTestId('state-badge').first().waitFor();
      expect(await page.getByTestId('state-badge').evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'CANCELED'))).toBe(true);
      await page.getByTestId('activity-settings').click();
      await page.getByTestId('settings-language').selectOption('en');
      await expectText(page.getByTestId('status-connection'), /Connected/);
      await page.close();
    } finally {
      await harness.close();
    }
  });

  it('runs commands from the palette: dark theme', async () => {
    server = await startWeir();
    const page = await open(server.url);
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('dark');
    await page.getByTestId('palette-input').press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.close();
  });

  it('refuses a browser and a socket without the token', async () => {
    server = await startWeir();
    const page = await browser.context.newPage();
    const response = await page.goto(`${server.origin}/`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('h1').innerText()).toBe('Weir needs its token');
    await page.close();
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws`, { headers: { Origin: server.origin } });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('made no request to any host but 127.0.0.1', () => {
    expect(external).toEqual([]);
  });
});
