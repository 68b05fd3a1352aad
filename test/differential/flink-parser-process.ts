import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { findJava, findMaven, hashFiles, listFiles, runMaven } from '../../src/main/stack/jvm-tools.js';

/**
 * Flink's own SQL parser as a child process (test/differential/flink-parser, one JVM for the
 * whole run). Built with Maven on first use and again whenever its pom or sources change.
 */

export interface FlinkVerdict {
  id: string;
  accepted: boolean;
  /** first line of Flink's parse error when rejected */
  error?: string;
}

export const TOOL_DIR = join(import.meta.dirname, 'flink-parser');
const MAIN_CLASS = 'dev.weir.differential.FlinkParserTool';
const HASH_FILE = join(TOOL_DIR, 'target', '.weir-build-hash');
const RECIPE = 'flink-parser-tool/1';

/** Builds the tool when target/ is missing or older than its sources; returns the JVM classpath and whether it built. */
export async function ensureFlinkParserBuilt(): Promise<{ classpath: string; built: boolean; millis: number }> {
  const started = Date.now();
  const hash = hashFiles(TOOL_DIR, listFiles(TOOL_DIR, ['target']), RECIPE);
  const jar = join(TOOL_DIR, 'target', 'flink-parser-tool.jar');
  const cpFile = join(TOOL_DIR, 'target', 'classpath.txt');
  let built = false;
  const current = existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === hash;
  if (!current || !existsSync(jar) || !existsSync(cpFile)) {
    try {
      findMaven();
      findJava();
    } catch (err) {
      throw new Error(`the differential test runs Flink's own parser, which needs a JDK 17 and Maven: ${(err as Error).message}`);
    }
    await runMaven(join(TOOL_DIR, 'pom.xml'), ['package'], TOOL_DIR);
    if (!existsSync(jar) || !existsSync(cpFile)) throw new Error(`mvn package in ${TOOL_DIR} produced no target/flink-parser-tool.jar or classpath.txt`);
    writeFileSync(HASH_FILE, `${hash}\n`);
    built = true;
  }
  const classpath = [jar, ...readFileSync(cpFile, 'utf8').trim().split(delimiter).filter((p) => p !== '')].join(delimiter);
  return { classpath, built, millis: Date.now() - started };
}

export class FlinkParserProcess {
  private readonly pending = new Map<string, (v: FlinkVerdict) => void>();
  /** rejecters of the batches in flight, called when the JVM dies */
  private readonly failers = new Set<(err: Error) => void>();
  private stderr = '';
  private exited: Error | undefined;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // keep the tail only: it is for the error message
      this.stderr = (this.stderr + chunk).slice(-8000);
    });
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    child.on('exit', (code, signal) => {
      this.exited = new Error(`Flink parser process exited (code ${code}, signal ${signal}):\n${this.stderr.trim()}`);
      this.pending.clear();
      for (const fail of this.failers) fail(this.exited);
    });
  }

  static async start(): Promise<FlinkParserProcess> {
    const { classpath } = await ensureFlinkParserBuilt();
    // C1 only and the serial GC: a short run of small parses, on two cores shared with the test
    const child = spawn(findJava(), ['-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', classpath, MAIN_CLASS], {
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    return new FlinkParserProcess(child);
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let v: FlinkVerdict;
    try {
      v = JSON.parse(line) as FlinkVerdict;
    } catch {
      this.stderr += `\nunreadable answer: ${line.slice(0, 200)}`;
      return;
    }
    const resolve = this.pending.get(v.id);
    if (resolve === undefined) return;
    this.pending.delete(v.id);
    resolve(v);
  }

  /** Judges statements (ids must be unique); rejects if the JVM dies or a batch exceeds the timeout. */
  async judge(items: readonly { id: string; sql: string }[], options: { batch?: number; timeoutMs?: number } = {}): Promise<Map<string, FlinkVerdict>> {
    const batch = options.batch ?? 500;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const out = new Map<string, FlinkVerdict>();
    for (let i = 0; i < items.length; i += batch) {
      const slice = items.slice(i, i + batch);
      const answers = await this.judgeBatch(slice, timeoutMs);
      for (const a of answers) out.set(a.id, a);
    }
    return out;
  }

  private judgeBatch(items: readonly { id: string; sql: string }[], timeoutMs: number): Promise<FlinkVerdict[]> {
    if (this.exited) return Promise.reject(this.exited);
    const waits = items.map(
      (it) =>
        new Promise<FlinkVerdict>((resolve) => {
          this.pending.set(it.id, resolve);
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    let fail: ((err: Error) => void) | undefined;
    const failure = new Promise<never>((_, reject) => {
      fail = reject;
      timer = setTimeout(() => reject(new Error(`Flink parser gave no answer within ${timeoutMs} ms:\n${this.stderr.trim()}`)), timeoutMs);
    });
    this.failers.add(fail!);
    const payload = items.map((it) => JSON.stringify({ id: it.id, sql: it.sql })).join('\n') + '\n';
    this.child.stdin.write(payload);
    return Promise.race([Promise.all(waits), failure]).finally(() => {
      clearTimeout(timer);
      this.failers.delete(fail!);
    });
  }

  /** Ends the JVM: closes its stdin, then kills it if it lingers. */
  async close(): Promise<void> {
    if (this.exited || this.child.exitCode !== null) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  }
}
