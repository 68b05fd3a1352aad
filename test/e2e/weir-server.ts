import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Runs the built CLI's `weir serve` as a user would, on a free loopback port. */
export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'main', 'cli.js');

export interface WeirServer {
  readonly url: string;
  readonly origin: string;
  readonly home: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
  /** SIGKILL: the process gets no chance to flush anything. */
  crash(): Promise<void>;
}

export function newHome(): string {
  return mkdtempSync(join(tmpdir(), 'weir-e2e-home-'));
}

export async function startWeir(home: string = newHome(), env: NodeJS.ProcessEnv = {}): Promise<WeirServer> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json'], {
    // The local stack is the integration tests' business; the workbench tests don't wait for JVMs.
    env: { ...process.env, WEIR_LOCAL_STACK: 'off', ...env, WEIR_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`weir serve exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`weir serve printed nothing in 15 s: ${stderr}`)), 15_000);
  });
  const { url } = JSON.parse(line) as { url: string };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    origin: new URL(url).origin,
    home,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
