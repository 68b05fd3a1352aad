import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode as code } from '../../../test/unit/weir-error-of.js';
import { clusterInput } from '../../shared/contract/clusters-schema.js';
import { openCatalog } from '../catalog/catalog.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { SecretStore } from '../secrets/secret-store.js';
import { ClusterRegistry } from './cluster-registry.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
const TOKEN = 'Bearer tok-3c1f9a7e-卡口';
const PG = 'pg-pass-51d0e2';

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'weir-clusters-'));
  const catalog = openCatalog({ file: join(home, 'catalog.sqlite') });
  const secrets = new SecretStore(catalog, keyFileCipher(join(home, 'secret.key')), clock);
  return { home, catalog, registry: new ClusterRegistry(catalog, secrets, clock) };
}

const prod = (extra: Record<string, unknown> = {}) =>
  clusterInput.parse({
    name: 'prod',
    kind: 'standalone',
    restUrl: 'https://flink.prod.local:8081/',
    gatewayUrl: 'https://flink.prod.local:8083',
    authHeader: { name: 'Authorization', value: TOKEN },
    tls: { caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', skipVerify: false },
    variables: [
      { name: 'kafka', value: '10.1.0.5:9092' },
      { name: 'pg_password', value: PG, secret: true },
    ],
    ...extra,
  });

describe('cluster registry', () => {
  it('stores secrets encrypted and never shows them back', () => {
    const { home, catalog, registry } = setup();
    const view = registry.save(prod());
    expect(view.restUrl).toBe('https://flink.prod.local:8081');
    expect(view.authHeaderName).toBe('Authorization');
    expect(view.tls).toEqual({ hasCa: true, skipVerify: false });
    expect(view.variables).toEqual([
      { name: 'kafka', secret: false, value: '10.1.0.5:9092' },
      { name: 'pg_password', secret: true, value: null },
    ]);
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    catalog.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(join(home, 'catalog.sqlite'));
    for (const secret of [TOKEN, PG]) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);

    const access = registry.access(view.id);
    expect(access.rest?.authHeader).toEqual({ name: 'Authorization', value: TOKEN });
    expect(registry.variables(view.id).values.get('pg_password')).toBe(PG);
    expect([...registry.variables(view.id).secret]).toEqual(['pg_password']);
  });

  it('keeps stored secrets and the CA when an edit leaves them out, and clears what is removed', () => {
    const { registry } = setup();
    const { id } = registry.save(prod());
    registry.save(
      prod({
        authHeader: { name: 'Authorization' },
        tls: { skipVerify: false },
        variables: [{ name: 'pg_password', secret: true }, { name: 'topic', value: 'captures' }],
      }),
      id,
    );
    const access = registry.access(id);
    expect(access.rest?.authHeader?.value).toBe(TOKEN);
    expect(access.rest?.tls?.caPem).toContain('BEGIN CERTIFICATE');
    expect(Object.fromEntries(registry.variables(id).values)).toEqual({ pg_password: PG, topic: 'captures' });

    registry.save(prod({ authHeader: undefined, tls: { caPem: '', skipVerify: true }, variables: [] }), id);
    const cleared = registry.access(id);
    expect(cleared.rest?.authHeader).toBeUndefined();
    expect(cleared.rest?.tls).toEqual({ skipVerify: true });
    expect(registry.variables(id).values.size).toBe(0);
  });

  it('refuses a second cluster of the same name, a secret never given, and a variable defined twice', () => {
    const { registry } = setup();
    registry.save(prod());
    expect(code(() => registry.save(prod({ name: 'PROD' })))).toBe('clusters.name-taken');
    expect(code(() => registry.save(prod({ name: 'b', authHeader: { name: 'X-Token' } })))).toBe('clusters.secret-missing');
    expect(code(() => registry.save(prod({ name: 'c', variables: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] })))).toBe(
      'clusters.variable-twice',
    );
    expect(code(() => registry.byName('nope'))).toBe('clusters.not-found');
  });

  it('registers a YARN cluster with its edge node and removes it with its secrets', () => {
    const { catalog, registry } = setup();
    const yarn = registry.save(
      clusterInput.parse({
        name: 'yarn-prod',
        kind: 'yarn',
        rmUrl: 'http://rm.local:8088',
        ssh: { host: 'edge.local', user: 'flink', auth: 'key', secret: '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n', flinkHome: '/opt/flink' },
      }),
    );
    expect(yarn.yarn).toEqual({ rmUrl: 'http://rm.local:8088', host: 'edge.local', port: 22, user: 'flink', auth: 'key', flinkHome: '/opt/flink' });
    expect(registry.access(yarn.id).ssh?.privateKey).toContain('OPENSSH');
    expect(registry.access(yarn.id).rest).toBeNull();
    const before = (catalog.db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n;
    registry.remove(yarn.id);
    expect((catalog.db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n).toBe(before - 1);
  });
});

describe('the last connection test', () => {
  it('is kept, so a cluster saved while its test fails stays marked failing until a test passes', () => {
    const { registry } = setup();
    const saved = registry.save(prod());
    expect(saved.lastTest).toBeNull();
    registry.recordTest(saved.id, false, { code: 'cluster.unreachable', params: { cluster: 'prod' } });
    expect(registry.get(saved.id).lastTest).toEqual({ ok: false, at: clock().toISOString(), error: { code: 'cluster.unreachable', params: { cluster: 'prod' } } });
    expect(registry.list()[0]!.lastTest?.ok).toBe(false);
    registry.recordTest(saved.id, true);
    expect(registry.get(saved.id).lastTest).toEqual({ ok: true, at: clock().toISOString() });
    // Changed settings: the old verdict says nothing about the new ones.
    registry.save(prod({ restUrl: 'https://flink2.prod.local:8081' }), saved.id);
    expect(registry.get(saved.id).lastTest).toBeNull();
  });
});
