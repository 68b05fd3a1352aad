import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLINK } from '../integration/weir-services.js';
import { launchBrowser, type Browser } from './browser.js';
import { rpc } from './weir-rpc.js';
import { ROOT, newHome, startWeir, type WeirServer } from './weir-server.js';

/**
 * Deploy a file, edit it, deploy again: the dialog offers the upgrade (stop with savepoint,
 * start from it) instead of a second copy; accepted, exactly one job of that application runs,
 * restored from the stop savepoint, and the job page lists both runs.
 */
const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const RUN = Date.now().toString(36);
const NAME = `apps_upgrade_${RUN}`;
const sql = (rowsPerSecond: number, keys = 'k') =>
  [
    'CREATE TABLE ticks (',
    '  k INT,',
    '  v INT',
    ') WITH (',
    "  'connector' = 'datagen',",
    `  'rows-per-second' = '${rowsPerSecond}',`,
    "  'fields.k.min' = '0',",
    "  'fields.k.max' = '9'",
    ');',
    '',
    'CREATE TABLE counts (',
    '  k INT,',
    '  v INT,',
    '  n BIGINT',
    ") WITH ('connector' = 'blackhole');",
    '',
    'INSERT INTO counts',
    `SELECT k, ${keys === 'k' ? 'MAX(v)' : 'v'}, COUNT(*) FROM ticks GROUP BY ${keys};`,
    '',
  ].join('\n');

let browser: Browser;
let server: WeirServer;

interface FlinkJob {
  jid: string;
  name: string;
  state: string;
}
const activeJobs = async (): Promise<FlinkJob[]> =>
  ((await (await fetch(`${FLINK}/jobs/overview`)).json()) as { jobs: FlinkJob[] }).jobs.filter(
    (j) => j.name === NAME && !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state),
  );

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  server = await startWeir(newHome(), { WEIR_LOCAL_STACK: 'off' });
});

afterAll(async () => {
  for (const j of await activeJobs().catch(() => [])) await fetch(`${FLINK}/jobs/${j.jid}?mode=cancel`, { method: 'PATCH' });
  await server?.stop();
  await browser?.close();
});

async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
  await page.keyboard.press('Control+V');
  const last = text.trim().split('\n').pop()!.trim();
  const pattern = new RegExp(last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
  await page.locator('.monaco-editor .view-lines').filter({ hasText: pattern }).waitFor();
  await page.keyboard.press('Control+S');
  await page.getByTestId('status-save').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });
}

async function awaitTasksRunning(jobId: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const job = (await (await fetch(`${FLINK}/jobs/${jobId}`)).json()) as { state: string; vertices?: { status: string }[] };
    if (job.state === 'RUNNING' && (job.vertices ?? []).every((v) => v.status === 'RUNNING')) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`job ${jobId} did not start its tasks`);
}

