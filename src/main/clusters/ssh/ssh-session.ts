import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';
import type { HostKey } from '../../../shared/contract/clusters-schema.js';
import { WeirError, type ErrorParams } from '../../../shared/errors/weir-error.js';
import type { KnownHosts } from './known-hosts.js';

/** ssh2 is CommonJS; its named exports are not visible to Node's ESM loader. */
const { Client, utils } = ssh2;

/** An edge node to log in to. `password` and `privateKey` are secrets: never logged, never in errors. */
export interface SshTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password?: string | undefined;
  /** OpenSSH or PEM private key text, without passphrase. */
  readonly privateKey?: string | undefined;
  /** Cluster name, shown in every error. */
  readonly cluster: string;
}

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SshSession {
  readonly hostKey: HostKey;
  exec(command: string, options?: { timeoutMs?: number }): Promise<ExecResult>;
  close(): void;
}

/**
 * Every error of this module. `hostKey` is set once the server's key was seen (always for
 * `ssh.host-key-unknown` and `ssh.host-key-changed`), so the UI can show the fingerprint and offer
 * to trust it; the same values are also in `params`, which survive the trip through the contract.
 */
export class SshError extends WeirError {
  constructor(
    code: string,
    params: ErrorParams,
    readonly hostKey?: HostKey,
    options: { cause?: unknown; details?: readonly string[] } = {},
  ) {
    super(code, params, options);
    this.name = 'SshError';
  }
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_EXEC_TIMEOUT_MS = 60_000;
/** Per stream; a runaway command must not fill the main process's memory. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** OpenSSH's `SHA256:…` fingerprint of a raw public key blob (as `ssh-keygen -l` prints it). */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type is the blob's first SSH string (uint32 length, then the name). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  return length > 0 && length <= 64 && blob.length >= 4 + length ? blob.toString('latin1', 4, 4 + length) : 'unknown';
}

/**
 * Logs in to an edge node, checking its host key against `knownHosts` before any credential
 * is sent: an unknown or changed key ends the connection during key exchange.
 */
export async function openSsh(target: SshTarget, knownHosts: KnownHosts, options: { timeoutMs?: number } = {}): Promise<SshSession> {
  const where = { cluster: target.cluster, host: target.host, port: target.port };
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  checkPrivateKey(target, where);

  return await new Promise<SshSession>((resolve, reject) => {
    const client = new Client();
    let hostKey: HostKey | undefined;
    let refused: SshError | undefined;
    let settled = false;
    const fail = (error: SshError) => {
      if (settled) return;
      settled = true;
      client.end();
      reject(error);
    };

    client.on('ready', () => {
      if (settled || !hostKey) return void client.end();
      settled = true;
      resolve(session(client, target, hostKey));
    });
    client.on('error', (cause: Error & { level?: string }) => fail(refused ?? connectError(cause, where, target.user, timeoutMs, hostKey)));
    // A server that hangs up without a word (e.g. MaxStartups) still must not leave us waiting.
    client.on('close', () => fail(refused ?? new SshError('ssh.unreachable', where, hostKey, { details: ['connection closed by the server'] })));

    try {
      client.connect({
        host: target.host,
        port: target.port,
        username: target.user,
        ...(target.privateKey ? { privateKey: target.privateKey } : {}),
        ...(target.password !== undefined ? { password: target.password } : {}),
        readyTimeout: timeoutMs,
        keepaliveInterval: 15_000,
        hostVerifier: (blob: Buffer): boolean => {
          const keyType = keyTypeOf(blob);
          hostKey = knownHosts.check(target.host, target.port, keyType, fingerprintOf(blob));
          if (hostKey.status === 'unknown') {
            refused = new SshError('ssh.host-key-unknown', { ...where, fingerprint: hostKey.fingerprint, keyType }, hostKey);
          } else if (hostKey.status === 'changed') {
            refused = new SshError(
              'ssh.host-key-changed',
              { ...where, fingerprint: hostKey.fingerprint, trusted: hostKey.trustedFingerprint ?? '', keyType },
              hostKey,
            );
          }
          return hostKey.status === 'trusted';
        },
      });
    } catch (cause) {
      // ssh2 throws here only for a key it cannot use (e.g. an unsupported type checkPrivateKey let by).
      fail(new SshError('ssh.bad-key', { ...where, user: target.user }, undefined, { details: [safeReason(cause, target)] }));
    }
  });
}

