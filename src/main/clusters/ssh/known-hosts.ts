import type { Clock } from '../../app/clock.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { HostKey } from '../../../shared/contract/clusters-schema.js';

/**
 * SSH host keys the user accepted, one per host:port (trust on first use). Weir never trusts a
 * key by itself: an unknown key goes back to the user, a changed one is refused until the user
 * forgets the old key and trusts the new one.
 */
export class KnownHosts {
  constructor(
    private readonly catalog: Catalog,
    private readonly clock: Clock,
  ) {}

  check(host: string, port: number, keyType: string, fingerprint: string): HostKey {
    const key = { host: normalHost(host), port, keyType, fingerprint };
    const row = this.catalog.db
      .prepare('SELECT fingerprint FROM known_hosts WHERE host = ? AND port = ?')
      .get(key.host, port) as { fingerprint: string } | undefined;
    if (!row) return { ...key, status: 'unknown' };
    // Compared whole, key type included in the hash: a host that switched key types has changed too.
    if (row.fingerprint === fingerprint) return { ...key, status: 'trusted' };
    return { ...key, status: 'changed', trustedFingerprint: row.fingerprint };
  }

  trust(host: string, port: number, keyType: string, fingerprint: string): void {
    this.catalog.write((db) =>
      db
        .prepare(
          `INSERT INTO known_hosts (host, port, key_type, fingerprint, trusted_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(host, port) DO UPDATE SET key_type = excluded.key_type, fingerprint = excluded.fingerprint, trusted_at = excluded.trusted_at`,
        )
        .run(normalHost(host), port, keyType, fingerprint, this.clock().toISOString()),
    );
  }

  forget(host: string, port: number): void {
    this.catalog.write((db) => db.prepare('DELETE FROM known_hosts WHERE host = ? AND port = ?').run(normalHost(host), port));
  }
}

/** Host names are case-insensitive; `Edge-01` and `edge-01 ` must not be two entries. */
function normalHost(host: string): string {
  return host.trim().toLowerCase();
}
