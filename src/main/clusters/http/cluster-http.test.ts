import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { ClusterHttp } from './cluster-http.js';

/** The transport's promises, on a loopback server that answers as told: retries, timeouts, headers. */
describe('ClusterHttp', () => {
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();
  const headers: Record<string, string | undefined>[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const key = `${req.method} ${req.url}`;
      const n = (hits.get(key) ?? 0) + 1;
      hits.set(key, n);
      headers.push({ authorization: req.headers.authorization });
      if (req.url === '/flaky' && n === 1) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      if (req.url === '/slow') return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ n }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const error = async (p: Promise<unknown>): Promise<WeirError> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof WeirError) return e;
      throw e;
    }
    throw new Error('expected a WeirError');
  };

  it('retries a read after a 503, never a write', async () => {
    const http = new ClusterHttp({ cluster: 'c', baseUrl: base });
    expect(await http.call('GET', '/flaky')).toEqual({ n: 2 });
    hits.delete('POST /flaky');
    hits.set('GET /flaky', 0);
    const refused = await error(http.call('POST', '/flaky', { body: {} }));
    expect(refused.toData()).toMatchObject({ code: 'cluster.http-error', params: { status: 503, call: 'POST /flaky', cluster: 'c' } });
    expect(hits.get('POST /flaky')).toBe(1);
    await http.close();
  });

  it('gives up after its timeout with an error naming the call', async () => {
    const http = new ClusterHttp({ cluster: 'c', baseUrl: base, timeoutMs: 300 });
    const started = Date.now();
    const timedOut = await error(http.call('POST', '/slow', { body: {} }));
    expect(timedOut.code).toBe('cluster.timeout');
    expect(timedOut.params).toMatchObject({ call: 'POST /slow', seconds: 0.3 });
    expect(Date.now() - started).toBeLessThan(3000);
    await http.close();
  });

  it('sends the configured auth header and says which host refused a connection', async () => {
    const http = new ClusterHttp({ cluster: 'c', baseUrl: `${base}/`, authHeader: { name: 'Authorization', value: 'Bearer t' } });
    await http.call('GET', '/ok', { query: { a: 1, b: undefined } });
    expect(headers.at(-1)?.authorization).toBe('Bearer t');
    expect(hits.get('GET /ok?a=1')).toBe(1);
    const down = new ClusterHttp({ cluster: 'gone', baseUrl: 'http://127.0.0.1:1' });
    const refused = await error(down.call('GET', '/overview', { retries: 0 }));
    expect(refused.toData()).toMatchObject({ code: 'cluster.unreachable', params: { cluster: 'gone', url: 'http://127.0.0.1:1' } });
    expect(refused.details[0]).toContain('ECONNREFUSED');
  });
});
