import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { stackPorts } from '../../src/main/stack/stack-config.js';
import { GatewaySession } from './gateway-session.js';

/**
 * Flink CDC on the real stack: a mysql-cdc → jdbc job (submitted through the SQL Gateway)
 * copies MariaDB `city.vehicle` into a PostgreSQL table of its own (made like `vehicle_sync` and
 * dropped afterwards, so the seeded sink stays empty); a row inserted and then updated in
 * MariaDB shows up, updated, in PostgreSQL within seconds.
 */
const run = promisify(execFile);
const ports = stackPorts();
const flink = `http://127.0.0.1:${ports.flinkRest}`;
const gateway = `http://127.0.0.1:${ports.sqlGateway}`;
const VEHICLE_ID = 900_000 + (Date.now() % 90_000);
const PLATE = `京Q${String(VEHICLE_ID).slice(-5)}`;
const SINK = `vehicle_sync_it_${VEHICLE_ID}`;

async function maria(sql: string): Promise<string> {
  const { stdout } = await run(
    'mariadb',
    ['--no-defaults', '--protocol=tcp', '-h', '127.0.0.1', '-P', String(ports.mariadb), '-u', 'weir', '--batch', '--skip-column-names', '-D', 'city', '-e', sql],
    { timeout: 15_000, env: { ...process.env, MYSQL_PWD: 'weir' } },
  );
  return stdout.trim();
}

async function pg(sql: string): Promise<string> {
  const { stdout } = await run('psql', ['-X', '-At', '-h', '127.0.0.1', '-p', String(ports.postgres), '-U', 'weir', '-d', 'city', '-c', sql], {
    timeout: 15_000,
    env: { ...process.env, PGPASSWORD: 'weir' },
  });
  return stdout.trim();
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<{ value: T; millis: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, millis: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not seen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const CDC_SCRIPT = [
  `CREATE TEMPORARY TABLE vehicle_src (
    vehicle_id BIGINT, plate_no STRING, plate_color STRING, vehicle_type STRING, brand STRING,
    body_color STRING, owner_district STRING, registered_at TIMESTAMP(3), updated_at TIMESTAMP(3),
    PRIMARY KEY (vehicle_id) NOT ENFORCED
  ) WITH (
    'connector' = 'mysql-cdc', 'hostname' = '127.0.0.1', 'port' = '${ports.mariadb}',
    'username' = 'weir', 'password' = 'weir', 'database-name' = 'city', 'table-name' = 'vehicle',
    'server-time-zone' = 'Asia/Shanghai', 'server-id' = '5400-5404', 'scan.startup.mode' = 'initial'
  )`,
  `CREATE TEMPORARY TABLE vehicle_sink (
    vehicle_id BIGINT, plate_no STRING, plate_color STRING, vehicle_type STRING, brand STRING,
    body_color STRING, owner_district STRING, registered_at TIMESTAMP(3), updated_at TIMESTAMP(3),
    PRIMARY KEY (vehicle_id) NOT ENFORCED
  ) WITH (
    'connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:${ports.postgres}/city',
    'table-name' = '${SINK}', 'username' = 'weir', 'password' = 'weir',
    'sink.buffer-flush.interval' = '200ms', 'sink.buffer-flush.max-rows' = '100'
  )`,
];

let jobId: string | undefined;
let session: GatewaySession | undefined;

afterAll(async () => {
  if (jobId) await fetch(`${flink}/jobs/${jobId}?mode=cancel`, { method: 'PATCH' }).catch(() => undefined);
  await session?.close().catch(() => undefined);
  await maria(`DELETE FROM vehicle WHERE vehicle_id = ${VEHICLE_ID}`).catch(() => undefined);
  await pg(`DROP TABLE IF EXISTS ${SINK}`).catch(() => undefined);
});

describe('Flink CDC: MariaDB → PostgreSQL', () => {
  it('carries an insert and then an update within seconds', async () => {
    await pg(`CREATE TABLE ${SINK} (LIKE vehicle_sync INCLUDING ALL)`);
    session = await GatewaySession.open(gateway, { 'execution.checkpointing.interval': '2s' });
    for (const ddl of CDC_SCRIPT) await session.query(ddl);
    const insert = await session.query('INSERT INTO vehicle_sink SELECT * FROM vehicle_src');
    jobId = insert.jobId ?? String(insert.rows[0]?.[0]);
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    await until(
      'job RUNNING',
      async () => {
        const job = (await (await fetch(`${flink}/jobs/${jobId}`)).json()) as { state: string };
        if (['FAILED', 'CANCELED', 'FINISHED'].includes(job.state)) throw new Error(`CDC job is ${job.state}`);
        return job.state === 'RUNNING' ? true : undefined;
      },
      60_000,
    );

    await maria(
      `INSERT INTO vehicle (vehicle_id, plate_no, plate_color, vehicle_type, brand, body_color, owner_district, registered_at)
       VALUES (${VEHICLE_ID}, '${PLATE}', '蓝', '小型轿车', '红旗', '黑', '110105', '2024-05-01 09:30:00')`,
    );
    const inserted = await until(
      'inserted row in PostgreSQL',
      async () => (await pg(`SELECT body_color FROM ${SINK} WHERE vehicle_id = ${VEHICLE_ID}`)) || undefined,
      90_000, // includes the initial snapshot of the seeded table
    );
    expect(inserted.value).toBe('黑');

    await maria(`UPDATE vehicle SET body_color = '白', plate_color = '绿' WHERE vehicle_id = ${VEHICLE_ID}`);
    const updated = await until(
      'updated row in PostgreSQL',
      async () => {
        const row = await pg(`SELECT body_color || '/' || plate_color FROM ${SINK} WHERE vehicle_id = ${VEHICLE_ID}`);
        return row === '白/绿' ? row : undefined;
      },
      30_000,
    );
    process.stdout.write(`[cdc] update reached PostgreSQL in ${updated.millis} ms\n`);
    expect(updated.millis).toBeLessThan(15_000);
  });
});
