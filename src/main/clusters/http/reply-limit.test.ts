import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { FlinkRestClient } from '../flink/flink-rest-client.js';
import { MAX_REPLY_BYTES } from './reply-limits.js';

/**
 * A loopback "cluster" that answers /jobs/overview with 400 MB of JSON, streamed (it holds
 * nothing itself): Weir must stop reading at its limit with a clear error, not grow with the reply.
 */
const REPLY_BYTES = 400 * 1024 * 1024;
let server: Server;
let base: string;
let sent = 0;

beforeAll(async () => {
  const job = JSON.stringify({ jid: 'a'.repeat(32), name: 'x'.repeat(500), state: 'RUNNING', 'start-time': 0, 'end-time': -1, duration: 1, 'last-modification': 0, tasks: {} });
  const chunk = Buffer.from(`${job},`.repeat(Math.floor(256 * 1024 / (job.length + 1))));
  server = createServer((req, res) => {
    const declare = req.url?.includes('declare=1') === true;
    res.writeHead(200, { 'content-type': 'application/json', ...(declare ? { 'content-length': String(REPLY_BYTES) } : {}) });
    if (req.url === '/taskmanagers') return res.end('{"taskmanagers":[]}');
    let written = 9;
    res.write('{"jobs":[');
    const pump = () => {
      while (written < REPLY_BYTES - chunk.length) {
        written += chunk.length;
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end(`${job}]}`);
    };
    res.on('error', () => {});
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('cluster reply size limits', () => {
  it('stops reading a 400 MB /jobs/overview at its limit, with an error naming the cluster and call, memory flat', async () => {
    const client = new FlinkRestClient({ cluster: 'huge', baseUrl: base, timeoutMs: 60_000 });
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = Date.now();
    let error: unknown;
    try {
      await client.jobsOverview({ retries: 0 });
    } catch (e) {
      error = e;
    }
    clearInterval(sampler);
    const grownMb = (peak - before.rss) / 1024 / 1024;
    process.stdout.write(`oversize reply: stopped after ${Math.round(sent / 1024 / 1024)} MB sent, rss +${grownMb.toFixed(0)} MB, ${Date.now() - started} ms\n`);
    expect(error).toBeInstanceOf(WeirError);
    expect((error as WeirError).toData()).toMatchObject({
      code: 'cluster.reply-too-large',
      params: { cluster: 'huge', call: 'GET /jobs/overview', limit: MAX_REPLY_BYTES.list / 1024 / 1024 },
    });
    expect(sent).toBeLessThan(REPLY_BYTES / 2);
    expect(grownMb).toBeLessThan(200);
    // The same client goes on working for other calls.
    expect(await client.taskManagers()).toEqual({ taskmanagers: [] });
    await client.http.close();
  });

  it('refuses a reply whose declared length is past the limit before reading it', async () => {
    const client = new FlinkRestClient({ cluster: 'huge', baseUrl: base });
    sent = 0;
    const error = await client.http
      .call('GET', '/jobs/overview', { retries: 0, query: { declare: 1 }, maxReplyBytes: MAX_REPLY_BYTES.list })
      .catch((e: unknown) => e);
    expect((error as WeirError).code).toBe('cluster.reply-too-large');
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    await client.http.close();
  });
});
