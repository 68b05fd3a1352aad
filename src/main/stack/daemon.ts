import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackPaths } from './stack-part.js';
import { ToolError } from './tool-error.js';

/** Daemon helpers shared by every stack part: spawn detached, pid files, log tails, waits. */

export interface DaemonSpec {
  /** Daemon name: names `<logs>/<name>.log` and `<run>/<name>.pid`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export function logFile(paths: StackPaths, name: string): string {
  return join(paths.logs, `${name}.log`);
}

function pidFile(paths: StackPaths, name: string): string {
  return join(paths.run, `${name}.pid`);
}

/** Starts a detached process whose stdout and stderr go to its log file; records its pid. */
export function startDaemon(paths: StackPaths, spec: DaemonSpec): number {
  mkdirSync(paths.logs, { recursive: true });
  mkdirSync(paths.run, { recursive: true });
  const fd = openSync(logFile(paths, spec.name), 'a');
  try {
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      // Windows: a detached child gets a console window of its own unless hidden.
      windowsHide: true,
    });
    if (child.pid === undefined) throw new Error(`could not start ${spec.name}: ${spec.command} did not spawn`);
    child.unref();
    writeFileSync(pidFile(paths, spec.name), String(child.pid));
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export function daemonPid(paths: StackPaths, name: string): number | undefined {
  const file = pidFile(paths, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited child that init has not reaped yet still answers signals: count it as gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust the signal
  }
}

/** Stops the daemon's whole process group (TERM, then KILL after the grace period). */
export async function stopDaemon(paths: StackPaths, name: string, graceMs = 15_000): Promise<void> {
  const pid = daemonPid(paths, name);
  if (pid !== undefined) {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
  }
  rmSync(pidFile(paths, name), { force: true });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export function logTail(paths: StackPaths, name: string, lines = 40): string {
  const file = logFile(paths, name);
  if (!existsSync(file)) return `(no log at ${file})`;
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function tcpOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls `check` until it returns true. On timeout, or when the daemon dies first, throws an
 * error carrying the daemon's log tail so `stack up` can say why a part did not start.
 */
export async function waitHealthy(
  paths: StackPaths,
  name: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const pidKnown = existsSync(pidFile(paths, name));
    if (pidKnown && daemonPid(paths, name) === undefined) {
      throw new ToolError(`${name} exited during start-up`, logTail(paths, name, 200));
    }
    if (Date.now() > deadline) {
      throw new ToolError(`${name} was not healthy after ${Math.round(timeoutMs / 1000)} s`, logTail(paths, name, 200));
    }
    await sleep(500);
  }
}
