import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/app/clock.js';
import { openCatalog, type Catalog } from '../../src/main/catalog/catalog.js';
import { probeEdgeNode } from '../../src/main/clusters/ssh/edge-node-probe.js';
import { KnownHosts } from '../../src/main/clusters/ssh/known-hosts.js';
import { openSsh, SshError, type SshTarget } from '../../src/main/clusters/ssh/ssh-session.js';
import { sshClientInfo, type SshClientInfo } from '../../src/main/stack/ssh-server.js';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';

/** Weir's own SSH client (ssh2) against the stack's sshd, the YARN edge node stand-in. */

const run = promisify(execFile);
const resources = fileURLToPath(new URL('../../resources', import.meta.url));

async function sshError(promise: Promise<unknown>): Promise<SshError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SshError) return error;
    throw error;
  }
  throw new Error('expected an SshError, but the call succeeded');
}

/** A port nothing listens on: bound by us, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('edge node over SSH (ssh2)', () => {
  let info: SshClientInfo;
  let work: string;
  let fingerprint: string;
  let target: SshTarget;
  let catalog: Catalog;
  let knownHosts: KnownHosts;

  /** A Flink home whose bin/flink prints what Flink 1.20.3 prints and logs each call. */
  const fakeFlinkHome = (name: string): { home: string; calls: string } => {
    const home = join(work, name);
    mkdirSync(join(home, 'bin'), { recursive: true });
    const calls = join(home, 'calls.log');
    const script = join(home, 'bin', 'flink');
    writeFileSync(script, '#!/bin/sh\necho "$@" >> "$(dirname "$0")/../calls.log"\necho "Version: 1.20.3, Commit ID: abc"\n');
    chmodSync(script, 0o755);
    return { home, calls };
  };

  beforeAll(async () => {
    info = sshClientInfo(stackPaths(resources), stackPorts());
    work = mkdtempSync(join(tmpdir(), 'weir-edge-ssh-'));
    const hostPub = join(work, 'host.pub');
    writeFileSync(hostPub, `${info.hostPublicKey}\n`);
    // `256 SHA256:… comment (ED25519)`: what the user would compare on the server.
    const { stdout } = await run('ssh-keygen', ['-lf', hostPub]);
    fingerprint = stdout.trim().split(/\s+/)[1]!;
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    target = { host: info.host, port: info.port, user: info.user, privateKey: readFileSync(info.privateKeyPath, 'utf8'), cluster: 'yarn-dev' };
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    catalog = openCatalog({ file: ':memory:' });
    knownHosts = new KnownHosts(catalog, systemClock);
  });
  afterEach(() => catalog.close());

  const trustStackKey = () => knownHosts.trust(info.host, info.port, 'ssh-ed25519', fingerprint);

  it('refuses an unknown host key on first connect and names its fingerprint', async () => {
    const error = await sshError(openSsh(target, knownHosts));
    expect(error.code).toBe('ssh.host-key-unknown');
    expect(error.params).toEqual({ cluster: 'yarn-dev', host: info.host, port: info.port, fingerprint, keyType: 'ssh-ed25519' });
    expect(error.hostKey).toEqual({ host: info.host, port: info.port, keyType: 'ssh-ed25519', fingerprint, status: 'unknown' });
    // Nothing is trusted behind the user's back.
    expect(knownHosts.check(info.host, info.port, 'ssh-ed25519', fingerprint).status).toBe('unknown');
  });

  it('logs in and runs commands once the key is trusted', async () => {
    const unknown = await sshError(openSsh(target, knownHosts));
    knownHosts.trust(info.host, info.port, unknown.hostKey!.keyType, unknown.hostKey!.fingerprint);
    const session = await openSsh(target, knownHosts);
    try {
      expect(session.hostKey).toMatchObject({ fingerprint, status: 'trusted' });
      expect(await session.exec('echo hi')).toEqual({ code: 0, stdout: 'hi\n', stderr: '' });
      expect(await session.exec('echo 错误 >&2; exit 3')).toEqual({ code: 3, stdout: '', stderr: '错误\n' });
      expect((await session.exec('whoami')).stdout.trim()).toBe(info.user);
      const slow = await sshError(session.exec('sleep 5', { timeoutMs: 300 }));
      expect(slow.code).toBe('ssh.timeout');
      // The session outlives a command that timed out.
      expect((await session.exec('echo still')).stdout).toBe('still\n');
    } finally {
      session.close();
    }
  });

  it('probes the Flink version on the edge node', async () => {
    trustStackKey();
    const { home, calls } = fakeFlinkHome('flink 1.20 (it\'s "quoted")');
    const probe = await probeEdgeNode(target, home, knownHosts);
    expect(probe).toMatchObject({ ok: true, flinkVersion: '1.20.3', hostKey: { fingerprint, status: 'trusted' } });
    expect(probe.error).toBeUndefined();
    expect(probe.millis).toBeGreaterThan(0);
    expect(readFileSync(calls, 'utf8')).toBe('--version\n');
  });

  it('reports ssh.no-flink when there is no Flink at flinkHome, with SSH itself fine', async () => {
    trustStackKey();
    const missing = join(work, 'no-flink-here');
    const probe = await probeEdgeNode(target, missing, knownHosts);
    expect(probe.ok).toBe(false);
    expect(probe.hostKey?.status).toBe('trusted');
    expect(probe.flinkVersion).toBeUndefined();
    expect(probe.error).toMatchObject({ code: 'ssh.no-flink', params: { cluster: 'yarn-dev', flinkHome: missing, code: 127 } });
    expect(String(probe.error?.params.output)).toMatch(/not found|No such file/);
  });

  it('refuses a changed host key and runs nothing', async () => {
    const trusted = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
    knownHosts.trust(info.host, info.port, 'ssh-ed25519', trusted);
    const error = await sshError(openSsh(target, knownHosts));
    expect(error.code).toBe('ssh.host-key-changed');
    expect(error.params).toMatchObject({ cluster: 'yarn-dev', host: info.host, port: info.port, fingerprint, trusted });
    expect(error.hostKey).toMatchObject({ status: 'changed', fingerprint, trustedFingerprint: trusted });

    const { home, calls } = fakeFlinkHome('flink-behind-changed-key');
    const probe = await probeEdgeNode(target, home, knownHosts);
    expect(probe).toMatchObject({ ok: false, error: { code: 'ssh.host-key-changed' }, hostKey: { status: 'changed' } });
    expect(existsSync(calls)).toBe(false);
    // Still the old key: a refused key is never stored.
    expect(knownHosts.check(info.host, info.port, 'ssh-ed25519', fingerprint).trustedFingerprint).toBe(trusted);
  });

  it('reports a wrong password as ssh.auth-failed without the password', async () => {
    trustStackKey();
    const password = 'Wr0ng-Passw0rd-7731';
    const error = await sshError(openSsh({ ...target, privateKey: undefined, password }, knownHosts));
    expect(error.code).toBe('ssh.auth-failed');
    expect(error.params).toEqual({ cluster: 'yarn-dev', host: info.host, port: info.port, user: info.user });
    expect(JSON.stringify({ message: error.message, data: error.toData() })).not.toContain(password);
  });

  it('reports a key the server does not accept as ssh.auth-failed', async () => {
    trustStackKey();
    const stranger = join(work, 'stranger');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const error = await sshError(openSsh({ ...target, privateKey: readFileSync(stranger, 'utf8') }, knownHosts));
    expect(error.code).toBe('ssh.auth-failed');
  });

  it('reports a closed port as ssh.unreachable', async () => {
    const port = await freePort();
    const error = await sshError(openSsh({ ...target, port }, knownHosts));
    expect(error.code).toBe('ssh.unreachable');
    expect(error.params).toEqual({ cluster: 'yarn-dev', host: info.host, port });
    expect(error.details.join()).toContain('ECONNREFUSED');
  });

  it('reports an unknown host name as ssh.unreachable', async () => {
    const error = await sshError(openSsh({ ...target, host: 'no-such-edge-node.invalid' }, knownHosts));
    expect(error.code).toBe('ssh.unreachable');
  });

  it('reports a server that never answers as ssh.timeout', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const error = await sshError(openSsh({ ...target, port }, knownHosts, { timeoutMs: 1_000 }));
      expect(error.code).toBe('ssh.timeout');
      expect(error.params).toMatchObject({ port, seconds: 1 });
    } finally {
      silent.close();
    }
  });

  it('reports a private key it cannot read as ssh.bad-key, without echoing it', async () => {
    trustStackKey();
    const garbage = '-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbCwganVzdCBnYXJiYWdlIGJ5dGVz\n-----END OPENSSH PRIVATE KEY-----\n';
    for (const privateKey of [garbage, 'hunter2-not-a-key', info.hostPublicKey]) {
      const error = await sshError(openSsh({ ...target, privateKey }, knownHosts));
      expect(error.code).toBe('ssh.bad-key');
      expect(error.params).toEqual({ cluster: 'yarn-dev', host: info.host, port: info.port, user: info.user });
      const shown = JSON.stringify({ message: error.message, data: error.toData() });
      expect(shown).not.toContain('bm90IGEga2V5');
      expect(shown).not.toContain('hunter2');
      expect(shown).not.toContain(info.hostPublicKey.split(/\s+/)[1]);
    }
  });
});
