import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateScript } from '../../bench/script-generator.js';
import { launchBrowser, type Browser } from './browser.js';
import { ROOT, startWeir, type WeirServer } from './weir-server.js';

/**
 * The Flink SQL editor on a 10,000-line script: highlighting from our lexer, diagnostics from
 * the worker appearing while typing, the Problems panel leading to the spot.
 */
let browser: Browser;
let server: WeirServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startWeir();
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

/** Creates a file through the contract, as a script would. */
async function createFile(name: string, content: string): Promise<void> {
  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws?token=${new URL(server.url).searchParams.get('token')}`);
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

describe('Flink SQL editor', () => {
  it('stays responsive in a 10,000-line script and shows a diagnostic as you type', async () => {
    const script = generateScript(10_000);
    await createFile('big.sql', script);
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="file-item"][data-name="big.sql"]').click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    // highlighting comes from our lexer: keywords carry Monaco's keyword class
    await page.locator('.monaco-editor .view-lines span.mtk8, .monaco-editor .view-lines span[class*="mtk"]').first().waitFor();
    expect(await page.getByTestId('problem').count()).toBe(0);

    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    const typed = '\nSELECT plate_no, FROM capture_0;';
    await page.keyboard.type(typed, { delay: 15 });

    const problem = page.locator('[data-testid="problem"][data-code="sql.expected-expression"]');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.innerText()).toContain("Expected an expression but found 'FROM'");
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'editor-diagnostics.png') });
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    process.stdout.write(`[editor] long tasks while typing: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms\n`);

    // every keystroke arrived, in order
    await page.waitForTimeout(1200);
    const saved = await page.evaluate(async () => {
      const lines = [...document.querySelectorAll('.monaco-editor .view-line')] as HTMLElement[];
      return lines.map((l) => l.innerText.replace(/\u00a0/g, ' ')).join('\n');
    });
    expect(saved).toContain('SELECT plate_no, FROM capture_0;');

    // the Problems panel leads back to the spot
    await page.getByTestId('activity-explorer').click();
    await problem.click();
    await page.getByTestId('status-bar').filter({ hasText: /Ln \d+, Col 18/ }).waitFor();
    await page.close();
  });

  it('fixing the error clears the problem', async () => {
    await createFile('fix.sql', "CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\nSELECT a, FROM t;");
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="file-item"][data-name="fix.sql"]').click();
    // tabs of earlier tests come back with the page: only this file's problems count
    const problem = page.locator('[data-testid="problem"]').filter({ hasText: 'fix.sql' });
    await problem.first().waitFor();
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 'a, FROM t;'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('a FROM t;');
    await problem.waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('goes to a table definition with F12 and lists statements in the outline', async () => {
    await createFile('nav.sql', "CREATE TABLE capture (plate_no STRING) WITH ('connector' = 'datagen');\n\nINSERT INTO sink SELECT plate_no FROM capture;\n");
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="file-item"][data-name="nav.sql"]').click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.locator('.monaco-editor .view-lines').click();
    // cursor onto `capture` in the INSERT (line 3), then F12
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.getByTestId('status-bar').filter({ hasText: /Ln 3,/ }).waitFor();
    await page.keyboard.press('F12');
    await page.getByTestId('status-bar').filter({ hasText: /Ln 1, Col 14/ }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Shift+O');
    await page.locator('.quick-input-widget').filter({ hasText: 'capture' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.quick-input-widget').innerText()).toContain('sink');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('completes tables, alias columns and connector options as you type', async () => {
    await createFile('complete.sql', "CREATE TABLE capture (plate_no STRING, speed INT) WITH ('connector' = 'datagen');\n");
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="file-item"][data-name="complete.sql"]').click();
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('SELECT c.', { delay: 20 });
    await page.keyboard.type(' FROM capt', { delay: 20 });
    const suggest = page.locator('.monaco-editor .suggest-widget');
    await suggest.filter({ hasText: 'capture' }).waitFor({ timeout: 10_000 });
    // a list that opened by itself has nothing selected: the user picks with the arrow, then Enter
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' AS c', { delay: 20 });
    // back to `c.` and ask for completion there: the alias's columns
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT c.'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Space');
    await suggest.filter({ hasText: 'plate_no' }).waitFor({ timeout: 10_000 });
    expect(await suggest.innerText()).toContain('speed');
    await page.keyboard.press('Escape');
    // hover (Ctrl+K Ctrl+I at the cursor) on the table name shows its columns
    await page.keyboard.press('End');
    for (let i = 0; i < ' AS c'.length + 2; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'plate_no' });
    await hover.waitFor({ timeout: 10_000 });
    expect(await hover.innerText()).toContain('speed');
    await page.close();
  });

  /** The script of the issue 13 bugs, opened in a new page; the cursor at the start. */
  async function openIssue13(name: string) {
    await createFile(
      name,
      [
        '-- camera captures',
        "CREATE TABLE capture (plate_no STRING COMMENT 'licence plate', speed INT) WITH ('connector' = 'datagen');",
        'CREATE VIEW fast AS SELECT plate_no, speed * 2 AS double_speed FROM capture;',
        'SELECT  FROM capture c JOIN fast f ON f.plate_no = c.plate_no;',
        '',
      ].join('\n'),
    );
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator(`[data-testid="file-item"][data-name="${name}"]`).click();
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    return { page, suggest: page.locator('.monaco-editor .suggest-widget.visible') };
  }

  it('offers the columns of an alias on `.`, of views too (issue 13)', async () => {
    const { page, suggest } = await openIssue13('alias.sql');
    // `c.` right after SELECT on line 4, below a commented CREATE TABLE
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('c.', { delay: 30 });
    await suggest.filter({ hasText: 'plate_no' }).waitFor({ timeout: 10_000 });
    expect(await suggest.innerText()).toContain('speed');
    await page.keyboard.press('Escape');
    await page.keyboard.type('speed, f.', { delay: 30 });
    await suggest.filter({ hasText: 'double_speed' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('hovers a table with its connector and typed columns, and lists a view with its columns (issue 13)', async () => {
    const { page, suggest } = await openIssue13('hover.sql');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT  FROM ca'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'datagen' });
    await hover.waitFor({ timeout: 10_000 });
    const hoverText = await hover.innerText();
    expect(hoverText).toContain('capture');
    expect(hoverText).toContain('plate_no');
    expect(hoverText).toContain('STRING');
    await page.keyboard.press('Escape');
    // FROM in a new statement: the commented table and the view with the columns of its query
    await page.keyboard.press('Control+End');
    await page.keyboard.type('SELECT * FROM ', { delay: 30 });
    await suggest.filter({ hasText: 'fast' }).waitFor({ timeout: 10_000 });
    expect(await suggest.innerText()).toContain('capture');
    // the focused row shows its detail
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await suggest.locator('.monaco-list-row.focused').filter({ hasText: '2 columns' }).waitFor({ timeout: 5_000 });
    await page.close();
  });

  it('keeps the newline on Enter where the user invents a name (issue 13)', async () => {
    const { page } = await openIssue13('enter.sql');
    const editorText = () =>
      page.evaluate(() =>
        ([...document.querySelectorAll('.monaco-editor .view-line')] as HTMLElement[])
          .sort((x, y) => parseFloat(x.style.top) - parseFloat(y.style.top))
          .map((l) => l.innerText.replace(/\u00a0/g, ' '))
          .join('\n'),
      );
    await page.keyboard.press('Control+End');
    // waits long enough for a list that would open by itself
    await page.keyboard.type('CREATE TABLE x (', { delay: 30 });
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.keyboard.type('a INT', { delay: 30 });
    await page.keyboard.press('Control+End');
    await page.keyboard.type(';\nSELECT plate_no AS k', { delay: 30 });
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.keyboard.type('FROM capture;', { delay: 30 });
    await page.waitForTimeout(300);
    const text = await editorText();
    expect(text).not.toContain('ABS');
    expect(text).not.toContain('MAP_KEYS');
    expect(text).toMatch(/CREATE TABLE x \(\n\s*a INT/);
    expect(text).toMatch(/SELECT plate_no AS k\nFROM capture;/);
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'editor-issue13.png') });
    await page.close();
  });

  it('formats the document with Shift+Alt+F, keeping comments', async () => {
    await createFile('fmt.sql', "create table t (a int, b string) with ('connector' = 'datagen'); -- source\nselect a, b from t where a > 1;\n");
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="file-item"][data-name="fmt.sql"]').click();
    // the file's own text on screen first: a key pressed before the editor holds it formats nothing
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^select\sa,\sb\sfrom\st/ }).waitFor();
    await page.locator('.monaco-editor .view-lines').click();
    const formatted = page.locator('.monaco-editor .view-line').filter({ hasText: /^FROM\st$/ });
    // under load the language worker may still be starting: ask again until it answers
    for (let attempt = 0; attempt < 4 && !(await formatted.count()); attempt++) {
      await page.keyboard.press('Shift+Alt+F');
      await formatted.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await formatted.waitFor({ timeout: 5_000 });
    const text = await page.evaluate(() =>
      ([...document.querySelectorAll('.monaco-editor .view-line')] as HTMLElement[])
        .sort((x, y) => parseFloat(x.style.top) - parseFloat(y.style.top))
        .map((l) => l.innerText.replace(/\u00a0/g, ' '))
        .join('\n'),
    );
    expect(text).toContain('CREATE TABLE t (');
    expect(text).toContain('-- source');
    expect(text).toContain('WHERE a > 1;');
    await page.close();
  });
});
