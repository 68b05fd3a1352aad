import type { HostKey } from '../../../shared/contract/clusters-schema.js';
import { WeirError, type WeirErrorData } from '../../../shared/errors/weir-error.js';
import type { KnownHosts } from './known-hosts.js';
import { openSsh, SshError, type SshSession, type SshTarget } from './ssh-session.js';

/**
 * The `ssh` part of a YARN cluster's "test connection". Same shape as the contract's
 * `clusterTestSchema.ssh`: `hostKey` is there whenever the server's key was seen (also when
 * it was refused, so the UI can offer to trust it); `error` says what failed.
 */
export interface EdgeNodeProbe {
  readonly ok: boolean;
  readonly millis: number;
  readonly hostKey?: HostKey;
  readonly flinkVersion?: string;
  readonly error?: WeirErrorData;
}

/** `flink --version` starts a JVM; a loaded edge node can take a while. */
const VERSION_TIMEOUT_MS = 30_000;

/** Logs in and runs `<flinkHome>/bin/flink --version`. Never throws for a failure it can name. */
export async function probeEdgeNode(
  target: SshTarget,
  flinkHome: string,
  knownHosts: KnownHosts,
  options: { timeoutMs?: number } = {},
): Promise<EdgeNodeProbe> {
  const started = performance.now();
  const millis = () => Math.round(performance.now() - started);
  let session: SshSession;
  try {
    session = await openSsh(target, knownHosts, options);
  } catch (error) {
    if (!(error instanceof WeirError)) throw error;
    const hostKey = error instanceof SshError ? error.hostKey : undefined;
    return { ok: false, millis: millis(), ...(hostKey ? { hostKey } : {}), error: error.toData() };
  }
  const hostKey = session.hostKey;
  try {
    const result = await session.exec(flinkVersionCommand(flinkHome), { timeoutMs: VERSION_TIMEOUT_MS });
    const flinkVersion = /Version:\s*([0-9][^\s,]*)/.exec(result.stdout)?.[1];
    if (result.code === 0 && flinkVersion) return { ok: true, millis: millis(), hostKey, flinkVersion };
    // SSH works; what is missing is Flink at that path (or something that is not Flink's CLI).
    const output = firstLine(result.stderr) || firstLine(result.stdout);
    const error = new WeirError('ssh.no-flink', { cluster: target.cluster, host: target.host, flinkHome, code: result.code, output });
    return { ok: false, millis: millis(), hostKey, error: error.toData() };
  } catch (error) {
    if (!(error instanceof WeirError)) throw error;
    return { ok: false, millis: millis(), hostKey, error: error.toData() };
  } finally {
    session.close();
  }
}

/** `~/…` stays relative to the remote user's home; everything else is one single-quoted word. */
export function flinkVersionCommand(flinkHome: string): string {
  const home = flinkHome.trim().replace(/\/+$/, '');
  const path = home === '~' || home.startsWith('~/') ? `"$HOME"${shQuote(`${home.slice(1)}/bin/flink`)}` : shQuote(`${home}/bin/flink`);
  return `${path} --version`;
}

/** POSIX sh single quoting: nothing inside is expanded; a quote is closed, escaped, reopened. */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, 500);
}
