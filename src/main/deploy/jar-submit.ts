import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FlinkRestClient } from '../clusters/flink/flink-rest-client.js';
import type { Submission } from './submission.js';
import { submitOnce } from './submit-once.js';

/** A jar read from disk with its digest: the digest says whether the cluster already has it. */
export interface LocalJar {
  readonly path: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

export function readJar(path: string, expectedSha256?: string): LocalJar {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new WeirError('deploy.cannot-read-jar', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
  }
  // A zip (jar) starts with PK\3\4; anything else would only fail later inside Flink.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new WeirError('deploy.not-a-jar', { path });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (expectedSha256 && sha256 !== expectedSha256) throw new WeirError('deploy.jar-changed', { path });
  return { path, bytes, sha256 };
}

/**
 * Uploads a jar once per cluster (remembered by its sha256) and re-uploads it when the cluster
 * lost it, e.g. after a JobManager restart.
 */
export async function ensureJar(client: FlinkRestClient, catalog: Catalog, clock: Clock, clusterId: number, jar: LocalJar): Promise<string> {
  const known = catalog.db.prepare('SELECT jar_id FROM cluster_jars WHERE cluster_id = ? AND sha256 = ?').get(clusterId, jar.sha256) as
    | { jar_id: string }
    | undefined;
  if (known) {
    const listed = await client.jars();
    if ((listed.files ?? []).some((f) => f.id === known.jar_id)) return known.jar_id;
  }
  const jarId = await client.uploadJar(jar.bytes, basename(jar.path).endsWith('.jar') ? basename(jar.path) : `${basename(jar.path)}.jar`);
  catalog.write((db) =>
    db
      .prepare('INSERT OR REPLACE INTO cluster_jars (cluster_id, sha256, jar_id, uploaded_at) VALUES (?, ?, ?, ?)')
      .run(clusterId, jar.sha256, jarId, clock().toISOString()),
  );
  return jarId;
}

/** Runs an uploaded jar under the job id Weir fixed; the program's arguments as given. */
export async function runJar(
  client: FlinkRestClient,
  jarId: string,
  s: Omit<Submission, 'sql'>,
  program: { entryClass?: string | undefined; args: readonly string[] },
): Promise<void> {
  await submitOnce(client, s.jobId, async () => {
    await client.runJar(jarId, {
      ...(program.entryClass ? { entryClass: program.entryClass } : {}),
      programArgsList: [...program.args],
      jobId: s.jobId,
      ...(s.parallelism ? { parallelism: s.parallelism } : {}),
      ...(s.savepointPath ? { savepointPath: s.savepointPath, allowNonRestoredState: s.allowNonRestoredState } : {}),
      flinkConfiguration: { ...s.flinkConfig, 'pipeline.name': s.jobName },
    });
  });
}

/** The runner path: Weir's Flink SQL runner jar with the script as its argument. */
export function runnerProgram(s: Submission): { args: string[] } {
  return { args: ['--script', Buffer.from(s.sql, 'utf8').toString('base64'), '--name', s.jobName] };
}