/** Parsed up front so a bad key gets its own error and ssh2's message never meets the key text. */
function checkPrivateKey(target: SshTarget, where: ErrorParams): void {
  if (!target.privateKey) return;
  const parsed = utils.parseKey(target.privateKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  const problem =
    parsed instanceof Error ? parsed : !key || key.getPrivatePEM() === null ? new Error('not a private key (a public key?)') : undefined;
  if (problem) throw new SshError('ssh.bad-key', { ...where, user: target.user }, undefined, { details: [safeReason(problem, target)] });
}

/** ssh2's message for the log-free details line, dropped if it could contain a secret. */
function safeReason(cause: unknown, target: SshTarget): string {
  const message = String((cause as Error)?.message ?? cause).slice(0, 200);
  const secrets = [target.password, target.privateKey].filter((s): s is string => !!s);
  const leaks = secrets.some((s) => message.includes(s) || s.includes(message)) || /[A-Za-z0-9+/]{40,}/.test(message);
  return leaks ? 'unreadable private key' : message;
}

function connectError(cause: Error & { level?: string; code?: string }, where: ErrorParams, login: string, timeoutMs: number, hostKey: HostKey | undefined): SshError {
  const detail = [cause.code, cause.message].filter(Boolean).join(': ');
  switch (cause.level) {
    case 'client-authentication':
      // ssh2's text names only the methods tried, never the password or key.
      return new SshError('ssh.auth-failed', { ...where, user: login }, hostKey, { cause, details: [detail] });
    case 'client-timeout':
      return new SshError('ssh.timeout', { ...where, seconds: seconds(timeoutMs) }, hostKey, { cause });
    case 'client-socket':
    case 'client-dns':
      if (cause.code === 'ETIMEDOUT') return new SshError('ssh.timeout', { ...where, seconds: seconds(timeoutMs) }, hostKey, { cause });
      return new SshError('ssh.unreachable', where, hostKey, { cause, details: [detail] });
    default:
      // 'handshake' / 'protocol': no common algorithm, a non-SSH service on the port, …
      return new SshError('ssh.handshake-failed', where, hostKey, { cause, details: [detail] });
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function session(client: InstanceType<typeof Client>, target: SshTarget, hostKey: HostKey): SshSession {
  const where = { cluster: target.cluster, host: target.host, port: target.port };
  let closed = false;
  client.on('close', () => (closed = true));

  const exec = (command: string, options: { timeoutMs?: number } = {}): Promise<ExecResult> =>
    new Promise<ExecResult>((resolve, reject) => {
      if (closed) return reject(new SshError('ssh.exec-failed', where, hostKey, { details: ['the session is closed'] }));
      const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
      client.exec(command, (err, stream) => {
        if (err) return reject(new SshError('ssh.exec-failed', where, hostKey, { cause: err, details: [err.message] }));
        const out = new Output();
        const errOut = new Output();
        const timer = setTimeout(() => {
          // Without a pty, closing the channel leaves the command running. Best effort: some sshd
          // setups refuse 'signal' (the test stack's does), and then it runs to its end.
          stream.signal('KILL');
          stream.close();
          reject(new SshError('ssh.timeout', { ...where, seconds: seconds(timeoutMs) }, hostKey));
        }, timeoutMs);
        stream.on('data', (chunk: Buffer) => out.add(chunk));
        stream.stderr.on('data', (chunk: Buffer) => errOut.add(chunk));
        stream.on('close', (code: number | null | undefined, signal: string | undefined) => {
          clearTimeout(timer);
          // No exit status and no signal: the connection went away under the command.
          if (code == null && !signal) {
            return reject(new SshError('ssh.exec-failed', where, hostKey, { details: ['connection lost while the command ran'] }));
          }
          // Like a shell: 128 + n is "killed by a signal"; the exact number is not needed.
          resolve({ code: code ?? 128, stdout: out.text(), stderr: errOut.text() });
        });
      });
    });

  return {
    hostKey,
    exec,
    close: () => {
      closed = true;
      client.end();
    },
  };
}

class Output {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  add(chunk: Buffer): void {
    if (this.bytes >= MAX_OUTPUT_BYTES) return;
    const part = chunk.subarray(0, MAX_OUTPUT_BYTES - this.bytes);
    this.chunks.push(part);
    this.bytes += part.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
