import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers.js';
import { silentLogger } from '../app/logger.js';
import { createServices, type Services } from '../app/services.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { startBrowserHost, type BrowserHost } from './browser-host.js';

let host: BrowserHost;
let services: Services;

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'weir-host-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'weir-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>workbench</title>');
  writeFileSync(join(home, 'outside.txt'), 'must not be served');
  services = createServices({
    home,
    host: 'browser',
    cipher: keyFileCipher(join(home, 'secret.key')),
    resourcesDir: join(import.meta.dirname, '../../../resources'),
    runnerJar: join(import.meta.dirname, '../../../dist/flink-sql-runner/flink-sql-runner.jar'),
    log: silentLogger,
    env: { WEIR_LOCAL_STACK: 'off', WEIR_STACK_HOME: join(home, 'stack') },
  });
  host = await startBrowserHost({
    dispatch: createDispatcher(createHandlers(services), silentLogger),
    events: services.events,
    rendererDir,
    log: silentLogger,
    port: 0,
  });
});

afterAll(async () => {
  await host.close();
  services.close();
});

function socket(query: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { headers });
    ws.once('open', () => resolve({ ws, status: null }));
    ws.once('unexpected-response', (_req, res) => resolve({ ws: null, status: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ ws: null, status: -1 }));
  });
}

function call(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('id' in parsed) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('browser host', () => {
  it('binds loopback and prints a URL with its token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]{32}$`));
  });

  it('refuses pages without the token, in the visitor language', async () => {
    const res = await fetch(`${host.origin}/`, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('需要 Weir 访问令牌');
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(401);
  });

  it('swaps the token for an HttpOnly session cookie and a clean address', async () => {
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${host.origin}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('workbench');
  });

  it('refuses another Host header (DNS rebinding) and paths outside the build', async () => {
    const viaRebinding = await new Promise<number>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { Host: `evil.example:${host.port}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(viaRebinding).toBe(421);
    const escape = await fetch(`${host.origin}/..%2f..%2foutside.txt?token=${host.token}`, { redirect: 'manual' });
    expect([303, 404]).toContain(escape.status);
    const res = await fetch(`${host.origin}/%2e%2e/outside.txt`, { headers: { cookie: `weir_session=x` } });
    expect(res.status).toBe(401);
  });

  it('refuses a socket without the token', async () => {
    expect((await socket('')).status).toBe(401);
    expect((await socket('?token=nope')).status).toBe(401);
  });

  it('refuses a socket from another origin even with the token', async () => {
    expect((await socket(`?token=${host.token}`, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('carries contract calls and events over an authorised socket', async () => {
    const { ws } = await socket(`?token=${host.token}`, { Origin: host.origin });
    expect(ws).not.toBeNull();
    const events: unknown[] = [];
    ws!.on('message', (d) => {
      const m = JSON.parse(d.toString()) as Record<string, unknown>;
      if ('event' in m) events.push(m.event);
    });
    const workspaces = await call(ws!, { id: 1, method: 'workspaces.list', input: {} });
    expect(workspaces).toMatchObject({ id: 1, ok: true });
    const workspaceId = (workspaces.output as { id: number }[])[0]!.id;
    const created = await call(ws!, { id: 2, method: 'files.create', input: { workspaceId, name: 'a.sql' } });
    expect(created).toMatchObject({ id: 2, ok: true, output: { name: 'a.sql' } });
    expect(events).toContain('files.changed');
    const bad = await call(ws!, { id: 3, method: 'files.create', input: { workspaceId, name: 'a/b.sql' } });
    expect(bad).toMatchObject({ id: 3, ok: false, error: { code: 'contract.invalid-input', params: { field: 'name' } } });
    const malformed = await call(ws!, '{not json');
    expect(malformed).toMatchObject({ ok: false, error: { code: 'contract.malformed-message' } });
    // still serving after bad input
    expect(await call(ws!, { id: 4, method: 'settings.get', input: {} })).toMatchObject({ id: 4, ok: true });
    ws!.close();
  });

  it('answers hostile request targets on pages and sockets, and stays up', async () => {
    for (const target of ['//[x', '/ws?x=//[x', '//[x/ws', 'http://evil.example/', '*']) {
      expect(await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
      const upgrade = `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
      expect(await raw(upgrade)).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    expect((await fetch(`${host.origin}/healthz`)).status).toBe(200);
  });

  it('never redirects to another site after a login', async () => {
    for (const path of ['/.//evil.example/', '//evil.example/', '/./\\evil.example/']) {
      const answer = await raw(`GET ${path}?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
      const location = /\r\nLocation: ([^\r]*)/i.exec(answer)?.[1];
      expect(location, path).toMatch(/^\/[^/\\]/);
    }
  });

  it('gives each login its own session', async () => {
    const login = async () => (await fetch(host.url, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
    const a = await login();
    const b = await login();
    expect(a).not.toBe(b);
    for (const cookie of [a, b]) expect((await fetch(`${host.origin}/`, { headers: { cookie } })).status).toBe(200);
  });

  it('answers a socket message whose method is nested 5,000 deep, and goes on serving', async () => {
    const { ws } = await socket(`?token=${host.token}`);
    const deep = '['.repeat(5000) + '"x"' + ']'.repeat(5000);
    const answer = await call(ws!, `{"id":7,"method":${deep},"input":{}}`);
    expect(answer).toMatchObject({ id: 7, ok: false });
    expect(await call(ws!, `{"id":8,"method":"settings.get","input":${deep}}`)).toMatchObject({ id: 8, ok: false });
    expect(await call(ws!, { id: 9, method: 'settings.get', input: {} })).toMatchObject({ id: 9, ok: true });
    ws!.close();
  });
});

/** Sends bytes as they are (fetch would normalise the target) and returns what came back. */
function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(host.port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (d) => {
      got += d.toString();
      if (got.includes('\r\n\r\n')) s.destroy();
    });
    s.on('close', () => resolve(got));
    s.on('error', () => resolve(got));
    s.setTimeout(3000, () => s.destroy());
  });
}

describe('browser host beyond loopback', () => {
  it('refuses to bind without TLS or without allowed host names', async () => {
    const base = { dispatch: async () => ({ ok: true as const, output: null }), events: services.events, rendererDir: '/nonexistent', log: silentLogger, port: 0 };
    await expect(startBrowserHost({ ...base, host: '0.0.0.0' })).rejects.toMatchObject({ code: 'serve.remote-needs-tls' });
    await expect(startBrowserHost({ ...base, host: '0.0.0.0', tls: { cert: 'x', key: 'y' } })).rejects.toMatchObject({ code: 'serve.remote-needs-hosts' });
  });
});
