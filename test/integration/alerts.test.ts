import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/app/logger.js';
import { createServices } from '../../src/main/app/services.js';
import { keyFileCipher } from '../../src/main/secrets/key-file-cipher.js';
import { cancelJobsNamed, FLINK, GATEWAY, LOCAL_VARIABLES, ports, ROOT } from './weir-services.js';

/**
 * Alert channels against a loopback receiver that checks each platform's documented request
 * (DingTalk's and Lark's signatures, WeCom's message, the generic JSON's HMAC header), set up
 * from the CLI with secrets from the environment; and a real job failing on the local cluster
 * alerting a channel that asked for FAILED.
 */
interface Received {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  raw: string;
}

describe('alerts', () => {
  const RUN = Date.now().toString(36);
  const TOKEN = `robot-token-${RUN}`;
  const SECRET = `SEC-${RUN}`;
  const home = mkdtempSync(join(tmpdir(), 'weir-it-alerts-'));
  const received: Received[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        received.push({ path: url.pathname, query: url.searchParams, headers: req.headers, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, raw });
        res.setHeader('content-type', 'application/json');
        if (url.pathname === '/fail') res.end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }));
        else if (url.pathname === '/lark') res.end(JSON.stringify({ code: 0, msg: 'success' }));
        else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Asynchronous: the receiver runs in this process and must answer while the CLI waits. */
  function weir(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main', 'cli.js'), ...args], {
      env: {
        ...process.env,
        WEIR_HOME: home,
        WEIR_LANG: 'en',
        DING_URL: `${base}/dingtalk?access_token=${TOKEN}`,
        WECOM_URL: `${base}/wecom?key=${TOKEN}`,
        LARK_URL: `${base}/lark/${TOKEN}`,
        HOOK_URL: `${base}/hook`,
        FAIL_URL: `${base}/fail`,
        ROBOT_SECRET: SECRET,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, out, err })));
  }
  const last = (path: string) => received.filter((r) => r.path.startsWith(path)).at(-1)!;

  it('adds channels from the CLI and sends each platform its documented, signed test message', async () => {
    for (const [name, kind, env, secret] of [
      ['ding', 'dingtalk', 'DING_URL', true],
      ['wecom', 'wecom', 'WECOM_URL', false],
      ['lark', 'lark', 'LARK_URL', true],
      ['hook', 'webhook', 'HOOK_URL', true],
      ['broken', 'dingtalk', 'FAIL_URL', false],
    ] as const) {
      const added = await weir('alerts', 'add', name, '--kind', kind, '--url-env', env, ...(secret ? ['--secret-env', 'ROBOT_SECRET'] : []), '--on', 'FAILED,LOST');
      expect(added.code, added.err).toBe(0);
    }
    const list = JSON.parse((await weir('alerts', 'list', '--json')).out) as { name: string; signed: boolean; events: string[] }[];
    expect(list.map((c) => [c.name, c.signed, c.events.join()])).toEqual([
      ['broken', false, 'FAILED,LOST'],
      ['ding', true, 'FAILED,LOST'],
      ['hook', true, 'FAILED,LOST'],
      ['lark', true, 'FAILED,LOST'],
      ['wecom', false, 'FAILED,LOST'],
    ]);
    expect(JSON.stringify(list)).not.toContain(TOKEN);

    expect((await weir('alerts', 'test', 'ding')).code).toBe(0);
    const ding = last('/dingtalk');
    const timestamp = ding.query.get('timestamp')!;
    expect(ding.query.get('access_token')).toBe(TOKEN);
    expect(ding.query.get('sign')).toBe(createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'));
    expect(ding.body).toEqual({ msgtype: 'text', text: { content: 'Weir test alert to channel ding: alerts arrive here.' } });

    expect((await weir('alerts', 'test', 'wecom')).code).toBe(0);
    expect(last('/wecom').body).toEqual({ msgtype: 'text', text: { content: 'Weir test alert to channel wecom: alerts arrive here.' } });

    expect((await weir('alerts', 'test', 'lark')).code).toBe(0);
    const lark = last('/lark').body as { timestamp: string; sign: string; msg_type: string; content: { text: string } };
    expect(lark.msg_type).toBe('text');
    expect(lark.sign).toBe(createHmac('sha256', `${lark.timestamp}\n${SECRET}`).update('').digest('base64'));
    expect(Math.abs(Number(lark.timestamp) - Date.now() / 1000)).toBeLessThan(60);

    expect((await weir('alerts', 'test', 'hook')).code).toBe(0);
    const hook = last('/hook');
    expect(hook.body).toMatchObject({ event: 'TEST', application: 'weir' });
    expect(hook.headers['x-weir-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(hook.raw).digest('hex')}`);

    const refused = await weir('alerts', 'test', 'broken');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('The alert to channel broken was not accepted: HTTP 200 sign not match');

    // The robot's token and the secret live only encrypted in the home.
    for (const f of readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const bytes = readFileSync(join(f.parentPath, f.name));
      expect(bytes.includes(TOKEN), f.name).toBe(false);
      expect(bytes.includes(SECRET), f.name).toBe(false);
    }
    expect((await weir('alerts', 'rm', 'broken')).code).toBe(0);
  });

  it('alerts a channel when an application fails on the real cluster', { timeout: 180_000 }, async () => {
    const NAME = `weir-it-alert-${RUN}`;
    const own = mkdtempSync(join(tmpdir(), 'weir-it-alerts-own-'));
    const services = createServices({
      home: own,
      host: 'browser',
      cipher: keyFileCipher(join(own, 'secret.key')),
      resourcesDir: join(ROOT, 'resources'),
      runnerJar: join(ROOT, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'),
      log: silentLogger,
      env: { ...process.env, WEIR_LOCAL_STACK: 'off' },
      jobTickMs: 500,
    });
    try {
      const clusterId = services.clusters.save({ name: 'Local', kind: 'standalone', restUrl: FLINK, gatewayUrl: GATEWAY, variables: LOCAL_VARIABLES }).id;
      services.alertChannels.add({ name: 'ops', kind: 'webhook', url: `${base}/ops`, secret: null, events: ['FAILED'] });
      services.monitor.start();
      const ws = services.workspaces.list()[0]!;
      const file = services.files.create(
        ws.id,
        `${NAME}.sql`,
        `CREATE TEMPORARY TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
CREATE TEMPORARY TABLE gone (id BIGINT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:${ports.postgres}/city',
  'table-name' = 'no_such_table_${RUN}', 'username' = 'weir', 'password' = '\${pg_password}', 'sink.buffer-flush.max-rows' = '1');
INSERT INTO gone SELECT id FROM ticks;
`,
      );
      const deployment = await services.apps.deployFile(file.id, clusterId, { jobName: NAME, parallelism: 1, flinkConfig: { 'restart-strategy.type': 'none' } });
      const deadline = Date.now() + 120_000;
      while (!received.some((r) => r.path === '/ops') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received.filter((r) => r.path === '/ops').map((r) => r.body)).toEqual([
        expect.objectContaining({ event: 'FAILED', application: NAME, cluster: 'Local', jobId: deployment.jobId, text: `[Weir] ${NAME} on Local FAILED (job ${deployment.jobId})` }),
      ]);
    } finally {
      services.close();
      await cancelJobsNamed(NAME);
    }
  });
});
