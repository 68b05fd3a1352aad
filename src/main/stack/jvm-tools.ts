import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, delimiter, join, relative } from 'node:path';
import { ToolError } from './tool-error.js';

/**
 * Java and Maven helpers shared by the JVM parts of the stack (Flink, Kafka, the SQL runner):
 * find the tools, run them with their output kept for the error, and assemble Maven outputs
 * into the cache once per input hash.
 */

const MARKER = '.weir-assembled';

/** `java` from JAVA_HOME when set (what Flink's own scripts prefer), else from PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  if (env.JAVA_HOME) {
    const candidate = join(env.JAVA_HOME, 'bin', exe);
    if (existsSync(candidate)) return candidate;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, exe))) return join(dir, exe);
  }
  throw new Error('java was not found: install a JDK 11 or 17 and set JAVA_HOME, or put java on PATH');
}

/** `mvn` from WEIR_MAVEN, MAVEN_HOME, or PATH. */
export function findMaven(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEIR_MAVEN) return env.WEIR_MAVEN;
  const exe = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  if (env.MAVEN_HOME && existsSync(join(env.MAVEN_HOME, 'bin', exe))) return join(env.MAVEN_HOME, 'bin', exe);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, exe))) return join(dir, exe);
  }
  throw new Error('mvn was not found: install Apache Maven 3.8+ (it assembles the local stack from Maven Central)');
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion; a non-zero exit rejects with a ToolError (its output, the command kept for the log). */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 20 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
        // .cmd files (mvn.cmd) only run through a shell on Windows.
        shell: process.platform === 'win32' && command.endsWith('.cmd'),
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error) {
          const tool = basename(command).replace(/\.(exe|cmd)$/, '');
          const why = error.killed ? 'timed out' : `exited with ${error.code ?? error.signal ?? '?'}`;
          // stderr last: it holds the tool's reason, which lastErrorLines looks for at the end.
          const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-200).join('\n');
          reject(new ToolError(`${tool} ${why}`, output, `${command} ${args.join(' ')}`));
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

/** Runs Maven in batch mode on one pom. */
export function runMaven(pom: string, args: readonly string[], cwd?: string): Promise<CommandResult> {
  return runCommand(findMaven(), ['-B', '-q', '-Dstyle.color=never', '-f', pom, ...args], { cwd });
}

/** sha256 over files (paths relative to `root`, so moving the tree keeps the hash). */
export function hashFiles(root: string, files: readonly string[], salt = ''): string {
  const hash = createHash('sha256').update(salt);
  for (const file of [...files].sort()) {
    hash.update(relative(root, file).replaceAll('\\', '/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Every file under `dir`, recursively, skipping build output folders. */
export function listFiles(dir: string, skip: readonly string[] = ['target']): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, skip));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export function isAssembled(dir: string, hash: string): boolean {
  const marker = join(dir, MARKER);
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash;
}

/**
 * Builds `dir` once per input hash: `build` fills a fresh sibling temp folder, which then
 * replaces `dir` by rename, so an interrupted build never leaves a half lib that looks done.
 * Returns false when the cached copy was already current.
 */
export async function assembleOnce(dir: string, hash: string, build: (tmpDir: string) => Promise<void>): Promise<boolean> {
  if (isAssembled(dir, hash)) return false;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await build(tmp);
    writeFileSync(join(tmp, MARKER), `${hash}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return true;
}

/**
 * Copies a pom into `workDir` and runs `dependency:copy-dependencies` there into `libDir`
 * (the resources folder may be read-only once installed, and Maven may write `target/`).
 */
export async function copyDependencies(pom: string, workDir: string, libDir: string): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const localPom = join(workDir, 'pom.xml');
  copyFileSync(pom, localPom);
  await runMaven(localPom, ['dependency:copy-dependencies', `-Dweir.lib.dir=${libDir}`], workDir);
  rmSync(join(workDir, 'target'), { recursive: true, force: true });
  const jars = existsSync(libDir) ? readdirSync(libDir).filter((f) => f.endsWith('.jar')) : [];
  if (jars.length === 0) throw new Error(`mvn copied no jars from ${pom} into ${libDir}`);
}

/** The jars of a lib folder in a stable order, joined as a JVM classpath. */
export function jarClasspath(...libDirs: string[]): string {
  const jars: string[] = [];
  for (const lib of libDirs) {
    for (const name of readdirSync(lib).sort()) {
      if (name.endsWith('.jar') && statSync(join(lib, name)).isFile()) jars.push(join(lib, name));
    }
  }
  return jars.join(delimiter);
}

/** GET a URL on loopback and parse JSON; undefined on any failure (for health probes). */
export async function getJson(url: string, timeoutMs = 2000): Promise<unknown> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}
