import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Browser } from '../e2e/browser.js';
import { CLI, ROOT, startWeir, type WeirServer } from '../e2e/weir-server.js';

/**
 * The stack as the user meets it: `weir stack status` reports every part healthy, and the
 * workbench's Clusters view lists the "Local" cluster while the stack runs.
 */
const run = promisify(execFile);
const env = { ...process.env, WEIR_STACK_HOME: inject('stackHome') };

interface Status {
  parts: { name: string; port: number; healthy: boolean; detail?: string }[];
}

describe('local stack as seen by the CLI and the workbench', () => {
  let browser: Browser;
  let server: WeirServer;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    server = await startWeir(undefined, { WEIR_STACK_HOME: env.WEIR_STACK_HOME, WEIR_LOCAL_STACK: 'on' });
  });

  afterAll(async () => {
    await server?.stop();
    await browser?.close();
  });

  it('weir stack status --json shows every part healthy, with its port', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'stack', 'status', '--json'], { env });
    const status = JSON.parse(stdout) as Status;
    expect(status.parts.map((p) => p.name).sort()).toEqual(
      ['clickhouse', 'flink-jobmanager', 'flink-taskmanager', 'kafka', 'mariadb', 'postgres', 'sql-gateway', 'sshd'].sort(),
    );
    for (const part of status.parts) expect(part, part.name).toMatchObject({ healthy: true });
    const text = (await run(process.execPath, [CLI, 'stack', 'status'], { env: { ...env, LANG: 'zh_CN.UTF-8' } })).stdout;
    expect(text).toMatch(/flink-jobmanager\s+8081\s+正常/);
  });

  it('lists the Local cluster in the Clusters view while the stack runs', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('activity-clusters').click();
    const card = page.getByTestId('cluster-local');
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    expect(text).toContain('Local（本地）');
    expect(text).toMatch(/Flink 1\.20\.\d+ · 1 个 TaskManager/);
    expect(text).toMatch(/\/4/);
    expect(await page.locator('[data-testid="stack-part"][data-healthy="true"]').count()).toBe(8);
    // Registered once as a cluster like any other: its card is in the list, editable and removable.
    await page.locator('[data-testid="cluster-card"][data-name="Local"]').waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain('已');
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'clusters-local.png') });
    await page.close();
  });
});
