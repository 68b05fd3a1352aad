import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';
import { sshClientInfo, type SshClientInfo } from '../../src/main/stack/ssh-server.js';

/** The stack's sshd (the YARN edge node stand-in), driven with the OpenSSH client. Needs `weir stack up`. */

const run = promisify(execFile);
const resources = fileURLToPath(new URL('../../resources', import.meta.url));

describe('local stack sshd', () => {
  let info: SshClientInfo;
  let work: string;
  let knownHosts: string;

  /** Options every client call shares: our key, our host key only, never a prompt. */
  const common = (identity: string, hosts: string) => [
    '-F', 'none',
    '-o', 'BatchMode=yes',
    '-o', 'StrictHostKeyChecking=yes',
    '-o', `UserKnownHostsFile=${hosts}`,
    '-o', 'IdentitiesOnly=yes',
    '-o', 'ConnectTimeout=5',
    '-i', identity,
  ];
  const ssh = (command: string, identity = info.privateKeyPath, hosts = knownHosts) =>
    run('ssh', [...common(identity, hosts), '-p', String(info.port), `${info.user}@${info.host}`, command], { timeout: 20_000 });
  const scp = (from: string, to: string) =>
    run('scp', [...common(info.privateKeyPath, knownHosts), '-P', String(info.port), from, to], { timeout: 20_000 });

  beforeAll(() => {
    info = sshClientInfo(stackPaths(resources), stackPorts());
    work = mkdtempSync(join(tmpdir(), 'weir-ssh-test-'));
    knownHosts = join(work, 'known_hosts');
    writeFileSync(knownHosts, `${info.knownHostsLine}\n`);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('logs in with the client key and runs a command as the stack user', async () => {
    const { stdout } = await ssh('echo "edge node $((6 * 7))"; whoami');
    expect(stdout.trim().split('\n')).toEqual(['edge node 42', info.user]);
  });

  it('reports a remote command failure through the exit code', async () => {
    await expect(ssh('exit 3')).rejects.toMatchObject({ code: 3 });
  });

  it('copies a file there and back with scp', async () => {
    const content = `-- 过车记录 job\nINSERT INTO sink SELECT * FROM capture_record;\n${'x'.repeat(100_000)}\n`;
    const local = join(work, 'job.sql');
    const remote = join(work, 'uploaded', 'job.sql');
    const back = join(work, 'downloaded.sql');
    writeFileSync(local, content);

    await ssh(`mkdir -p '${join(work, 'uploaded')}'`);
    await scp(local, `${info.user}@${info.host}:${remote}`);
    const { stdout } = await ssh(`wc -c < '${remote}'`);
    expect(Number(stdout.trim())).toBe(Buffer.byteLength(content));

    await scp(`${info.user}@${info.host}:${remote}`, back);
    expect(readFileSync(back, 'utf8')).toBe(content);
  });

  it('refuses a key that is not authorised', async () => {
    const stranger = join(work, 'stranger');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    await expect(ssh('true', stranger)).rejects.toMatchObject({ stderr: expect.stringContaining('Permission denied') });
  });

  it('is refused by a client that expects a different host key', async () => {
    const other = join(work, 'other_host');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const [type, key] = readFileSync(`${other}.pub`, 'utf8').trim().split(/\s+/);
    const wrongHosts = join(work, 'wrong_known_hosts');
    writeFileSync(wrongHosts, `[${info.host}]:${info.port} ${type} ${key}\n`);
    await expect(ssh('true', info.privateKeyPath, wrongHosts)).rejects.toMatchObject({
      stderr: expect.stringContaining('Host key verification failed'),
    });
  });
});
