import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchBrowser, type Browser } from './browser.js';
import { ROOT, newHome, startWeir, type WeirServer } from './weir-server.js';

/**
 * Deploy and operate through the workbench against the real local stack: register "Local",
 * write a PostgreSQL → Kafka job (an endless datagen stream looks districts up in PostgreSQL
 * and writes to a Kafka topic), deploy it, watch it run, stop it with a savepoint, restart it
 * from that savepoint, deploy a changed version, and roll back to the first deployment after
 * looking at the SQL diff.
 */
const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const FILE = 'district_ticks.sql';
const sql = (rowsPerSecond: number) =>
  [
    '-- PostgreSQL districts looked up for an endless tick stream, written to Kafka',
    'CREATE TABLE ticks (',
    '  k INT,',
    '  proc_time AS PROCTIME()',
    ') WITH (',
    "  'connector' = 'datagen',",
    `  'rows-per-second' = '${rowsPerSecond}',`,
    "  'fields.k.min' = '0',",
    "  'fields.k.max' = '3'",
    ');',
    '',
    'CREATE TABLE district (',
    '  district_code STRING,',
    '  district_name STRING,',
    '  city_name STRING,',
    '  PRIMARY KEY (district_code) NOT ENFORCED',
    ') WITH (',
    "  'connector' = 'jdbc',",
    "  'url' = 'jdbc:postgresql://127.0.0.1:15432/city',",
    "  'table-name' = 'district',",
    "  'username' = 'weir',",
    "  'password' = 'weir'",
    ');',
    '',
    'CREATE TABLE district_ticks (',
    '  district_code STRING,',
    '  district_name STRING,',
    '  city_name STRING,',
    '  k INT',
    ') WITH (',
    "  'connector' = 'kafka',",
    "  'topic' = 'weir_e2e_district_ticks',",
    "  'properties.bootstrap.servers' = '127.0.0.1:19092',",
    "  'format' = 'json'",
    ');',
    '',
    'INSERT INTO district_ticks',
    'SELECT d.district_code, d.district_name, d.city_name, t.k',
    'FROM (',
    "  SELECT k, proc_time, CASE k WHEN 0 THEN '110101' WHEN 1 THEN '110102' WHEN 2 THEN '110105' ELSE '110106' END AS code",
    '  FROM ticks',
    ') AS t',
    'JOIN district FOR SYSTEM_TIME AS OF t.proc_time AS d ON d.district_code = t.code;',
    '',
  ].join('\n');

let browser: Browser;
let server: WeirServer;

/** The contract over the browser host's socket, as a script would use it (setup checks and cleanup). */
async function rpc<T>(method: string, input: unknown): Promise<T> {
  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws?token=${new URL(server.url).searchParams.get('token')}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  try {
    return await new Promise<T>((resolve, reject) => {
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { id?: number; ok: boolean; output: T; error?: unknown };
        if (message.id !== 1) return;
        if (message.ok) resolve(message.output);
        else reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
      });
      ws.send(JSON.stringify({ id: 1, method, input }));
    });
  } finally {
    ws.close();
  }
}

interface DeploymentRow {
  id: number;
  jobId: string | null;
  clusterId: number;
  status: string;
}

async function cancelOurJobs(): Promise<void> {
  const deployments = await rpc<DeploymentRow[]>('deployments.list', {});
  for (const d of deployments) {
    if (!d.jobId) continue;
    await rpc('jobs.cancel', { clusterId: d.clusterId, jobId: d.jobId }).catch(() => undefined);
  }
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser({ locale: 'en-US' });
  server = await startWeir(newHome(), { WEIR_LOCAL_STACK: 'off' });
});

afterAll(async () => {
  if (server) await cancelOurJobs().catch(() => undefined);
  await server?.stop();
  await browser?.close();
});

const started = Date.now();
function lap(what: string): void {
  process.stdout.write(`[deploy-operate] ${((Date.now() - started) / 1000).toFixed(1)} s  ${what}\n`);
}

async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Pasted, not typed: typing a newline auto-indents the next line.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
  await page.keyboard.press('Control+V');
  // The paste scrolls to the end; what matters is that its last statement arrived.
  const last = text.trim().split('\n').pop()!.trim();
  const pattern = new RegExp(last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
  await page.locator('.monaco-editor .view-lines').filter({ hasText: pattern }).waitFor();
  await page.keyboard.press('Control+S');
  await page.getByTestId('status-save').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });
}

/** The Local cluster registered (by the first test, or here when a test runs alone). */
async function ensureLocal(page: Page): Promise<void> {
  await page.getByTestId('activity-clusters').click();
  await page.getByTestId('cluster-local').waitFor({ timeout: 30_000 });
  const add = page.getByTestId('add-local-cluster');
  if (await add.isVisible()) await add.click();
  await page.locator('[data-testid="cluster-card"][data-name="Local"]').waitFor();
  await page.getByTestId('activity-explorer').click();
}

