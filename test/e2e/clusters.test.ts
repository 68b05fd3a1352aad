import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './browser.js';
import { ROOT, startWeir, type WeirServer } from './weir-server.js';

/**
 * The Clusters view without any cluster running: add a standalone cluster through the form,
 * test an address nothing answers on (the translated error), edit it, keep a secret variable
 * that never comes back to the page, remove it.
 */
const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const SECRET = 'hunter2-do-not-show-7f3a';
const AUTH = 'Bearer tok-9c1d-never-shown';

let browser: Browser;
let server: WeirServer;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser({ locale: 'en-US' });
  server = await startWeir();
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByTestId('workbench').waitFor();
  await page.getByTestId('status-connection').filter({ hasText: /Connected/ }).waitFor();
  return page;
}

/** Everything the page holds as text or in form fields (a typed secret would be in an input's value). */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
    return `${document.body.innerText}\n${document.documentElement.outerHTML}\n${values.join('\n')}`;
  });
}

describe('Clusters view', () => {
  it('adds, tests, edits and removes a standalone cluster; secrets never come back', async () => {
    const page = await open();
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('add-cluster').click();
    const editor = page.getByTestId('cluster-editor');
    await editor.waitFor();
    await page.getByLabel('Name', { exact: true }).fill('dev-flink');
    await page.getByLabel('JobManager REST URL').fill('http://127.0.0.1:1');
    await page.getByLabel('Auth header name (optional)').fill('Authorization');
    await page.getByLabel('Auth header value').fill(AUTH);
    await page.getByTestId('cluster-tls').selectOption('skip');
    await page.getByTestId('tls-skip-warning').waitFor();
    await page.getByTestId('variable-add').click();
    await page.getByLabel('Name of variable 1').fill('kafka_servers');
    await page.getByLabel('Value of variable 1').fill('127.0.0.1:19092');
    await page.getByTestId('variable-add').click();
    await page.getByLabel('Name of variable 2').fill('pg_password');
    await page.getByLabel('Variable 2 is secret').check();
    await page.getByLabel('Value of variable 2').fill(SECRET);
    await page.getByTestId('cluster-save').click();

    // saved: the tab now belongs to the cluster, the card lists it, secrets are empty again
    const card = page.locator('[data-testid="cluster-card"][data-name="dev-flink"]');
    await card.waitFor();
    await page.locator('[data-testid="editor-tab"][data-key^="cluster:"]').filter({ hasText: 'dev-flink' }).waitFor();
    await expect.poll(() => page.getByLabel('Value of variable 2').inputValue()).toBe('');
    expect(await page.getByLabel('Value of variable 2').getAttribute('placeholder')).toBe('••••');
    expect(await page.getByLabel('Auth header value').inputValue()).toBe('');
    let text = await pageText(page);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(AUTH);
    expect(await page.getByLabel('Value of variable 1').inputValue()).toBe('127.0.0.1:19092');

    // test connection: nothing listens on port 1, the REST part says so in words
    await page.getByTestId('cluster-test-connection').click();
    const rest = page.locator('[data-testid="test-part-rest"][data-ok="false"]');
    await rest.waitFor({ timeout: 30_000 });
    const error = rest.locator('[data-testid="error-view"][data-code="cluster.unreachable"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('Cluster dev-flink cannot be reached');
    expect(await error.innerText()).toContain('http://127.0.0.1:1');
    await card.locator('[data-testid="error-view"][data-code="cluster.unreachable"]').waitFor();
    await page.locator('[data-testid="cluster-test-connection"]:not([disabled])').waitFor();
    // saved by the test, and said so: it stays marked failing, also after a reload, until a test passes
    expect(await page.getByTestId('cluster-test-failing').innerText()).toContain('marked as failing');
    await card.locator('[data-testid="cluster-failing"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'cluster-form.png') });
    await page.reload();
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('activity-clusters').click();
    await page.locator('[data-testid="cluster-card"][data-name="dev-flink"][data-health="bad"] [data-testid="cluster-failing"]').waitFor();
    await page.locator('[data-testid="cluster-card"][data-name="dev-flink"] [data-testid="cluster-edit"]').click();
    await page.getByTestId('cluster-editor').waitFor();
    await expect.poll(() => page.getByLabel('Value of variable 1').inputValue()).toBe('127.0.0.1:19092');

    // edit: rename, change the public variable, leave the secret empty (keeps it)
    await page.getByLabel('Name', { exact: true }).fill('dev-flink-2');
    await page.getByLabel('Value of variable 1').fill('kafka:9092');
    await page.getByTestId('cluster-save').click();
    await page.locator('[data-testid="cluster-card"][data-name="dev-flink-2"]').waitFor();
    await expect.poll(() => page.getByLabel('Value of variable 1').inputValue()).toBe('kafka:9092');
    await page.getByLabel('Name of variable 2').waitFor();
    expect(await page.getByLabel('Name of variable 2').inputValue()).toBe('pg_password');
    expect(await page.getByLabel('Variable 2 is secret').isChecked()).toBe(true);

    // a reload reads everything back from the catalog: still no secret anywhere
    await page.reload();
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('activity-clusters').click();
    await page.locator('[data-testid="cluster-card"][data-name="dev-flink-2"] [data-testid="cluster-edit"]').click();
    await page.getByTestId('cluster-editor').waitFor();
    await expect.poll(() => page.getByLabel('Name of variable 2').inputValue()).toBe('pg_password');
    text = await pageText(page);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(AUTH);

    // remove, with a confirmation
    await page.getByTestId('cluster-remove').click();
    await page.getByTestId('cluster-remove-confirm').click();
    await page.locator('[data-testid="cluster-card"][data-name="dev-flink-2"]').waitFor({ state: 'detached' });
    await page.getByTestId('cluster-editor').waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows a refused save (bad URL) in the form and keeps what was typed', async () => {
    const page = await open();
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('add-cluster').click();
    await page.getByLabel('Name', { exact: true }).fill('broken');
    await page.getByLabel('JobManager REST URL').fill('ftp://nowhere');
    await page.getByTestId('cluster-save').click();
    const error = page.locator('[data-testid="cluster-editor"] [data-testid="error-view"][data-code="contract.invalid-input"]');
    await error.waitFor();
    expect(await page.getByLabel('JobManager REST URL').inputValue()).toBe('ftp://nowhere');
    await page.close();
  });
});
