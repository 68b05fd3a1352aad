import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import type { PreviewEvent } from '../../src/shared/contract/jobs-schema.js';
import { WeirError } from '../../src/shared/errors/weir-error.js';
import { FLINK, GATEWAY, ports, weirServices } from './weir-services.js';

/** Previews through the real SQL Gateway: rows streamed as events, changelog kinds kept, bounded, cancelable. */
describe('preview through the SQL Gateway', () => {
  let services: Services;
  let clusterId: number;
  const events = new Map<string, PreviewEvent[]>();

  beforeAll(() => {
    ({ services } = weirServices());
    clusterId = services.clusters.save({ name: 'Local', kind: 'standalone', restUrl: FLINK, gatewayUrl: GATEWAY, variables: [] }).id;
    services.events.subscribe((name, payload) => {
      if (name !== 'preview.rows') return;
      const e = payload as PreviewEvent;
      events.set(e.previewId, [...(events.get(e.previewId) ?? []), e]);
    });
  });

  afterAll(() => services.close());

  async function finished(previewId: string, timeoutMs = 120_000): Promise<PreviewEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!(events.get(previewId) ?? []).some((e) => e.done)) {
      if (Date.now() > deadline) throw new Error(`preview ${previewId} did not finish`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return events.get(previewId)!;
  }

  it('streams a PostgreSQL table read after its CREATE TABLE, with column names and types', async () => {
    const { previewId } = await services.preview.start(
      clusterId,
      `CREATE TEMPORARY TABLE district (district_code STRING, district_name STRING, city_name STRING) WITH (
  'connector' = 'jdbc', 'url' = 'jdbc:postgresql://127.0.0.1:${ports.postgres}/city', 'table-name' = 'district',
  'username' = 'weir', 'password' = 'weir');
SELECT district_code, district_name FROM district WHERE city_name = '北京市';`,
      1000,
    );
    const got = await finished(previewId);
    expect(got.find((e) => e.error)?.error ?? null).toBeNull();
    expect(got.find((e) => e.columns)?.columns).toEqual([
      { name: 'district_code', type: 'VARCHAR' },
      { name: 'district_name', type: 'VARCHAR' },
    ]);
    const rows = got.flatMap((e) => e.rows);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.kind === '+I')).toBe(true);
    expect(rows.map((r) => r.fields[0]).sort()[0]).toBe('110101');
  });

  it('shows retractions of an updating query and stops an endless stream at maxRows', async () => {
    const { previewId } = await services.preview.start(
      clusterId,
      `CREATE TEMPORARY TABLE ticks (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', 'fields.k.min' = '1', 'fields.k.max' = '3');
SELECT k, COUNT(*) AS n FROM ticks GROUP BY k;`,
      60,
    );
    const got = await finished(previewId);
    const rows = got.flatMap((e) => e.rows);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['+I', '-U', '+U']));
    expect(got.at(-1)?.error).toBeNull();
  });

  it('cancels a running preview; its job is named by its file and listed as a preview', async () => {
    const file = `slow-${Date.now().toString(36)}.sql`;
    const { previewId } = await services.preview.start(
      clusterId,
      `CREATE TEMPORARY TABLE slow (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1');
SELECT k FROM slow;`,
      1000,
      file,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const snapshot = await services.monitor.refresh(clusterId);
    const job = snapshot.clusters[0]!.jobs.find((j) => j.name === `weir-preview: ${file}`);
    expect(job).toMatchObject({ preview: true, applicationId: null, deploymentId: null });
    expect(await services.preview.cancel(previewId)).toEqual({ canceled: true });
    const got = await finished(previewId, 30_000);
    expect(got.at(-1)).toMatchObject({ done: true, error: null });
  });

  it('refuses what would write, and what is not a query', async () => {
    const code = async (sql: string) => {
      try {
        await services.preview.start(clusterId, sql, 10);
      } catch (e) {
        return (e as WeirError).code;
      }
      return 'no error';
    };
    expect(await code('INSERT INTO t SELECT 1;')).toBe('preview.not-a-query');
    expect(await code("CREATE TABLE t (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO t SELECT 1;\nSELECT 1;")).toBe('preview.writes');
  });
});
