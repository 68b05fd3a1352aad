import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { daemonPid, startDaemon, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * OpenSSH server on loopback: the stand-in for a YARN cluster's edge node that SSH deploys
 * log in to. Its own host key, one client key pair, and key-only login for the OS user
 * running the stack; nothing from /etc/ssh is used. Tests and the app get the connection
 * details from `sshClientInfo`.
 */

const run = promisify(execFile);
const NAME = 'sshd';

/** Everything a client needs to log in to the stack's sshd and trust its host key. */
export interface SshClientInfo {
  readonly host: string;
  readonly port: number;
  /** The OS user running the stack: the only account the server lets in. */
  readonly user: string;
  /** ed25519 private key, OpenSSH format, mode 0600, no passphrase. */
  readonly privateKeyPath: string;
  /** The server's host public key, `ssh-ed25519 AAAA… comment`. */
  readonly hostPublicKey: string;
  /** A known_hosts line for `[127.0.0.1]:port`, for StrictHostKeyChecking=yes. */
  readonly knownHostsLine: string;
}

function sshDir(paths: StackPaths): string {
  return join(paths.data, 'ssh');
}

export function sshClientInfo(paths: StackPaths, ports: StackPorts): SshClientInfo {
  const dir = sshDir(paths);
  const hostPublicKey = readFileSync(join(dir, 'ssh_host_ed25519_key.pub'), 'utf8').trim();
  const [type, key] = hostPublicKey.split(/\s+/);
  return {
    host: '127.0.0.1',
    port: ports.ssh,
    user: userInfo().username,
    privateKeyPath: join(dir, 'id_ed25519'),
    hostPublicKey,
    knownHostsLine: `[127.0.0.1]:${ports.ssh} ${type} ${key}`,
  };
}

export function createSshServerPart(paths: StackPaths, ports: StackPorts): StackPart {
  const dir = sshDir(paths);
  const port = ports.ssh;
  const asRoot = process.getuid?.() === 0;
  const configFile = join(dir, 'sshd_config');
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  const clientKey = join(dir, 'id_ed25519');
  const authorizedKeys = join(dir, 'authorized_keys');
  const knownHosts = join(dir, 'known_hosts');
  const user = userInfo().username;

  const keygen = async (file: string, comment: string): Promise<void> => {
    if (existsSync(file) && existsSync(`${file}.pub`)) return;
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { timeout: 30_000 });
  };

  /** Reads the identification line: cheap, and proves it is an SSH server on the port. */
  const banner = (): Promise<string | undefined> =>
    new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      let data = '';
      const done = (value: string | undefined) => {
        socket.destroy();
        resolve(value);
      };
      socket.setTimeout(2_000, () => done(undefined));
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString('latin1');
        const line = data.split('\r\n')[0];
        if (data.includes('\n')) done(line?.startsWith('SSH-') ? line.trim() : undefined);
      });
      socket.once('error', () => done(undefined));
    });

  /** A real login with the client key, so a refused account shows up at start, not in a test. */
  const login = async (): Promise<void> => {
    await run(
      'ssh',
      [
        '-F', 'none',
        '-o', 'BatchMode=yes',
        '-o', 'StrictHostKeyChecking=yes',
        '-o', `UserKnownHostsFile=${knownHosts}`,
        '-o', 'ConnectTimeout=5',
        '-i', clientKey,
        '-p', String(port),
        `${user}@127.0.0.1`,
        'true',
      ],
      { timeout: 15_000 },
    ).catch((error: { stderr?: string; message: string }) => {
      throw new Error(
        `sshd is up but key login as ${user} failed: ${error.stderr?.trim() || error.message}` +
          ' (with UsePAM no, sshd refuses accounts whose password field starts with "!"; unlock with `usermod -p "*" <user>`)',
      );
    });
  };

  return {
    name: NAME,
    port,

    async prepare() {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      mkdirSync(paths.run, { recursive: true });
      await keygen(hostKey, 'weir-stack-host');
      await keygen(clientKey, 'weir-stack-client');
      chmodSync(clientKey, 0o600);
      chmodSync(hostKey, 0o600);
      writeFileSync(authorizedKeys, readFileSync(`${clientKey}.pub`, 'utf8'));
      const hostPub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
      writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostPub[0]} ${hostPub[1]}\n`);
      const q = (value: string) => `"${value}"`;
      writeFileSync(
        configFile,
        [
          '# Written by Weir (src/main/stack/ssh-server.ts) on every `stack up`; edits are overwritten.',
          `Port ${port}`,
          'ListenAddress 127.0.0.1',
          `HostKey ${q(hostKey)}`,
          `PidFile ${q(join(paths.run, 'sshd-server.pid'))}`,
          `AuthorizedKeysFile ${q(authorizedKeys)}`,
          `AllowUsers ${user}`,
          'AuthenticationMethods publickey',
          'PubkeyAuthentication yes',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          // PAM would pull in the system's login stack (loginuid, motd), which fails in containers.
          'UsePAM no',
          // The stack's files live under the user's data dir (often /tmp), not ~/.ssh.
          'StrictModes no',
          // CI runs as root; key-only login for root is what a locked-down edge node allows too.
          'PermitRootLogin prohibit-password',
          // scp in OpenSSH 9 speaks SFTP; the built-in server needs no package path.
          'Subsystem sftp internal-sftp',
          'AllowTcpForwarding yes',
          'X11Forwarding no',
          'PrintMotd no',
          'ClientAliveInterval 30',
          'LogLevel INFO',
          '',
        ].join('\n'),
      );
      // Privilege separation needs this empty root-owned dir when sshd runs as root.
      if (asRoot) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    },

    async start() {
      // sshd re-executes itself per connection, so it must be started by absolute path.
      const sshd = existsSync('/usr/sbin/sshd') ? '/usr/sbin/sshd' : '/usr/bin/sshd';
      startDaemon(paths, { name: NAME, command: sshd, args: ['-D', '-e', '-f', configFile] });
      try {
        await waitHealthy(paths, NAME, async () => (await banner()) !== undefined, 30_000);
        await login();
      } catch (error) {
        // The banner alone would make the next `up` think a server that refuses logins is fine.
        await stopDaemon(paths, NAME);
        throw error;
      }
    },

    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, NAME);
      const line = await banner();
      if (line !== undefined) return { name: NAME, port, running: true, healthy: true, pid, detail: `${line}, user ${user}` };
      const running = pid !== undefined || (await tcpOpen(port));
      return { name: NAME, port, running, healthy: false, pid, detail: running ? 'no SSH banner on the port' : 'not running' };
    },

    async stop() {
      await stopDaemon(paths, NAME);
    },
  };
}
