import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FlinkRestClient } from '../clusters/flink/flink-rest-client.js';
import type { Submission } from './submission.js';
import { submitOnce } from './submit-once.js';

/**
 * The runner path: Weir's Flink SQL runner jar is uploaded once per cluster (remembered by its
 * sha256, re-uploaded when the cluster lost it, e.g. after a restart), then run with the script.
 */
export async function ensureRunnerJar(
  client: FlinkRestClient,
  catalog: Catalog,
  clock: Clock,
  clusterId: number,
  jarPath: string,
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(jarPath);
  } catch (cause) {
    throw new WeirError('deploy.no-runner-jar', { path: jarPath }, { cause });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = catalog.db.prepare('SELECT jar_id FROM cluster_jars WHERE cluster_id = ? AND sha256 = ?').get(clusterId, sha256) as
    | { jar_id: string }
    | undefined;
  if (known) {
    const listed = await client.jars();
    if ((listed.files ?? []).some((f) => f.id === known.jar_id)) return known.jar_id;
  }
  const jarId = await client.uploadJar(bytes, 'weir-flink-sql-runner.jar');
  catalog.write((db) =>
    db
      .prepare('INSERT OR REPLACE INTO cluster_jars (cluster_id, sha256, jar_id, uploaded_at) VALUES (?, ?, ?, ?)')
      .run(clusterId, sha256, jarId, clock().toISOString()),
  );
  return jarId;
}

export async function submitWithRunner(client: FlinkRestClient, jarId: string, s: Submission): Promise<void> {
  const script = Buffer.from(s.sql, 'utf8').toString('base64');
  await submitOnce(client, s.jobId, async () => {
    await client.runJar(jarId, {
      programArgsList: ['--script', script, '--name', s.jobName],
      jobId: s.jobId,
      ...(s.parallelism ? { parallelism: s.parallelism } : {}),
      ...(s.savepointPath ? { savepointPath: s.savepointPath, allowNonRestoredState: s.allowNonRestoredState } : {}),
      flinkConfiguration: s.flinkConfig,
    });
  });
}
