import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterInput } from '../../shared/contract/clusters-schema.js';
import { openCatalog } from '../catalog/catalog.js';
import { ClusterRegistry } from '../clusters/cluster-registry.js';
import { keyFileCipher } from '../secrets/key-file-cipher.js';
import { SecretStore } from '../secrets/secret-store.js';
import { SettingsService } from '../settings/settings-service.js';
import { registerLocalCluster } from './local-cluster-registration.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
const LOCAL = { restUrl: 'http://127.0.0.1:8081', gatewayUrl: 'http://127.0.0.1:8083', flinkVersion: '1.20.3', taskManagers: 1, slotsTotal: 4, slotsAvailable: 4, jobsRunning: 0 };

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'weir-local-cluster-'));
  const catalog = openCatalog({ file: join(home, 'catalog.sqlite') });
  const registry = new ClusterRegistry(catalog, new SecretStore(catalog, keyFileCipher(join(home, 'secret.key')), clock), clock);
  return { registry, settings: new SettingsService(catalog, () => {}) };
}

describe('the local stack as the cluster "Local"', () => {
  it('is registered the first time it answers, once', () => {
    const { registry, settings } = setup();
    expect(registerLocalCluster(registry, settings, LOCAL)?.name).toBe('Local');
    expect(registerLocalCluster(registry, settings, LOCAL)).toBeNull();
    expect(registry.list().map((c) => [c.name, c.restUrl, c.gatewayUrl])).toEqual([['Local', LOCAL.restUrl, LOCAL.gatewayUrl]]);
  });

  it('stays removed once the user removed it, and can be edited like any cluster', () => {
    const { registry, settings } = setup();
    const local = registerLocalCluster(registry, settings, LOCAL)!;
    registry.save(clusterInput.parse({ kind: 'standalone', name: 'Laptop', restUrl: LOCAL.restUrl, variables: [] }), local.id);
    expect(registry.list().map((c) => c.name)).toEqual(['Laptop']);
    registry.remove(local.id);
    expect(registerLocalCluster(registry, settings, LOCAL)).toBeNull();
    expect(registry.list()).toEqual([]);
  });

  it('is not added beside a cluster the user already has for the same JobManager, nor over a name in use', () => {
    const mine = setup();
    mine.registry.save(clusterInput.parse({ kind: 'standalone', name: 'dev', restUrl: 'http://127.0.0.1:8081/', variables: [] }));
    expect(registerLocalCluster(mine.registry, mine.settings, LOCAL)).toBeNull();
    expect(mine.registry.list().map((c) => c.name)).toEqual(['dev']);

    const taken = setup();
    taken.registry.save(clusterInput.parse({ kind: 'standalone', name: 'local', restUrl: 'http://10.0.0.9:8081', variables: [] }));
    expect(registerLocalCluster(taken.registry, taken.settings, LOCAL)?.name).toBe('Local 2');
  });
});
