import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Blob } from 'node:buffer';
import { FormData, fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { stackPorts } from '../../src/main/stack/stack-config.js';
import { GatewaySession } from './gateway-session.js';

/**
 * The SQL runner jar deployed the way Weir deploys a script to a session cluster: upload it,
 * run it with the script as an argument, wait for the job. The script reads the seeded
 * PostgreSQL table `district` over JDBC and writes it to a fresh Kafka topic as JSON; a second,
 * bounded job through the SQL Gateway reads the topic back.
 */
describe('Flink SQL runner on the local session cluster', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const ports = stackPorts();
  const flink = `http://127.0.0.1:${ports.flinkRest}`;
  const kafka = `127.0.0.1:${ports.kafka}`;

  async function json<T>(res: Awaited<ReturnType<typeof fetch>>, what: string): Promise<T> {
    const text = await res.text();
    if (!res.ok) throw new Error(`${what} -> ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  async function waitForJob(jobId: string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await json<{ state: string }>(await fetch(`${flink}/jobs/${jobId}`), `GET /jobs/${jobId}`);
      if (job.state === 'FINISHED') return job.state;
      if (['FAILED', 'CANCELED'].includes(job.state) || Date.now() > deadline) {
        const exceptions = await (await fetch(`${flink}/jobs/${jobId}/exceptions`)).text();
        throw new Error(`job ${jobId} is ${job.state}: ${exceptions.slice(0, 4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('runs a PostgreSQL → Kafka script as one job and the topic holds every row', async () => {
    // The jar `npm run build` made (npm test builds first).
    const jar = join(root, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar');

    // POST /jars/upload: multipart with exactly one .jar file part.
    const form = new FormData();
    form.append('jarfile', new Blob([readFileSync(jar)], { type: 'application/java-archive' }), 'flink-sql-runner.jar');
    const upload = await json<{ filename: string; status: string }>(
      await fetch(`${flink}/jars/upload`, { method: 'POST', body: form }),
      'POST /jars/upload',
    );
    expect(upload.status).toBe('success');
    const jarId = basename(upload.filename);

    const topic = `weir-it-district-${Date.now()}`;
    const script = `
-- PostgreSQL (seeded demo database) → Kafka, one job.
SET 'pipeline.name' = 'weir-it-pg-to-kafka';
CREATE TEMPORARY TABLE district_pg (
  district_code STRING,
  district_name STRING,
  city_name     STRING,
  center_lng    DECIMAL(9, 6)
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://127.0.0.1:${ports.postgres}/city',
  'table-name' = 'district',
  'username' = 'weir',
  'password' = 'weir'
);
CREATE TEMPORARY TABLE district_topic (
  district_code STRING,
  district_name STRING,
  city_name     STRING,
  center_lng    DECIMAL(9, 6)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic}',
  'properties.bootstrap.servers' = '${kafka}',
  'format' = 'json'
);
INSERT INTO district_topic SELECT district_code, district_name, city_name, center_lng FROM district_pg;
`;
    try {
      const run = await json<{ jobid: string }>(
        await fetch(`${flink}/jars/${jarId}/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ programArgsList: ['--script', Buffer.from(script, 'utf8').toString('base64')] }),
        }),
        `POST /jars/${jarId}/run`,
      );
      expect(run.jobid).toMatch(/^[0-9a-f]{32}$/);
      expect(await waitForJob(run.jobid, 180_000)).toBe('FINISHED');
      const job = await json<{ name: string }>(await fetch(`${flink}/jobs/${run.jobid}`), 'GET job');
      expect(job.name).toBe('weir-it-pg-to-kafka');
    } finally {
      await fetch(`${flink}/jars/${jarId}`, { method: 'DELETE' });
    }

    // Read the topic back with a bounded Kafka source through the SQL Gateway.
    const session = await GatewaySession.open(`http://127.0.0.1:${ports.sqlGateway}`);
    try {
      await session.query(`
CREATE TEMPORARY TABLE district_back (
  district_code STRING,
  district_name STRING,
  city_name     STRING,
  center_lng    DECIMAL(9, 6)
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic}',
  'properties.bootstrap.servers' = '${kafka}',
  'properties.group.id' = 'weir-it',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'json'
)`);
      const back = await session.query('SELECT district_code, district_name, city_name FROM district_back', 180_000);
      const rows = back.rows.map((r) => r.map(String)).sort((a, b) => a[0]!.localeCompare(b[0]!));
      expect(rows).toHaveLength(16);
      expect(rows[0]).toEqual(['110101', '东城区', '北京市']);
      expect(rows.map((r) => r[0])).toContain('510107');
    } finally {
      await session.close();
    }
  });
});
