import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from 'undici';
import { createServices, type Services } from '../../src/main/app/services.js';
import { silentLogger } from '../../src/main/app/logger.js';
import { keyFileCipher } from '../../src/main/secrets/key-file-cipher.js';
import { stackPorts } from '../../src/main/stack/stack-config.js';

/**
 * Weir's services in-process, against the real local stack, with a fresh home: the same
 * objects the hosts and the CLI use, so these tests drive deploy and operate end to end.
 */
export const ROOT = join(import.meta.dirname, '..', '..');
export const ports = stackPorts();
export const FLINK = `http://127.0.0.1:${ports.flinkRest}`;
export const GATEWAY = `http://127.0.0.1:${ports.sqlGateway}`;

export function weirServices(options: { jobTickMs?: number } = {}): { services: Services; home: string } {
  const home = mkdtempSync(join(tmpdir(), 'weir-it-home-'));
  const services = createServices({
    home,
    host: 'browser',
    cipher: keyFileCipher(join(home, 'secret.key')),
    resourcesDir: join(ROOT, 'resources'),
    runnerJar: join(ROOT, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'),
    log: silentLogger,
    env: { ...process.env, WEIR_LOCAL_STACK: 'off' },
    ...options,
  });
  return { services, home };
}

/**
 * PostgreSQL → Kafka that keeps RUNNING: an unbounded datagen stream looks districts up in the
 * seeded PostgreSQL `city` database (JDBC lookup join) and writes JSON to a Kafka topic.
 * `${pg_password}` and `${kafka}` come from the cluster's variables.
 */
export function pgToKafkaScript(topic: string, rowsPerSecond = 5): string {
  return `-- PostgreSQL district names joined onto a live stream, to Kafka
CREATE TEMPORARY TABLE ticks (
  id   BIGINT,
  code AS '1101' || LPAD(CAST(id AS STRING), 2, '0'),
  proc AS PROCTIME()
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '${rowsPerSecond}',
  'fields.id.kind' = 'random',
  'fields.id.min' = '1',
  'fields.id.max' = '8'
);
CREATE TEMPORARY TABLE district (
  district_code STRING,
  district_name STRING,
  PRIMARY KEY (district_code) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://127.0.0.1:${ports.postgres}/city',
  'table-name' = 'district',
  'username' = 'weir',
  'password' = '\${pg_password}'
);
CREATE TEMPORARY TABLE district_ticks (
  id            BIGINT,
  district_code STRING,
  district_name STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic}',
  'properties.bootstrap.servers' = '\${kafka}',
  'format' = 'json'
);
INSERT INTO district_ticks
SELECT t.id, t.code, d.district_name
FROM ticks AS t
LEFT JOIN district FOR SYSTEM_TIME AS OF t.proc AS d ON d.district_code = t.code;
`;
}

export const LOCAL_VARIABLES = [
  { name: 'kafka', value: `127.0.0.1:${ports.kafka}`, secret: false },
  { name: 'pg_password', value: 'weir', secret: true },
];

/** Waits until the monitor reports the job in `state` with all its tasks running (for RUNNING). */
export async function awaitJobState(services: Services, clusterId: number, jobId: string, states: string[], timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = await services.monitor.refresh(clusterId);
    const job = snapshot.clusters.find((c) => c.clusterId === clusterId)?.jobs.find((j) => j.jobId === jobId);
    if (job && states.includes(job.state) && (job.state !== 'RUNNING' || job.tasksRunning === job.tasksTotal)) return job.state;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is ${job?.state ?? 'missing'}, not ${states.join('/')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Jobs on the real cluster with this name, any state: proves there is no duplicate. */
export async function jobsNamed(name: string): Promise<{ jid: string; state: string }[]> {
  const reply = (await (await fetch(`${FLINK}/jobs/overview`)).json()) as { jobs: { jid: string; name: string; state: string }[] };
  return reply.jobs.filter((j) => j.name === name).map((j) => ({ jid: j.jid, state: j.state }));
}

export async function cancelJobsNamed(prefix: string): Promise<void> {
  const reply = (await (await fetch(`${FLINK}/jobs/overview`)).json()) as { jobs: { jid: string; name: string; state: string }[] };
  for (const j of reply.jobs) {
    if (j.name.startsWith(prefix) && !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state)) {
      await fetch(`${FLINK}/jobs/${j.jid}?mode=cancel`, { method: 'PATCH' });
    }
  }
}