describe('an application upgraded through the workbench', () => {
  it('deploys, offers the upgrade on the second deploy, and runs exactly one job restored from the stop savepoint', { timeout: 600_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('add-local-cluster').click({ timeout: 30_000 });
    await page.locator('[data-testid="cluster-card"][data-name="Local"]').getByTestId('cluster-overview').waitFor({ timeout: 30_000 });

    await page.getByTestId('activity-explorer').click();
    await page.getByTestId('new-file').click();
    await page.getByTestId('new-file-name').fill(`${NAME}.sql`);
    await page.getByTestId('new-file-name').press('Enter');
    await page.locator('.monaco-editor .view-lines').waitFor();
    await replaceEditorText(page, sql(5));

    // First deploy: nothing runs under that name, a plain deploy.
    await page.getByTestId('deploy-open').click();
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('deploy-parallelism').fill('1');
    await dialog.getByTestId('deploy-flink-config').fill('execution.checkpointing.interval=20s');
    await page.waitForTimeout(800); // the plan is asked 250 ms after the dialog settles
    expect(await dialog.getByTestId('deploy-upgrade').count()).toBe(0);
    await dialog.getByTestId('deploy-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    const [first] = await activeJobs();
    expect(first).toBeDefined();
    await awaitTasksRunning(first!.jid);

    // Edited and deployed again: the dialog says it runs and offers the upgrade.
    await page.locator('[data-testid="editor-tab"]').filter({ hasText: new RegExp(`^${NAME}`) }).click();
    await replaceEditorText(page, sql(7));
    // The options come back from the application (the catalog), not from this browser's memory.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('weir.deploy.')).forEach((k) => localStorage.removeItem(k)));
    await page.getByTestId('deploy-open').click();
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('deploy-flink-config').inputValue(), { timeout: 15_000 }).toBe('execution.checkpointing.interval=20s');
    expect(await dialog.getByTestId('deploy-parallelism').inputValue()).toBe('1');
    const notice = dialog.locator('[data-testid="deploy-upgrade"][data-upgrade="possible"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain(`Application ${NAME} is running on Local (job ${first!.jid})`);
    expect(await dialog.getByTestId('deploy-compat').count()).toBe(0);
    expect(await dialog.getByTestId('deploy-submit').innerText()).toBe('Upgrade: stop with savepoint, start from it');
    await page.screenshot({ path: join(SCREENSHOTS, 'deploy-upgrade.png') });
    await dialog.getByTestId('deploy-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 240_000 });

    // Exactly one job of the application runs, restored from the stop savepoint.
    const running = await activeJobs();
    expect(running).toHaveLength(1);
    const second = running[0]!;
    expect(second.jid).not.toBe(first!.jid);
    await awaitTasksRunning(second.jid);
    const apps = await rpc<{ id: number; runs: number; current: { jobId: string; options: { fromSavepoint: string } } }[]>(server, 'apps.list', {});
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ runs: 2, current: { jobId: second.jid } });
    const stopSavepoint = apps[0]!.current.options.fromSavepoint;
    expect(stopSavepoint).toMatch(/savepoint-/);
    const checkpoints = (await (await fetch(`${FLINK}/jobs/${second.jid}/checkpoints`)).json()) as {
      latest: { restored: { is_savepoint: boolean; external_path: string } | null };
    };
    expect(checkpoints.latest.restored?.is_savepoint).toBe(true);
    expect(checkpoints.latest.restored?.external_path.replace(/^file:/, '')).toBe(stopSavepoint.replace(/^file:/, ''));
    const detail = await rpc<{ savepoints: { kind: string; jobId: string; location: string }[] }>(server, 'apps.show', { id: apps[0]!.id });
    expect(detail.savepoints).toContainEqual(expect.objectContaining({ kind: 'stop', jobId: first!.jid, location: stopSavepoint }));

    // The Jobs view: one row for the application (its current run, two runs), and its page lists both runs.
    await page.getByTestId('jobs-view').waitFor();
    const row = page.locator(`[data-testid="job-row"][data-section="apps"][data-name="${NAME}"]`);
    await page.locator(`[data-testid="job-row"][data-section="apps"][data-name="${NAME}"][data-job-id="${second.jid}"][data-runs="2"]`).waitFor({ timeout: 60_000 });
    expect(await row.count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'jobs-applications.png') });
    await row.click();
    const runs = page.getByTestId('section-runs').getByTestId('run-row');
    await expect.poll(() => runs.count(), { timeout: 30_000 }).toBe(2);
    expect(await runs.nth(0).getAttribute('data-job-id')).toBe(second.jid);
    expect(await runs.nth(0).getByTestId('run-from').innerText()).toBe(stopSavepoint);
    expect(await runs.nth(1).getAttribute('data-job-id')).toBe(first!.jid);

    // The restart policy, set on the job page, is the application's.
    await page.getByTestId('restart-policy-on').check();
    await page.getByTestId('restart-policy-max').fill('2');
    await page.getByTestId('restart-policy-window').fill('10');
    await page.getByTestId('restart-policy-save').click();
    await expect
      .poll(async () => (await rpc<{ restartPolicy: unknown }>(server, 'apps.show', { id: apps[0]!.id })).restartPolicy, { timeout: 15_000 })
      .toEqual({ mode: 'on-failure', maxRestarts: 2, windowMinutes: 10 });

    // One tab per application; after a reload the open tabs and the active one are back.
    const appTab = page.locator(`[data-testid="editor-tab"][data-key="app:${apps[0]!.id}"]`);
    expect(await appTab.count()).toBe(1);
    await page.reload();
    await page.getByTestId('workbench').waitFor();
    await appTab.waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="job-page"][data-job-id="${second.jid}"]`).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="editor-tab"]').filter({ hasText: new RegExp(`^${NAME}\\.sql`) }).count()).toBe(1);

    // A change to the grouping keys: the dialog warns that the state will likely not restore.
    await page.locator('[data-testid="editor-tab"]').filter({ hasText: new RegExp(`^${NAME}`) }).click();
    await replaceEditorText(page, sql(7, 'k, v'));
    await page.getByTestId('deploy-open').click();
    await dialog.waitFor();
    await dialog.locator('[data-testid="deploy-compat-warning"][data-code="keys-changed"]').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await activeJobs()).map((j) => j.jid)).toEqual([second.jid]);
    await page.close();
  });
});
