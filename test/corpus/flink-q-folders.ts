import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findJava, findMaven } from '../../src/main/stack/jvm-tools.js';

/**
 * Flink 1.20's own SQL test scripts (.q files), which the parser, formatter, analyzer and
 * differential tests read. A clone of Weir alone must be able to run them, so they come from
 * published artifacts where there is one:
 * - the SQL Gateway's scripts from `org.apache.flink:flink-sql-gateway:1.20.3:tests` on Maven
 *   Central (its `sql/*.q`), pinned by sha256 and cached under node_modules/.cache;
 * - the SQL client's scripts have no published artifact: they are read from `../shared/flink-1.20`
 *   where it sits beside the checkout (as in CI), and otherwise named as missing, so that the
 *   tests that need them say so by name instead of passing silently.
 */
export type QFolderName = 'sql-client-q' | 'sql-gateway-q';

export interface QFolder {
  readonly name: QFolderName;
  readonly path: string;
  /** Where its files came from, for messages. */
  readonly source: string;
}

export interface QFolders {
  readonly present: readonly QFolder[];
  readonly missing: readonly { readonly name: QFolderName; readonly why: string }[];
}

const ROOT = join(import.meta.dirname, '..', '..');
export const GATEWAY_TESTS_JAR = {
  coordinates: 'org.apache.flink:flink-sql-gateway:1.20.3:jar:tests',
  file: 'flink-sql-gateway-1.20.3-tests.jar',
  sha256: '1d8b2acce88b60b0508241f727a894a6529c80fea57ab3217afb3448d17f9706',
} as const;
const CACHE = join(ROOT, 'node_modules', '.cache', 'weir-corpus');

let cached: QFolders | undefined;

/** Flink's reference files beside the checkout (CI puts shared/ there); WEIR_FLINK_REFERENCE moves it. */
export function flinkReference(): string {
  return process.env.WEIR_FLINK_REFERENCE ?? join(ROOT, '..', 'shared', 'flink-1.20');
}

export function flinkQFolders(): QFolders {
  if (cached) return cached;
  const present: QFolder[] = [];
  const missing: { name: QFolderName; why: string }[] = [];
  present.push({ name: 'sql-gateway-q', path: gatewayScripts(), source: GATEWAY_TESTS_JAR.coordinates });
  const client = join(flinkReference(), 'sql-client-q');
  if (existsSync(client)) present.push({ name: 'sql-client-q', path: client, source: client });
  else {
    missing.push({
      name: 'sql-client-q',
      why: `Flink's SQL client .q scripts are not published on Maven Central; put shared/flink-1.20 beside the checkout (${client}) to run them`,
    });
  }
  cached = { present, missing };
  return cached;
}

/** True when both folders are at hand (the full corpus, as in CI). */
export function hasClientQ(): boolean {
  return flinkQFolders().present.some((f) => f.name === 'sql-client-q');
}

/** The .q files of the present folders as `<folder>/<file>` with their text, sorted. */
export function flinkQFiles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const folder of [...flinkQFolders().present].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const file of readdirSync(folder.path).filter((f) => f.endsWith('.q')).sort()) {
      out.push({ name: `${folder.name}/${file}`, text: readFileSync(join(folder.path, file), 'utf8') });
    }
  }
  return out;
}

/** `<cache>/.../sql`: the gateway's .q files, fetched once by Maven and checked against the pinned digest. */
function gatewayScripts(): string {
  const home = join(CACHE, GATEWAY_TESTS_JAR.file.replace(/\.jar$/, ''));
  const scripts = join(home, 'sql');
  const marker = join(home, '.weir-verified');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === GATEWAY_TESTS_JAR.sha256) return scripts;
  const download = join(CACHE, 'download');
  rmSync(download, { recursive: true, force: true });
  mkdirSync(download, { recursive: true });
  try {
    execFileSync(findMaven(), ['-B', '-q', 'dependency:copy', `-Dartifact=${GATEWAY_TESTS_JAR.coordinates}`, `-DoutputDirectory=${download}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
  } catch (error) {
    const output = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`could not fetch ${GATEWAY_TESTS_JAR.coordinates} from Maven Central (the SQL Gateway's .q scripts): ${output || (error as Error).message}`);
  }
  const jar = join(download, GATEWAY_TESTS_JAR.file);
  const digest = createHash('sha256').update(readFileSync(jar)).digest('hex');
  if (digest !== GATEWAY_TESTS_JAR.sha256) {
    throw new Error(`${GATEWAY_TESTS_JAR.coordinates} has sha256 ${digest}, not the pinned ${GATEWAY_TESTS_JAR.sha256}: refusing to use it`);
  }
  // Unpacked with the JDK's own `jar` tool (a JDK is needed for Maven anyway).
  const unpack = `${home}.tmp`;
  rmSync(unpack, { recursive: true, force: true });
  mkdirSync(unpack, { recursive: true });
  execFileSync(join(dirname(findJava()), process.platform === 'win32' ? 'jar.exe' : 'jar'), ['xf', jar, 'sql/'], { cwd: unpack, stdio: 'ignore' });
  if (!existsSync(join(unpack, 'sql')) || readdirSync(join(unpack, 'sql')).filter((f) => f.endsWith('.q')).length === 0) {
    throw new Error(`${GATEWAY_TESTS_JAR.file} holds no sql/*.q`);
  }
  writeFileSync(join(unpack, '.weir-verified'), `${GATEWAY_TESTS_JAR.sha256}\n`);
  rmSync(home, { recursive: true, force: true });
  renameSync(unpack, home);
  rmSync(download, { recursive: true, force: true });
  return scripts;
}
