import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventHub } from '../app/event-hub.js';
import { silentLogger } from '../app/logger.js';
import { CLOSE_SESSION_ENDED, startBrowserHost, type BrowserHost } from './browser-host.js';

/** Sessions over real HTTP and sockets, on a clock the test moves. */
let host: BrowserHost;
let now = 1_000_000;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'weir-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>workbench</title>');
  host = await startBrowserHost({
    dispatch: async () => ({ ok: true, output: 'pong' }),
    events: new EventHub(),
    rendererDir,
    log: silentLogger,
    port: 0,
    now: () => now,
    sessionLimits: { idleMs: 60_000, maxAgeMs: 600_000, rotateMs: 10_000, maxSessions: 100 },
    sweepMs: 50,
  });
});

afterAll(async () => {
  await host.close();
});

const login = async () => (await fetch(host.url, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
const page = (cookie: string) => fetch(`${host.origin}/`, { headers: { cookie } });

function socketWith(cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie, Origin: host.origin } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
  });
}

describe('browser host sessions', () => {
  it('changes an old session id on a page load; the old cookie stops working', async () => {
    const cookie = await login();
    now += 11_000;
    const res = await page(cookie);
    expect(res.status).toBe(200);
    const renewed = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(renewed).not.toBe(cookie);
    expect((await page(cookie)).status).toBe(401);
    expect((await page(renewed)).status).toBe(200);
  });

  it('closes the socket of a session that idled out, and refuses its cookie', async () => {
    const cookie = await login();
    const ws = await socketWith(cookie);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    now += 61_000;
    expect(await closed).toBe(CLOSE_SESSION_ENDED);
    expect((await page(cookie)).status).toBe(401);
    await expect(socketWith(cookie)).rejects.toThrow('refused 401');
  });

  it('ends every session and socket when the token is replaced', async () => {
    const cookie = await login();
    const ws = await socketWith(cookie);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const old = host.token;
    host.setToken('n'.repeat(32), true);
    expect(await closed).toBe(CLOSE_SESSION_ENDED);
    expect((await page(cookie)).status).toBe(401);
    expect((await fetch(`${host.origin}/?token=${old}`, { redirect: 'manual' })).status).toBe(401);
    expect(host.url).toContain('n'.repeat(32));
  });
});
