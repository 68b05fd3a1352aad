import { describe, expect, it } from 'vitest';
import { fetch } from 'undici';
import { stackPorts } from '../../src/main/stack/stack-config.js';
import { GatewaySession } from './gateway-session.js';

/** The local stack's SQL Gateway runs a bounded query on the session cluster and returns its rows. */
describe('Flink SQL Gateway (local stack)', () => {
  const baseUrl = `http://127.0.0.1:${stackPorts().sqlGateway}`;

  it('serves REST API v3 and reports Flink 1.20', async () => {
    const versions = (await (await fetch(`${baseUrl}/api_versions`)).json()) as { versions: string[] };
    expect(versions.versions).toContain('V3');
    const info = (await (await fetch(`${baseUrl}/v3/info`)).json()) as { version: string };
    expect(info.version).toMatch(/^1\.20\./);
  });

  it('runs a bounded SELECT to EOS in a session', async () => {
    const session = await GatewaySession.open(baseUrl);
    try {
      const result = await session.query(`SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name)`);
      expect(result.columns).toEqual(['id', 'name']);
      expect([...result.rows].sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual([
        [1, 'a'],
        [2, 'b'],
      ]);
      expect(result.jobId).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await session.close();
    }
  });
});
