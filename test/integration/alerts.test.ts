import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
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
 * alerting a channel that asked for FAILED. E-mail goes to a real SMTP server, aiosmtpd from PyPI
 * (scripts/install.sh puts it in a venv at WEIR_TEST_PYTHON_HOME, default /var/tmp/weir-test-python),
 * writing each message to a maildir.
 */
const PYTHON = join(process.env.WEIR_TEST_PYTHON_HOME ?? '/var/tmp/weir-test-python', 'bin', 'python');

/** Messages aiosmtpd delivered: headers (the subject decoded) and the base64 body decoded. */
function mails(maildir: string): { to: string; subject: string; body: string }[] {
  const dir = join(maildir, 'new');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    const [head, ...rest] = raw.split(/\r?\n\r?\n/);
    const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head!)?.[1] ?? '';
    const subject = header('Subject').replace(/=\?UTF-8\?B\?(.*)\?=/, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
    return { to: header('To'), subject, body: Buffer.from(rest.join('\n').replace(/\s+/g, ''), 'base64').toString('utf8') };
  });
}

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
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
  let smtp: ChildProcess;
  let smtpPort = 0;
  const maildir = join(mkdtempSync(join(tmpdir(), 'weir-it-maildir-')), 'mail');

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
    smtpPort = await freePort();
    smtp = spawn(PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtpPort}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = createTcpServer();
        s.once('error', () => resolve(true));
        s.listen(smtpPort, '127.0.0.1', () => s.close(() => resolve(false)));
      });
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(async () => {
    smtp?.kill();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

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
        MAIL_URL: `smtp://127.0.0.1:${smtpPort}?from=weir@example.test&to=ops@example.test,oncall@example.test`,
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

    // E-mail, to the real SMTP server: UTF-8 subject and body, every recipient.
    const mail = await weir('alerts', 'add', 'mail', '--kind', 'email', '--url-env', 'MAIL_URL', '--on', 'FAILED');
    expect(mail.code, mail.err).toBe(0);
    const sent = await weir('alerts', 'test', 'mail');
    expect(sent.code, sent.err).toBe(0);
    expect(mails(maildir)).toEqual([
      expect.objectContaining({ to: 'ops@example.test, oncall@example.test', subject: 'Weir test alert to channel mail: alerts arrive here.' }),
    ]);
    expect(mails(maildir)[0]!.body).toContain('application: weir');
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
      services.alertChannels.add({ name: 'mail', kind: 'email', url: `smtp://127.0.0.1:${smtpPort}?from=weir@example.test&to=ops@example.test`, secret: null, events: ['FAILED'] });
      services.settings.update({ locale: 'zh-CN' });
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
        expect.objectContaining({ event: 'FAILED', application: NAME, cluster: 'Local', jobId: deployment.jobId, text: `[Weir] ${NAME}（集群 Local）失败（作业 ${deployment.jobId}）` }),
      ]);
      // The same alert by e-mail, in the user's language.
      await expect.poll(() => mails(maildir).filter((m) => m.subject.includes(NAME)).length, { timeout: 15_000 }).toBe(1);
      const failedMail = mails(maildir).find((m) => m.subject.includes(NAME))!;
      expect(failedMail.subject).toBe(`[Weir] ${NAME}（集群 Local）失败（作业 ${deployment.jobId}）`);
      expect(failedMail.body).toContain(`job: ${deployment.jobId}`);
    } finally {
      services.close();
      await cancelJobsNamed(NAME);
    }
  });
});
