import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './browser.js';
import { ROOT, startWeir, type WeirServer } from './weir-server.js';

/**
 * The deploy dialog's refusals, with no cluster running: the checks run before anything is sent,
 * so a cluster nobody answers on is enough. The error stays in the dialog with what was typed.
 */
let browser: Browser;
let server: WeirServer;

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  server = await startWeir();
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

describe('deploy dialog', () => {
  it('saves first, then shows check failures and missing variables in the dialog, keeping the options', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('add-cluster').click();
    await page.getByLabel('Name', { exact: true }).fill('nowhere');
    await page.getByLabel('JobManager REST URL').fill('http://127.0.0.1:1');
    await page.getByTestId('cluster-save').click();
    await page.locator('[data-testid="cluster-card"][data-name="nowhere"]').waitFor();

    await page.getByTestId('activity-explorer').click();
    await page.getByTestId('new-file').click();
    await page.getByTestId('new-file-name').fill('broken_job.sql');
    await page.getByTestId('new-file-name').press('Enter');
    await page.locator('.monaco-editor .view-lines').waitFor();
    await paste(page, "CREATE TABLE src (a INT) WITH ('connector' = 'datagen');\nINSERT INTO sink_missing SELECT a, FROM src;\n");

    // from the command palette; the unsaved text is saved before the dialog opens
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('palette-input').fill('deploy');
    await page.getByTestId('palette-input').press('Enter');
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.waitFor();
    await page.getByTestId('status-save').filter({ hasText: /^Saved$/ }).waitFor();
    expect(await dialog.getByTestId('deploy-job-name').inputValue()).toBe('broken_job');
    await dialog.getByTestId('deploy-parallelism').fill('3');
    await dialog.getByTestId('deploy-flink-config').fill('execution.checkpointing.interval=30s');
    await dialog.getByTestId('deploy-submit').click();
    const checkFailed = dialog.locator('[data-testid="error-view"][data-code="deploy.check-failed"]');
    await checkFailed.waitFor();
    expect(await checkFailed.innerText()).toContain('nothing was deployed');
    const details = await checkFailed.getByTestId('error-details').innerText();
    expect(details).toMatch(/2:\d+/); // line:column of the problem
    expect(await dialog.getByTestId('deploy-parallelism').inputValue()).toBe('3');
    expect(await dialog.getByTestId('deploy-flink-config').inputValue()).toBe('execution.checkpointing.interval=30s');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // a variable the cluster does not define: the dialog (opened from the Explorer) names it
    await paste(page, "CREATE TABLE src (a INT) WITH ('connector' = 'datagen');\nCREATE TABLE snk (a INT) WITH ('connector' = 'print', 'print-identifier' = '${who_am_i}');\nINSERT INTO snk SELECT a FROM src;\n");
    const item = page.locator('[data-testid="file-item"][data-name="broken_job.sql"]');
    await item.hover();
    await item.getByTestId('file-deploy').click();
    await dialog.waitFor();
    // the options of the last attempt are not remembered (only a successful deploy's are)
    await dialog.getByTestId('deploy-submit').click();
    const missing = dialog.locator('[data-testid="error-view"][data-code="deploy.missing-variables"]');
    await missing.waitFor();
    expect(await missing.innerText()).toContain('who_am_i');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // the Jobs view lists the cluster nobody answers on as a row with the translated error
    await page.getByTestId('activity-jobs').click();
    const unreachable = page.locator('[data-testid="jobs-unreachable"][data-cluster="nowhere"]');
    await unreachable.waitFor({ timeout: 30_000 });
    expect(await unreachable.innerText()).toContain('Cluster nowhere cannot be reached');
    await page.close();
  });
});
