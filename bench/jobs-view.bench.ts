/**
 * `npm run bench` (part 2): the Jobs view with 1,000 jobs on 10 clusters. A harness serves
 * /jobs/overview replies grown from one recorded on the real cluster; the real JobMonitor polls it
 * (one request per cluster per tick) and each tick's snapshot is rendered by the real Jobs table
 * in Debian's Chromium. Goal (issue 5): the view updates in one frame, 16 ms or less, per tick.
 * Anchors measured in the same run: polling every job on its own (one request per job per
 * tick), and a plain table of every row without virtualisation.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServices } from '../src/main/app/services.js';
import { silentLogger } from '../src/main/app/logger.js';
import { FlinkRestClient } from '../src/main/clusters/flink/flink-rest-client.js';
import { keyFileCipher } from '../src/main/secrets/key-file-cipher.js';
import { startOverviewHarness } from './jobs-view/overview-harness.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', 'bench', 'jobs-view');
const CLUSTERS = 10;
const JOBS = 100;
const TICKS = Number(process.env.WEIR_BENCH_TICKS ?? 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

function row(name: string, ours: number, anchor: number, goal: string): void {
  process.stdout.write(
    `${name.padEnd(52)} ${`${ours.toFixed(2)} ms`.padStart(11)} ${`${anchor.toFixed(1)} ms`.padStart(12)} ${`${(anchor / ours).toFixed(1)}x`.padStart(8)}   ${goal}\n`,
  );
}

async function bundlePage(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'bench', 'jobs-view', 'bench-page.tsx')],
    bundle: true,
    // A classic script: Chromium refuses module scripts from file:// pages.
    format: 'iife',
    outfile: join(OUT, 'bench.js'),
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const html = join(OUT, 'index.html');
  writeFileSync(
    html,
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="bench.css"></head>' +
      '<body><div id="ours" style="height:860px;display:flex;flex-direction:column"></div><div id="plain"></div>' +
      '<script src="bench.js"></script></body></html>',
  );
  return html;
}

async function main(): Promise<void> {
  const harness = await startOverviewHarness(CLUSTERS, JOBS);
  const home = mkdtempSync(join(tmpdir(), 'weir-bench-jobs-'));
  const services = createServices({
    home,
    host: 'browser',
    cipher: keyFileCipher(join(home, 'secret.key')),
    resourcesDir: join(ROOT, 'resources'),
    runnerJar: join(ROOT, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'),
    log: silentLogger,
    env: { ...process.env, WEIR_LOCAL_STACK: 'off' },
  });
  harness.urls.forEach((url, i) => services.clusters.save({ name: `city-${String(i).padStart(2, '0')}`, kind: 'standalone', restUrl: url, variables: [] }));

  const html = await bundlePage();
  const browser = await chromium.launch({
    executablePath: process.env.WEIR_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Ours and the anchor in pages of their own, so neither's DOM weighs on the other's layout.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const plainPage = await context.newPage();
  for (const p of [page, plainPage]) {
    await p.goto(`file://${html}`);
    await p.waitForFunction(() => 'weirBench' in window);
  }

  const tickMs: number[] = [];
  const requests: number[] = [];
  const renderMs: number[] = [];
  const plainMs: number[] = [];
  const perJobMs: number[] = [];
  const perJobClients = harness.urls.map((url, i) => new FlinkRestClient({ cluster: `city-${i}`, baseUrl: url }));
  for (let i = 0; i < TICKS + 5; i++) {
    harness.tick();
    harness.takeRequests();
    const started = performance.now();
    const snapshot = await services.monitor.refresh();
    const tick = performance.now() - started;
    const served = harness.takeRequests();
    const now = Date.now();
    const ours = await page.evaluate(([s, n]) => window.weirBench.apply(s, n), [snapshot, now] as const);
    const plain = await plainPage.evaluate(([s, n]) => window.weirBench.applyPlain(s, n), [snapshot, now] as const);
    if (i < 5) continue; // warm-up
    tickMs.push(tick);
    requests.push(served);
    renderMs.push(ours);
    plainMs.push(plain);
    if (i % 6 === 0) {
      const t0 = performance.now();
      await Promise.all(harness.jobIds.map((ids, c) => Promise.all(ids.map((id) => perJobClients[c]!.job(id)))));
      perJobMs.push(performance.now() - t0);
      harness.takeRequests();
    }
  }
  const jobs = (await services.monitor.snapshot()).clusters.reduce((n, c) => n + c.jobs.length, 0);

  process.stdout.write(`\n${'Jobs view: 10 clusters, 1,000 jobs'.padEnd(52)} ${'Weir'.padStart(11)} ${'anchor'.padStart(12)} ${'ratio'.padStart(8)}   goal\n`);
  row(`view update per tick, p95 (anchor: plain table)`, percentile(renderMs, 95), percentile(plainMs, 95), '≤ 16 ms (one frame)');
  row(`view update per tick, median`, percentile(renderMs, 50), percentile(plainMs, 50), '');
  row(`monitor tick, p95 (anchor: one request per job)`, percentile(tickMs, 95), percentile(perJobMs, 95), '');
  process.stdout.write(
    `${'requests per tick'.padEnd(52)} ${String(Math.max(...requests)).padStart(11)} ${String(CLUSTERS * JOBS).padStart(12)}            one per cluster\n`,
  );
  process.stdout.write(`(${TICKS} ticks, ${jobs} jobs in the last snapshot)\n`);
  const ok = percentile(renderMs, 95) <= 16 && Math.max(...requests) === CLUSTERS && jobs === CLUSTERS * JOBS;

  await browser.close();
  await Promise.all(perJobClients.map((c) => c.close()));
  services.close();
  await harness.close();
  if (!ok) process.exitCode = 1;
}

await main();
