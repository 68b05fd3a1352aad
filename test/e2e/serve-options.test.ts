import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CLI, newHome } from './weir-server.js';

/** `weir serve` options as a user gives them: a kept token and its rotation, TLS, refusals. Loopback only. */
function serve(home: string, args: string[]): Promise<{ out: Record<string, string>; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json', ...args], {
    env: { ...process.env, WEIR_LOCAL_STACK: 'off', WEIR_HOME: home, WEIR_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      resolve({ out: JSON.parse(line) as Record<string, string>, stop: async () => void (child.kill('SIGTERM'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

function refused(args: string[]): { code: number; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, WEIR_LOCAL_STACK: 'off', WEIR_HOME: newHome(), WEIR_LANG: 'en' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status ?? -1, err: r.stderr };
}

describe('weir serve options', () => {
  it('keeps the login token across restarts until --rotate-token', async () => {
    const home = newHome();
    const first = await serve(home, []);
    await first.stop();
    expect(statSync(join(home, 'serve-token.json')).mode & 0o777).toBe(0o600);
    const again = await serve(home, []);
    await again.stop();
    expect(new URL(again.out.url!).searchParams.get('token')).toBe(new URL(first.out.url!).searchParams.get('token'));
    const rotated = await serve(home, ['--rotate-token']);
    const oldToken = new URL(first.out.url!).searchParams.get('token');
    expect(new URL(rotated.out.url!).searchParams.get('token')).not.toBe(oldToken);
    const origin = new URL(rotated.out.url!).origin;
    expect((await fetch(`${origin}/?token=${oldToken}`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(rotated.out.url!, { redirect: 'manual' })).status).toBe(303);
    await rotated.stop();
  });

  it('refuses to serve other machines without TLS-ready host names, in the user language', () => {
    const noNames = refused(['--host', '0.0.0.0']);
    expect(noNames.code).toBe(1);
    expect(noNames.err).toContain('needs the host names remote browsers use');
    expect(refused(['--host', '0.0.0.0', '--allow-host', 'https://edge01']).err).toContain('is not a host name');
    expect(refused(['--tls-cert', 'x.pem']).err).toContain('--tls-cert and --tls-key go together');
  });

  it('serves over TLS with a given certificate and prints its fingerprint', async () => {
    const dir = mkdtempSync(join(newHome(), 'tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=edge01.test',
      '-addext', 'subjectAltName=DNS:edge01.test,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
    const server = await serve(newHome(), ['--allow-host', 'edge01.test', '--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')]);
    const url = new URL(server.out.url!);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe('edge01.test');
    expect(server.out.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: Number(url.port), path: '/healthz', rejectUnauthorized: false, headers: { Host: url.host } },
        (res) => {
          const cert = (res.socket as import('node:tls').TLSSocket).getPeerCertificate();
          expect(cert.fingerprint256).toBe(server.out.fingerprint);
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    await server.stop();
  });
});
