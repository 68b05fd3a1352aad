/**
 * `npm run bench:soak`: mixed calls from 20 sockets against the real `weir serve` (dist/, run
 * `npm run build` first) for WEIR_SOAK_MINUTES (default 30), with the local stack when it is up
 * (WEIR_STACK_HOME; the bench never starts or stops it). Prints the server's memory at the start,
 * every few minutes and at the end, and every error; exits 1 on an error or a memory rise past
 * WEIR_SOAK_MAX_GROWTH_MB (default 64) from just after warm-up to the last tenth of the run.
 * WEIR_SOAK_SOCKETS, WEIR_SOAK_PAUSE_MS and WEIR_SOAK_ONLY (calls to keep) change the load. Issue 10's proof
 * that the host stays flat under long use.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const ROOT = join(import.meta.dirname, '..');
const MINUTES = Number(process.env.WEIR_SOAK_MINUTES ?? 30);
const SOCKETS = Number(process.env.WEIR_SOAK_SOCKETS ?? 20);
/** Pause between one socket's calls: 20 sockets at 100 ms is about 200 calls a second. */
const PAUSE_MS = Number(process.env.WEIR_SOAK_PAUSE_MS ?? 100);
const MAX_GROWTH_MB = Number(process.env.WEIR_SOAK_MAX_GROWTH_MB ?? 64);
const CALL_TIMEOUT_MS = 30_000;
/** WEIR_SOAK_ONLY=stack.status,files.list: only these calls, to find which one holds memory. */
const ONLY = (process.env.WEIR_SOAK_ONLY ?? '').split(',').filter(Boolean);
/** A roll in the mix below that picks each call. */
const ROLLS: Record<string, number> = {
  'files.list': 0.1, 'files.read': 0.3, 'files.save': 0.5, 'files.history': 0.6, 'jobs.list': 0.7,
  'stack.status': 0.75, 'clusters.list': 0.85, 'deployments.list': 0.88, 'settings.get': 0.92, 'app.info': 0.97,
};

interface Stats {
  calls: number;
  errors: Map<string, number>;
  slowest: number;
  /** Per method: calls and total ms, to see what is slow. */
  byMethod: Map<string, { n: number; ms: number; max: number }>;
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

interface Server {
  url: string;
  pid: number;
  /** Set when the server ended on its own (or was killed): the run stops and says so. */
  died: string | null;
  stop: () => Promise<void>;
}

async function startServer(home: string): Promise<Server> {
  const child = spawn(process.execPath, ['--expose-gc', join(ROOT, 'dist', 'main', 'cli.js'), 'serve', '--port', '0', '--json'], {
    env: { ...process.env, WEIR_HOME: home, WEIR_LOCAL_STACK: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`weir serve exited with ${code}`)));
  });
  let stopping = false;
  const server: Server = {
    url: (JSON.parse(line) as { url: string }).url,
    pid: child.pid!,
    died: null,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) server.died = `weir serve ended during the run (exit ${code}, signal ${signal}) at ${new Date().toISOString()}`;
      resolve();
    }),
  );
  return server;
}

