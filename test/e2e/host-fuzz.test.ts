import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Rng } from '../differential/rng.js';
import { callOn, openSocket } from './weir-socket.js';
import { startWeir, type WeirServer } from './weir-server.js';

/**
 * Random and hostile HTTP requests and WebSocket messages against the real `weir serve` for a
 * fixed time budget (WEIR_FUZZ_MS each, default 3 s): every one gets an answer or a close, and the
 * server is alive and healthy afterwards. The seed is printed; WEIR_FUZZ_SEED replays a run.
 */
const BUDGET_MS = Number(process.env.WEIR_FUZZ_MS ?? 3000);
const SEED = Number(process.env.WEIR_FUZZ_SEED ?? Date.now() % 1_000_000);

let weir: WeirServer;
let hostHeader: string;
let token: string;

beforeAll(async () => {
  weir = await startWeir();
  const u = new URL(weir.url);
  hostHeader = u.host;
  token = u.searchParams.get('token')!;
  process.stdout.write(`host fuzz seed ${SEED} (WEIR_FUZZ_SEED=${SEED} replays it)\n`);
});

afterAll(async () => {
  await weir?.stop();
});

const deep = (n: number, open: string, close: string, leaf: string) => open.repeat(n) + leaf + close.repeat(n);

function hostileTarget(rng: Rng): string {
  return rng.pick([
    () => '//[x',
    () => `/.//evil.example/?token=${token}`,
    () => `//evil.example/?token=${token}`,
    () => `/./\\evil.example/?token=${token}`,
    () => '/%',
    () => '/%00',
    () => '/..%2f..%2f..%2fetc%2fpasswd',
    () => '/' + 'a/'.repeat(rng.int(3000)),
    () => '*',
    () => 'http://evil.example/',
    () => 'evil.example:443',
    () => `/?token=${rng.chance(0.5) ? token : 'x'.repeat(rng.int(100))}`,
    () => '/ws?token=' + token,
    () => '/healthz',
    () => '/assets/' + '%2e%2e/'.repeat(rng.int(10)) + 'x.js',
    () => '/[' + String.fromCharCode(0x21 + rng.int(90)).repeat(rng.int(50)),
    () => '/' + Array.from({ length: rng.int(40) }, () => String.fromCharCode(0x21 + rng.int(94))).join(''),
  ])();
}

function hostileRequest(rng: Rng): Buffer {
  if (rng.chance(0.08)) return Buffer.from(Array.from({ length: rng.int(2000) }, () => rng.int(256)));
  const method = rng.pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'BREW', 'G\tT']);
  const lines = [`${method} ${hostileTarget(rng)} HTTP/1.1`];
  const host = rng.pick([hostHeader, hostHeader, `evil.example:${hostHeader.split(':')[1]}`, '', 'localhost', `${hostHeader}\tx`]);
  if (host !== '' || rng.chance(0.5)) lines.push(`Host: ${host}`);
  if (rng.chance(0.1)) lines.push(`Host: ${hostHeader}`);
  if (rng.chance(0.4)) {
    lines.push('Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13');
    if (rng.chance(0.8)) lines.push('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
  }
  if (rng.chance(0.3)) lines.push(`Cookie: weir_session=${rng.pick(['', 'x', '='.repeat(rng.int(100)), 'a'.repeat(32)])}; a=b=c`);
  if (rng.chance(0.3)) lines.push(`Origin: ${rng.pick(['http://evil.example', 'null', 'http://[x', `http://${hostHeader}`, '::::'])}`);
  if (rng.chance(0.2)) lines.push(`Accept-Language: ${rng.pick(['zh-CN', '*;q=x', 'x'.repeat(rng.int(4000)), ',,,;;;'])}`);
  let body = '';
  if (rng.chance(0.2)) {
    body = 'x'.repeat(rng.int(100));
    lines.push(`Content-Length: ${rng.pick([String(body.length), '-1', 'abc', '99999999999999999999'])}`);
  }
  if (rng.chance(0.1)) lines.push('Transfer-Encoding: chunked');
  return Buffer.from(lines.join('\r\n') + '\r\n\r\n' + body, 'latin1');
}

/** 'answered' (a status line), 'closed', or 'hung' when neither came within 3 s of our last byte. */
function send(bytes: Buffer): Promise<'answered' | 'closed' | 'hung'> {
  return new Promise((resolve) => {
    const s = connect(Number(hostHeader.split(':')[1]), '127.0.0.1');
    let got = '';
    let done = false;
    const finish = (r: 'answered' | 'closed' | 'hung') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve(r);
    };
    s.on('connect', () => s.end(bytes)); // half-close: an unfinished request must be answered too
    s.on('data', (d) => {
      got += d.toString('latin1');
      if (/^HTTP\/1\.[01] \d{3}/.test(got)) finish('answered');
    });
    s.on('close', () => finish(/^HTTP\/1\.[01] \d{3}/.test(got) ? 'answered' : 'closed'));
    s.on('error', () => finish('closed'));
    const timer = setTimeout(() => finish('hung'), 3000);
  });
}

