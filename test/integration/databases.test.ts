import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stackPorts } from '../../src/main/stack/stack-config.js';

/**
 * The stack's PostgreSQL, MariaDB and ClickHouse: seeded demo data and the server settings
 * Flink CDC depends on. Needs `weir stack up` (the integration global setup runs it).
 */

const run = promisify(execFile);
const ports = stackPorts();

/** Row counts the seeds generate (resources/stack/seed/*.sql); both databases hold the same data. */
const SEEDED_ROWS: Record<string, number> = {
  district: 16,
  camera: 160,
  vehicle: 2000,
  capture_record: 5000,
  sensor: 40,
  sensor_reading: 3000,
};

async function pg(sql: string, user = 'weir', password = 'weir'): Promise<string> {
  const { stdout } = await run(
    'psql',
    ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(ports.postgres), '-U', user, '-d', 'city', '-c', sql],
    { timeout: 15_000, env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '5' } },
  );
  return stdout.trim();
}

async function maria(sql: string, password = 'weir'): Promise<string> {
  const { stdout } = await run(
    'mariadb',
    ['--no-defaults', '--protocol=tcp', '-h', '127.0.0.1', '-P', String(ports.mariadb), '-u', 'weir', '--batch', '--skip-column-names', '-D', 'city', '-e', sql],
    { timeout: 15_000, env: { ...process.env, MYSQL_PWD: password } },
  );
  return stdout.trim();
}

async function clickhouse(sql: string, password = 'weir'): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${ports.clickhouseHttp}/`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`weir:${password}`).toString('base64')}` },
    body: sql,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: (await response.text()).trim() };
}

const countsSql = (tables: string[]) => tables.map((t) => `SELECT '${t}', COUNT(*) FROM ${t}`).join(' UNION ALL ');

function parseCounts(out: string): Record<string, number> {
  return Object.fromEntries(
    out.split('\n').map((line) => {
      const [table, count] = line.split(/[|\t]/);
      return [table, Number(count)];
    }),
  );
}

describe('local stack PostgreSQL', () => {
  it('holds the seeded city tables and an empty CDC sink', async () => {
    const counts = parseCounts(await pg(countsSql([...Object.keys(SEEDED_ROWS), 'vehicle_sync'])));
    expect(counts).toEqual({ ...SEEDED_ROWS, vehicle_sync: 0 });
  });

  it('is set up for logical replication (postgres-cdc)', async () => {
    expect(await pg('SHOW wal_level')).toBe('logical');
    expect(Number(await pg('SHOW max_replication_slots'))).toBeGreaterThanOrEqual(4);
    expect(await pg("SELECT rolreplication FROM pg_roles WHERE rolname = 'weir'")).toBe('t');
  });

  it('keeps Chinese table and column comments', async () => {
    expect(await pg("SELECT obj_description('capture_record'::regclass, 'pg_class')")).toBe('过车记录');
    expect(await pg("SELECT col_description('vehicle'::regclass, 2)")).toBe('号牌号码');
  });

  it('has generated plates and captures that join', async () => {
    expect(await pg('SELECT plate_no, plate_color FROM vehicle WHERE vehicle_id IN (7, 8) ORDER BY vehicle_id')).toBe(
      '浙AD00007|绿\n川AA0008|蓝',
    );
    expect(Number(await pg('SELECT COUNT(*) FROM capture_record r JOIN vehicle v USING (plate_no)'))).toBe(5000);
  });

  it('refuses a wrong password', async () => {
    await expect(pg('SELECT 1', 'weir', 'wrong')).rejects.toMatchObject({
      stderr: expect.stringContaining('password authentication failed'),
    });
  });
});

describe('local stack MariaDB', () => {
  it('holds the same seeded city tables', async () => {
    expect(parseCounts(await maria(countsSql(Object.keys(SEEDED_ROWS))))).toEqual(SEEDED_ROWS);
  });

  it('writes a full row-based binlog (mysql-cdc)', async () => {
    const [logBin, format, image, serverId] = (await maria('SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id')).split('\t');
    expect({ logBin, format, image }).toEqual({ logBin: '1', format: 'ROW', image: 'FULL' });
    expect(Number(serverId)).toBeGreaterThan(0);
    expect(await maria('SHOW MASTER STATUS')).toMatch(/^binlog\.\d+\t\d+/);
  });

  it('grants weir what the CDC connector needs', async () => {
    const grants = await maria('SHOW GRANTS');
    for (const privilege of ['SELECT', 'RELOAD', 'SHOW DATABASES', 'REPLICATION SLAVE']) expect(grants).toContain(privilege);
    // MariaDB 10.5+ shows REPLICATION CLIENT under its new name.
    expect(grants).toMatch(/REPLICATION CLIENT|BINLOG MONITOR/);
  });

  it('stores Chinese text as utf8mb4', async () => {
    expect(await maria("SELECT plate_no FROM vehicle WHERE vehicle_id = 7")).toBe('浙AD00007');
    expect(await maria("SELECT table_comment FROM information_schema.tables WHERE table_schema = 'city' AND table_name = 'capture_record'")).toBe('过车记录');
  });

  it('refuses a wrong password', async () => {
    await expect(maria('SELECT 1', 'wrong')).rejects.toMatchObject({ stderr: expect.stringContaining('Access denied') });
  });
});

describe('local stack ClickHouse', () => {
  it('answers /ping and a query', async () => {
    const ping = await fetch(`http://127.0.0.1:${ports.clickhouseHttp}/ping`);
    expect((await ping.text()).trim()).toBe('Ok.');
    expect(await clickhouse('SELECT count() FROM numbers(1000)')).toEqual({ status: 200, text: '1000' });
  });

  it('has the sink tables in database city', async () => {
    const { text } = await clickhouse("SELECT name FROM system.tables WHERE database = 'city' ORDER BY name");
    expect(text.split('\n')).toEqual(expect.arrayContaining(['capture_record', 'capture_record_agg']));
  });

  it('round-trips rows through a MergeTree table', async () => {
    const table = `city.weir_test_${Date.now()}`;
    try {
      expect((await clickhouse(`CREATE TABLE ${table} (plate String, speed Float32) ENGINE = MergeTree() ORDER BY plate`)).status).toBe(200);
      expect((await clickhouse(`INSERT INTO ${table} VALUES ('京A12345', 61.5), ('粤B7C890', 88)`)).status).toBe(200);
      expect(await clickhouse(`SELECT plate, speed FROM ${table} ORDER BY plate`)).toEqual({
        status: 200,
        text: '京A12345\t61.5\n粤B7C890\t88',
      });
    } finally {
      await clickhouse(`DROP TABLE IF EXISTS ${table}`);
    }
  });

  it('refuses a wrong password', async () => {
    const { status, text } = await clickhouse('SELECT 1', 'wrong');
    expect(status).not.toBe(200);
    expect(text).toContain('Wrong password');
  });
});
