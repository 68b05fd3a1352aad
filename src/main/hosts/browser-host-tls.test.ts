import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../app/logger.js';
import { EventHub } from '../app/event-hub.js';
import { startBrowserHost, type BrowserHost } from './browser-host.js';
import { selfSignedIdentity, type TlsIdentity } from './tls-identity.js';

/** The host as an edge node serves it: TLS with a kept self-signed certificate, named hosts only. Loopback here. */
let host: BrowserHost;
let identity: TlsIdentity;
const dir = mkdtempSync(join(tmpdir(), 'weir-tls-'));

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'weir-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>workbench</title>');
  identity = selfSignedIdentity(join(dir, 'tls'), ['edge01.test']);
  host = await startBrowserHost({
    dispatch: async () => ({ ok: true, output: 'pong' }),
    events: new EventHub(),
    rendererDir,
    log: silentLogger,
    port: 0,
    allowedHosts: ['edge01.test'],
    tls: { cert: identity.cert, key: identity.key },
  });
});

afterAll(async () => {
  await host.close();
});

function get(path: string, hostHeader: string, cookie?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, ca: identity.cert, servername: 'edge01.test', headers: { Host: hostHeader, ...(cookie ? { cookie } : {}) } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('browser host over TLS', () => {
  it('makes a certificate once, keeps its key private and its fingerprint stable', () => {
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(dir, 'tls', 'key.pem')).mode & 0o777).toBe(0o600);
    expect(selfSignedIdentity(join(dir, 'tls'), ['edge01.test']).fingerprint).toBe(identity.fingerprint);
    expect(selfSignedIdentity(join(dir, 'tls'), ['edge02.test']).fingerprint).not.toBe(identity.fingerprint);
  });

  it('prints an https address for the allowed name and logs in with a Secure cookie', async () => {
    expect(host.url).toBe(`https://edge01.test:${host.port}/?token=${host.token}`);
    const login = await get(`/?token=${host.token}`, `edge01.test:${host.port}`);
    expect(login.status).toBe(303);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/; Secure/);
    expect(login.headers['strict-transport-security']).toBeDefined();
    const page = await get('/', `edge01.test:${host.port}`, cookie.split(';')[0]);
    expect(page.status).toBe(200);
  });

  it('refuses other host names and plain-http origins on sockets', async () => {
    expect((await get(`/?token=${host.token}`, `evil.example:${host.port}`)).status).toBe(421);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`wss://127.0.0.1:${host.port}/ws?token=${host.token}`, {
        ca: identity.cert,
        headers: { Host: `edge01.test:${host.port}`, Origin: `http://edge01.test:${host.port}` },
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => resolve(-1));
    });
    expect(status).toBe(403);
  });
});