const SAFE_METHODS = ['app.info', 'workspaces.list', 'files.list', 'files.read', 'files.create', 'files.save', 'files.rename', 'files.delete', 'files.history', 'files.version', 'settings.get', 'clusters.list', 'deployments.list', 'jobs.list', 'stack.status'];

function randomValue(rng: Rng, depth = 0): unknown {
  const kinds = depth > 3 ? 5 : 8;
  switch (rng.int(kinds)) {
    case 0: return rng.int(2 ** 31) - 2 ** 30;
    case 1: return rng.pick([NaN, 1e308, -0, 2 ** 53 + 1, 0.5]);
    case 2: return rng.pick(['', 'a.sql', '../x.sql', 'x'.repeat(rng.int(10_000)), '\u0000', '表.sql']);
    case 3: return rng.pick([null, true, false]);
    case 4: return undefined;
    case 5: return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [rng.pick(['id', 'workspaceId', 'name', 'content', 'kind', '__proto__', 'constructor', 'versionId']), randomValue(rng, depth + 1)]));
  }
}

function hostileMessage(rng: Rng, id: number): string | Buffer {
  return rng.pick([
    () => `{"id":${id},"method":${deep(5000, '[', ']', '"x"')},"input":{}}`,
    () => `{"id":${id},"method":"files.list","input":${deep(5000, '{"a":', '}', '1')}}`,
    () => `{"id":${id},"method":"files.create","input":{"workspaceId":1,"name":"d.sql","content":${deep(3000, '[', ']', '1')}}}`,
    () => `{"id":${id},"method":${deep(100, '{"a":', '}', '1')}}`,
    () => `{"id":${rng.pick(['"1"', '1e400', '-1', 'null', '[]', String(2 ** 60)])},"method":"app.info"}`,
    () => '{not json',
    () => rng.pick(['null', '[]', '1', '"x"', 'true', '{}']),
    () => Buffer.from(Array.from({ length: rng.int(500) }, () => rng.int(256))),
    () => JSON.stringify({ id, method: rng.pick([...SAFE_METHODS, 'constructor', '__proto__', 'toString', 'files.format-disk', '']), input: randomValue(rng) }),
    () => JSON.stringify({ id, method: rng.pick(SAFE_METHODS), input: randomValue(rng) }),
  ])();
}

describe('weir serve under hostile input', () => {
  it('answers or closes every random and hostile HTTP request within the budget', async () => {
    const rng = new Rng(SEED);
    const outcomes = { answered: 0, closed: 0, hung: 0 };
    const hung: string[] = [];
    const end = Date.now() + BUDGET_MS;
    while (Date.now() < end) {
      const batch = Array.from({ length: 8 }, () => hostileRequest(rng));
      const results = await Promise.all(batch.map(send));
      results.forEach((r, i) => {
        outcomes[r]++;
        if (r === 'hung' && hung.length < 5) hung.push(JSON.stringify(batch[i]!.toString('latin1').slice(0, 200)));
      });
      expect(weir.process.exitCode, 'server died').toBeNull();
    }
    process.stdout.write(`http fuzz: ${JSON.stringify(outcomes)}\n`);
    expect(hung).toEqual([]);
    expect(outcomes.answered).toBeGreaterThan(50);
  });

  it('answers every random and hostile socket message within the budget', async () => {
    const rng = new Rng(SEED + 1);
    const sockets = await Promise.all(Array.from({ length: 4 }, () => openSocket(weir.url)));
    let sent = 0;
    let answers = 0;
    for (const ws of sockets) ws.on('message', () => answers++);
    const closedByServer: number[] = [];
    for (const ws of sockets) ws.on('close', (code) => closedByServer.push(code));
    const end = Date.now() + BUDGET_MS;
    let id = 1000;
    while (Date.now() < end && closedByServer.length === 0) {
      for (const ws of sockets) {
        ws.send(hostileMessage(rng, id++));
        sent++;
      }
      // A health call on each socket now and then: it must be answered while the fuzz goes on.
      if (id % 50 < 4) expect(await callOn(sockets[0]!, id++, 'app.info', {})).toMatchObject({ ok: true });
      await new Promise((r) => setImmediate(r));
    }
    for (const ws of sockets) expect(await callOn(ws, id++, 'settings.get', {})).toMatchObject({ ok: true });
    process.stdout.write(`socket fuzz: ${sent} messages, ${answers} answers\n`);
    expect(closedByServer).toEqual([]);
    expect(answers).toBeGreaterThanOrEqual(sent);
    for (const ws of sockets) ws.close();
  });

  it('is alive and healthy afterwards', async () => {
    expect(weir.process.exitCode).toBeNull();
    expect((await fetch(`${weir.origin}/healthz`)).status).toBe(200);
    const login = await fetch(weir.url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const page = await fetch(`${weir.origin}/`, { headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]! } });
    expect(page.status).toBe(200);
    const ws = await openSocket(weir.url);
    expect(await callOn(ws, 1, 'workspaces.list', {})).toMatchObject({ ok: true });
    ws.close();
  });
});
