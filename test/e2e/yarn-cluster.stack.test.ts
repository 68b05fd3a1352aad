import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshClientInfo } from '../../src/main/stack/ssh-server.js';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';
import { launchBrowser, type Browser } from './browser.js';
import { ROOT, startWeir, type WeirServer } from './weir-server.js';

/**
 * A YARN cluster registered through the form, its edge node being the stack's sshd: the test
 * shows the unknown host key's fingerprint (the one ssh-keygen prints), Trust makes the SSH part
 * pass and read the Flink version there; the private key never comes back to the page.
 */
const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');

describe('YARN cluster in the workbench', () => {
  let browser: Browser;
  let server: WeirServer;
  const info = sshClientInfo(stackPaths(join(ROOT, 'resources'), process.env), stackPorts());
  const work = mkdtempSync(join(tmpdir(), 'weir-e2e-yarn-'));
  const flinkHome = join(work, 'flink-1.20.3');

  beforeAll(async () => {
    mkdirSync(join(flinkHome, 'bin'), { recursive: true });
    writeFileSync(join(flinkHome, 'bin', 'flink'), '#!/bin/sh\necho "Version: 1.20.3, Commit ID: 0e8b4d5"\n');
    chmodSync(join(flinkHome, 'bin', 'flink'), 0o755);
    browser = await launchBrowser({ locale: 'zh-CN' });
    server = await startWeir();
  });

  afterAll(async () => {
    await server?.stop();
    await browser?.close();
  });

  it('asks about the edge node host key, trusts it on request, then tests the edge node', async () => {
    writeFileSync(join(work, 'host.pub'), `${info.hostPublicKey}\n`);
    const fingerprint = execFileSync('ssh-keygen', ['-lf', join(work, 'host.pub')], { encoding: 'utf8' }).trim().split(/\s+/)[1]!;
    const privateKey = readFileSync(info.privateKeyPath, 'utf8');

    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('activity-clusters').click();
    await page.getByTestId('add-cluster').click();
    await page.getByTestId('cluster-editor').waitFor();
    await page.getByTestId('cluster-name').fill('yarn-边缘节点');
    await page.getByTestId('cluster-kind').selectOption('yarn');
    await page.getByTestId('cluster-rm-url').fill('http://127.0.0.1:9');
    await page.getByTestId('cluster-ssh-host').fill(info.host);
    await page.getByTestId('cluster-ssh-port').fill(String(info.port));
    await page.getByTestId('cluster-ssh-user').fill(info.user);
    await page.getByTestId('cluster-ssh-auth').selectOption('key');
    await page.getByTestId('cluster-ssh-secret').fill(privateKey);
    await page.getByTestId('cluster-flink-home').fill(flinkHome);
    await page.getByTestId('cluster-save').click();
    await page.locator('[data-testid="cluster-card"][data-name="yarn-边缘节点"]').waitFor();

    await page.locator('[data-testid="cluster-test-connection"]:not([disabled])').click();
    const unknown = page.getByTestId('host-key-unknown');
    await unknown.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('host-key-fingerprint').innerText()).toContain(fingerprint);
    expect(await page.locator('[data-testid="test-part-ssh"]').getAttribute('data-ok')).toBe('false');
    await page.locator('[data-testid="cluster-test-connection"]:not([disabled])').waitFor();
    await unknown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'host-key.png') });

    await page.getByTestId('trust-host-key').click();
    await page.locator('[data-testid="test-part-ssh"][data-ok="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('host-key-trusted').waitFor();
    expect(await page.locator('[data-testid="test-part-ssh"]').innerText()).toContain('1.20.3');
    // No ResourceManager runs here: that part fails with the translated unreachable error.
    await page.locator('[data-testid="test-part-resourceManager"] [data-testid="error-view"][data-code="cluster.unreachable"]').waitFor();

    const text = await page.evaluate(() => document.documentElement.outerHTML + [...document.querySelectorAll('textarea, input')].map((e) => (e as HTMLInputElement).value).join('\n'));
    expect(text).not.toContain(privateKey.split('\n')[1]!);
    await page.close();
  });
});
