import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../catalog/catalog.js';
import { KnownHosts } from './known-hosts.js';

const ED = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const OTHER = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';

describe('known hosts', () => {
  let catalog: Catalog;
  let now: Date;
  let hosts: KnownHosts;

  beforeEach(() => {
    catalog = openCatalog({ file: ':memory:' });
    now = new Date('2025-03-01T08:00:00.000Z');
    hosts = new KnownHosts(catalog, () => now);
  });
  afterEach(() => catalog.close());

  it('reports a host never seen as unknown', () => {
    expect(hosts.check('edge-01', 22, 'ssh-ed25519', ED)).toEqual({
      host: 'edge-01',
      port: 22,
      keyType: 'ssh-ed25519',
      fingerprint: ED,
      status: 'unknown',
    });
  });

  it('trusts a key once the user accepted it, and records when', () => {
    hosts.trust('edge-01', 22, 'ssh-ed25519', ED);
    expect(hosts.check('edge-01', 22, 'ssh-ed25519', ED).status).toBe('trusted');
    expect(catalog.db.prepare('SELECT * FROM known_hosts').all()).toEqual([
      { host: 'edge-01', port: 22, key_type: 'ssh-ed25519', fingerprint: ED, trusted_at: '2025-03-01T08:00:00.000Z' },
    ]);
  });

  it('reports a different key for a trusted host as changed, with the key it trusted', () => {
    hosts.trust('edge-01', 22, 'ssh-ed25519', ED);
    expect(hosts.check('edge-01', 22, 'ssh-ed25519', OTHER)).toEqual({
      host: 'edge-01',
      port: 22,
      keyType: 'ssh-ed25519',
      fingerprint: OTHER,
      status: 'changed',
      trustedFingerprint: ED,
    });
    // A new key type is a new key too.
    expect(hosts.check('edge-01', 22, 'ssh-rsa', OTHER).status).toBe('changed');
  });

  it('keeps one key per host and port', () => {
    hosts.trust('edge-01', 22, 'ssh-ed25519', ED);
    expect(hosts.check('edge-01', 2222, 'ssh-ed25519', ED).status).toBe('unknown');
    expect(hosts.check('edge-02', 22, 'ssh-ed25519', ED).status).toBe('unknown');
  });

  it('treats host names case-insensitively', () => {
    hosts.trust('Edge-01.Example.CN ', 22, 'ssh-ed25519', ED);
    expect(hosts.check('edge-01.example.cn', 22, 'ssh-ed25519', ED)).toMatchObject({ host: 'edge-01.example.cn', status: 'trusted' });
  });

  it('replaces the trusted key when the user accepts a new one', () => {
    hosts.trust('edge-01', 22, 'ssh-ed25519', ED);
    now = new Date('2025-04-01T00:00:00.000Z');
    hosts.trust('edge-01', 22, 'ssh-rsa', OTHER);
    expect(hosts.check('edge-01', 22, 'ssh-rsa', OTHER).status).toBe('trusted');
    expect(hosts.check('edge-01', 22, 'ssh-ed25519', ED).status).toBe('changed');
    expect(catalog.db.prepare('SELECT key_type, trusted_at FROM known_hosts').all()).toEqual([
      { key_type: 'ssh-rsa', trusted_at: '2025-04-01T00:00:00.000Z' },
    ]);
  });

  it('forgets a host, so its next key is asked about again', () => {
    hosts.trust('edge-01', 22, 'ssh-ed25519', ED);
    hosts.trust('edge-01', 2222, 'ssh-ed25519', ED);
    hosts.forget('EDGE-01', 22);
    expect(hosts.check('edge-01', 22, 'ssh-ed25519', OTHER).status).toBe('unknown');
    expect(hosts.check('edge-01', 2222, 'ssh-ed25519', ED).status).toBe('trusted');
    hosts.forget('nowhere', 22); // forgetting an unknown host is not an error
  });
});