async function deployThroughDialog(page: Page, configure?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('deploy-open').click();
  const dialog = page.getByTestId('deploy-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('deploy-job-name').inputValue()).toBe('district_ticks');
  await expect.poll(() => dialog.getByTestId('deploy-cluster').locator('option:checked').innerText()).toContain('Local');
  await configure?.(dialog);
  await dialog.getByTestId('deploy-submit').click();
  // The dialog stays open with the error if the deploy is refused: report it in words.
  await Promise.race([
    dialog.waitFor({ state: 'detached', timeout: 120_000 }),
    dialog
      .getByTestId('deploy-error')
      .waitFor({ timeout: 120_000 })
      .then(async () => {
        throw new Error(`deploy refused: ${await dialog.getByTestId('deploy-error').innerText()}`);
      }),
  ]);
}

async function jobPageState(page: Page, jobId: string, states: RegExp, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    ([id, pattern]) => new RegExp(pattern!).test(document.querySelector(`[data-testid="job-page"][data-job-id="${id}"]`)?.getAttribute('data-state') ?? ''),
    [jobId, states.source],
    { timeout, polling: 500 },
  );
}

async function currentJobId(page: Page): Promise<string> {
  const id = await page.getByTestId('job-page').getAttribute('data-job-id');
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  return id!;
}