/** One socket's life: a random mix of what the workbench does, until `end`. */
async function client(url: string, n: number, end: number, stats: Stats, server: Server): Promise<void> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/ws?token=${u.searchParams.get('token')}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const pending = new Map<number, (m: Record<string, unknown>) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as Record<string, unknown>;
    if (typeof m.id === 'number') pending.get(m.id)?.(m);
  });
  let closed = false;
  ws.on('close', () => (closed = true));
  let nextId = 1;
  const error = (what: string) => stats.errors.set(what, (stats.errors.get(what) ?? 0) + 1);
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const id = nextId++;
    const started = Date.now();
    const reply = await new Promise<Record<string, unknown> | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), CALL_TIMEOUT_MS);
      pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      ws.send(JSON.stringify({ id, method, input }));
    });
    pending.delete(id);
    stats.calls++;
    const ms = Date.now() - started;
    stats.slowest = Math.max(stats.slowest, ms);
    const m = stats.byMethod.get(method) ?? { n: 0, ms: 0, max: 0 };
    stats.byMethod.set(method, { n: m.n + 1, ms: m.ms + ms, max: Math.max(m.max, ms) });
    if (reply === null) return error(`${method}: no answer in ${CALL_TIMEOUT_MS / 1000} s`);
    if (reply.ok !== true) return error(`${method}: ${(reply.error as { code?: string }).code}`);
    return reply.output;
  };

  const workspaceId = ((await call('workspaces.list', {})) as { id: number }[])[0]!.id;
  const file = (await call('files.create', { workspaceId, name: `soak-${n}.sql`, content: 'SELECT 1;' })) as { id: number };
  let edits = 0;
  while (Date.now() < end && !closed && !server.died) {
    const roll = ONLY.length > 0 ? ROLLS[ONLY[Math.floor(Math.random() * ONLY.length)]!]! : Math.random();
    if (roll < 0.25) await call('files.list', { workspaceId });
    else if (roll < 0.4) await call('files.read', { id: file.id });
    else if (roll < 0.55) {
      // Autosaves of a growing script, now and then a manual save: versions accumulate as in real use.
      edits++;
      const content = `-- soak ${n}\n` + `INSERT INTO sink SELECT id, name FROM source WHERE id > ${edits};\n`.repeat(1 + (edits % 200));
      await call('files.save', { id: file.id, content, kind: edits % 20 === 0 ? 'manual' : 'auto' });
    } else if (roll < 0.62) await call('files.history', { id: file.id });
    else if (roll < 0.72) await call('jobs.list', {});
    else if (roll < 0.8) await call('stack.status', {});
    else if (roll < 0.86) await call('clusters.list', {});
    else if (roll < 0.9) await call('deployments.list', {});
    else if (roll < 0.95) await call('settings.get', {});
    else await call('app.info', {});
    await new Promise((r) => setTimeout(r, PAUSE_MS * (0.5 + Math.random())));
  }
  if (closed && Date.now() < end && !server.died) error('socket closed by the server');
  ws.close();
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'weir-soak-'));
  const server = await startServer(home);
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  const stats: Stats = { calls: 0, errors: new Map(), slowest: 0, byMethod: new Map() };
  const samples: { at: number; mb: number }[] = [];
  const sample = () => {
    try {
      if (!server.died) samples.push({ at: (Date.now() - started) / 60_000, mb: rssMb(server.pid) });
    } catch {
      /* the server is gone: its exit handler says so */
    }
  };
  sample();
  process.stdout.write(`host soak: ${SOCKETS} sockets for ${MINUTES} min against ${new URL(server.url).origin}; server rss at start ${samples[0]!.mb.toFixed(0)} MB\n`);
  const sampler = setInterval(sample, Math.min(60_000, Math.max(1000, (MINUTES * 60_000) / 60)));
  const reporter = setInterval(() => {
    const last = samples.at(-1)!;
    process.stdout.write(`  ${last.at.toFixed(1)} min: ${stats.calls} calls, rss ${last.mb.toFixed(0)} MB, errors ${[...stats.errors.values()].reduce((a, b) => a + b, 0)}\n`);
  }, Math.min(5 * 60_000, Math.max(10_000, (MINUTES * 60_000) / 6)));
  await Promise.all(Array.from({ length: SOCKETS }, (_, n) => client(server.url, n, end, stats, server)));
  clearInterval(sampler);
  clearInterval(reporter);
  sample();
  await server.stop();
  rmSync(home, { recursive: true, force: true });

  // Flat: the last tenth of the run sits no higher than the tenth right after warm-up (V8 and
  // SQLite caches fill in the first minutes; 83 -> 134 MB in 3 min, then flat, on a busy machine).
  const warmup = Math.min(5, MINUTES / 5);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const window = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.mb);
  const earlyWindow = window(warmup, warmup + MINUTES / 10);
  const lateWindow = window(MINUTES * 0.9, Infinity);
  const early = median(earlyWindow.length > 0 ? earlyWindow : [samples[0]!.mb]);
  const late = median(lateWindow.length > 0 ? lateWindow : [samples.at(-1)!.mb]);
  const peak = Math.max(...samples.map((s) => s.mb));
  const errors = [...stats.errors].map(([what, n]) => `${what} x${n}`);
  if (server.died) errors.unshift(server.died);
  process.stdout.write(
    `host soak: ${stats.calls} calls in ${MINUTES} min (${(stats.calls / (MINUTES * 60)).toFixed(0)}/s), slowest ${stats.slowest} ms; ` +
      `server rss start ${samples[0]!.mb.toFixed(0)} MB, after warm-up ${early.toFixed(0)} MB, end ${late.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; ` +
      `errors: ${errors.length === 0 ? 'none' : errors.join(', ')}\n`,
  );
  for (const [method, m] of [...stats.byMethod].sort()) {
    process.stdout.write(`  ${method.padEnd(18)} ${String(m.n).padStart(8)} calls, mean ${(m.ms / m.n).toFixed(1)} ms, max ${m.max} ms\n`);
  }
  if (errors.length > 0 || late - early > MAX_GROWTH_MB) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`host soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
