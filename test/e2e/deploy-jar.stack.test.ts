import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackPorts } from '../../src/main/stack/stack-config.js';
import { launchBrowser, type Browser } from './browser.js';
import { ROOT, newHome, startWeir, type WeirServer } from './weir-server.js';

/**
 * A custom jar job deployed from the Jobs view: the jar path, its entry class and arguments one
 * per line, the common options; the job shows RUNNING and marked as Weir's. The jar is Weir's own
 * SQL runner, used here as any user's jar would be.
 */
const FLINK = `http://127.0.0.1:${stackPorts().flinkRest}`;
const JOB = `weir-e2e-jar-${Date.now().toString(36)}`;
const SCRIPT =
  "CREATE TEMPORARY TABLE s (x INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n" +
  "CREATE TEMPORARY TABLE k (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT x FROM s;\n";

describe('custom jar job from the workbench', () => {
  let browser: Browser;
  let server: WeirServer;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'en-US' });
    server = await startWeir(newHome(), { WEIR_LOCAL_STACK: 'off' });
  });

  afterAll(async () => {
    const overview = (await (await fetch(`${FLINK}/jobs/overview`)).json()) as { jobs: { jid: string; name: string; state: string }[] };
    for (const j of overview.jobs.filter((j) => j.name === JOB && j.state === 'RUNNING')) {
      await fetch(`${FLINK}/jobs/${j.jid}?mode=cancel`, { method: 'PATCH' });
    }
    await server?.stop();
    await browser?.close();
  });

  it('deploys a jar with its entry class and arguments, and shows it running', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('cluster-local').waitFor({ timeout: 30_000 });
    await page.getByTestId('add-local-cluster').click();
    await page.locator('[data-testid="cluster-card"][data-name="Local"]').waitFor();

    await page.getByTestId('activity-jobs').click();
    await page.getByTestId('deploy-jar-open').click();
    const dialog = page.getByTestId('jar-deploy-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('deploy-jar-path').fill(join(ROOT, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'));
    await dialog.getByTestId('deploy-entry-class').fill('dev.weir.runner.SqlRunner');
    await dialog.getByTestId('deploy-args').fill(`--script\n${Buffer.from(SCRIPT).toString('base64')}`);
    await dialog.getByTestId('deploy-job-name').fill(JOB);
    await dialog.getByTestId('deploy-parallelism').fill('2');
    await dialog.getByTestId('deploy-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });

    const row = page.locator(`[data-testid="job-row"][data-name="${JOB}"]`);
    await page.locator(`[data-testid="job-row"][data-name="${JOB}"][data-state="RUNNING"]`).waitFor({ timeout: 120_000 });
    expect(await row.getByTestId('weir-mark').count()).toBe(1);

    // A path that is not a jar is refused in the dialog, with everything typed kept.
    await page.getByTestId('deploy-jar-open').click();
    await dialog.getByTestId('deploy-jar-path').fill(join(ROOT, 'package.json'));
    await dialog.getByTestId('deploy-submit').click();
    await dialog.locator('[data-testid="error-view"][data-code="deploy.not-a-jar"]').waitFor();
    expect(await dialog.getByTestId('deploy-jar-path').inputValue()).toBe(join(ROOT, 'package.json'));
    await page.close();
  });
});