describe('deploy and operate a job through the workbench', () => {
  it('registers Local, deploys, stops with a savepoint, restarts, deploys a new version and rolls back', { timeout: 900_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('workbench').waitFor();

    // 1. the stack's Flink cluster as a registered cluster
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('add-local-cluster').click({ timeout: 30_000 });
    const local = page.locator('[data-testid="cluster-card"][data-name="Local"]');
    await local.getByTestId('cluster-overview').waitFor({ timeout: 30_000 });
    expect(await local.getByTestId('cluster-overview').innerText()).toMatch(/Flink 1\.20\.\d+/);
    await page.screenshot({ path: join(SCREENSHOTS, 'clusters.png') });
    lap('Local registered');

    // 2. the SQL file, written in the editor
    await page.getByTestId('activity-explorer').click();
    await page.getByTestId('new-file').click();
    await page.getByTestId('new-file-name').fill(FILE);
    await page.getByTestId('new-file-name').press('Enter');
    await page.locator('.monaco-editor .view-lines').waitFor();
    await replaceEditorText(page, sql(5));

    // 3. deploy through the dialog (it saves first), then the Jobs view shows it running
    await page.getByTestId('deploy-open').click();
    await page.getByTestId('deploy-dialog').waitFor();
    await page.getByTestId('deploy-flink-config').fill('execution.checkpointing.interval=10s');
    await page.screenshot({ path: join(SCREENSHOTS, 'deploy-dialog.png') });
    await page.getByTestId('deploy-dialog').getByRole('button', { name: 'Cancel' }).click();
    await deployThroughDialog(page, async (dialog) => {
      await dialog.getByTestId('deploy-flink-config').fill('execution.checkpointing.interval=10s');
    });
    lap('deployed v1');
    await page.getByTestId('jobs-view').waitFor();
    const row = page.locator('[data-testid="job-row"][data-name="district_ticks"][data-state="RUNNING"]');
    await row.first().waitFor({ timeout: 120_000 });
    expect(await row.first().getByTestId('weir-mark').count()).toBe(1);
    // every task deployed and running, not only the job
    await page.locator('[data-testid="job-row"][data-name="district_ticks"][data-state="RUNNING"][data-tasks="2/2"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('jobs-filter').fill('district running');
    await page.screenshot({ path: join(SCREENSHOTS, 'jobs.png') });
    lap('v1 RUNNING in the Jobs view');

    // 4. the job page
    await row.first().click();
    const firstJob = await currentJobId(page);
    await jobPageState(page, firstJob, /^RUNNING$/);
    await page.getByTestId('vertices').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'job-page.png') });

    // 5. stop with a savepoint, after saying where it goes: the job ends and its savepoint is listed
    await page.getByTestId('job-stop').click();
    await page.getByTestId('job-stop-target').filter({ hasText: /Stop the job with a savepoint in file:\/\/.*savepoints\?/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('job-stop-confirm').click();
    await jobPageState(page, firstJob, /^(FINISHED|CANCELED)$/, 180_000);
    await page.locator('[data-testid="savepoint-row"][data-status="completed"]').first().waitFor({ timeout: 60_000 });
    lap('stopped with savepoint');

    // 6. restart from the latest savepoint: a new job, running
    await page.getByTestId('job-restart').click();
    await page.getByTestId('restart-dialog').waitFor();
    expect(await page.getByTestId('restart-latest').isChecked()).toBe(true);
    await page.getByTestId('restart-confirm').click();
    await page.waitForFunction((id) => {
      const current = document.querySelector('[data-testid="job-page"]')?.getAttribute('data-job-id');
      return current && current !== id;
    }, firstJob, { timeout: 120_000 });
    const restartedJob = await currentJobId(page);
    await jobPageState(page, restartedJob, /^RUNNING$/);
    lap('restarted from the savepoint');

    // stop it too (with a savepoint), so the new version can start from it
    await page.getByTestId('job-stop').click();
    await page.getByTestId('job-stop-confirm').click();
    await jobPageState(page, restartedJob, /^(FINISHED|CANCELED)$/, 180_000);

    // 7. a new version of the file, deployed from the latest savepoint
    await page.locator('[data-testid="editor-tab"]').filter({ hasText: new RegExp(`^${FILE.replace('.', '\\.')}`) }).click();
    await replaceEditorText(page, sql(7));
    await deployThroughDialog(page, async (dialog) => {
      await dialog.getByTestId('deploy-restore').selectOption('latest');
      await dialog.getByTestId('deploy-allow-non-restored').check();
    });
    lap('deployed v2');
    const deployments = await rpc<DeploymentRow[]>('deployments.list', {});
    const v2 = deployments[0]!;
    await page.locator(`[data-testid="job-row"][data-job-id="${v2.jobId}"][data-state="RUNNING"]`).waitFor({ timeout: 120_000 });
    await page.locator(`[data-testid="job-row"][data-job-id="${v2.jobId}"]`).click();
    await jobPageState(page, v2.jobId!, /^RUNNING$/);
    lap('v2 RUNNING');

    // 8. roll back to the first deployment: the diff first, then confirm
    await page.getByTestId('job-rollback').click();
    const rollback = page.getByTestId('rollback-dialog');
    await rollback.waitFor();
    const first = deployments[deployments.length - 1]!;
    await rollback.getByTestId('rollback-target').selectOption(String(first.id));
    await rollback.locator('[data-testid="rollback-diff"] .monaco-diff-editor').waitFor();
    await rollback.locator('[data-testid="rollback-diff"] .line-insert, [data-testid="rollback-diff"] .char-insert').first().waitFor();
    const diffText = (await rollback.getByTestId('rollback-diff').innerText()).replace(/\u00a0/g, ' ');
    expect(diffText).toContain("'rows-per-second' = '7'");
    expect(diffText).toContain("'rows-per-second' = '5'");
    await page.screenshot({ path: join(SCREENSHOTS, 'rollback-diff.png') });
    await rollback.getByTestId('rollback-confirm').click();
    await page.waitForFunction((id) => {
      const current = document.querySelector('[data-testid="job-page"]')?.getAttribute('data-job-id');
      return current && current !== id;
    }, v2.jobId, { timeout: 180_000 });
    const rolledBack = await currentJobId(page);
    await jobPageState(page, rolledBack, /^RUNNING$/);
    const after = (await rpc<DeploymentRow[]>('deployments.list', {}))[0]!;
    expect(after.jobId).toBe(rolledBack);
    const { sql: running } = await rpc<{ sql: string }>('deployments.sql', { id: after.id });
    expect(running).toContain("'rows-per-second' = '5'");
    lap('rolled back: RUNNING with the first SQL');

    // 9. cleanup through the UI: cancel, confirmed
    await page.getByTestId('job-cancel').click();
    expect(await page.getByTestId('job-cancel-question').innerText()).toMatch(/^Cancel job without savepoint\?\s*Cancel job\s*Keep running$/);
    await page.getByTestId('job-cancel-confirm').click();
    await jobPageState(page, rolledBack, /^(CANCELED|CANCELLING)$/, 60_000);
    lap('canceled');
    await page.close();
  });

  it('previews the query at the cursor through the SQL Gateway, and cancels an endless one', { timeout: 300_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('workbench').waitFor();
    await ensureLocal(page);
    await page.getByTestId('new-file').click();
    await page.getByTestId('new-file-name').fill('district_preview.sql');
    await page.getByTestId('new-file-name').press('Enter');
    await page.locator('.monaco-editor .view-lines').waitFor();
    const lines = sql(5).split('\n');
    const ddl = lines.slice(0, lines.indexOf('CREATE TABLE district_ticks (')).join('\n');
    // the INSERT of the job is dropped from the preview; the query at the cursor runs
    await replaceEditorText(page, `${ddl}\nINSERT INTO nowhere SELECT * FROM ticks;\n\nSELECT district_code, district_name, city_name FROM district;`);
    await page.getByTestId('preview-run').click();
    await page.getByTestId('results').waitFor();
    await page.getByTestId('result-grid').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="preview-status"][data-running="false"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('preview-status').innerText()).toMatch(/^16 rows/);
    const header = await page.locator('[data-testid="result-grid"] [role="columnheader"]').allInnerTexts();
    expect(header.join(' ')).toMatch(/district_code\s+VARCHAR|district_code\s+STRING|district_code/);
    expect(await page.locator('[data-testid="result-row"]').first().innerText()).toContain('+I');
    await page.screenshot({ path: join(SCREENSHOTS, 'preview.png') });
    lap('preview of a bounded query: 16 rows');

    // an endless query: rows keep coming until Cancel
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nSELECT k FROM ticks;');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="preview-status"][data-running="true"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-row"]').length >= 3, undefined, { timeout: 120_000 });
    await page.getByTestId('preview-cancel').click();
    await page.locator('[data-testid="preview-status"][data-running="false"]').waitFor({ timeout: 30_000 });
    lap('endless preview canceled');
    await page.close();
  });
});
