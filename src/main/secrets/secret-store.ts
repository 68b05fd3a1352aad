import { WeirError } from '../../shared/errors/weir-error.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../app/clock.js';
import type { SecretCipher } from './secret-cipher.js';

/** Secrets live encrypted in the catalog's `secrets` table; other tables hold only their ids. */
export class SecretStore {
  /** Bumped on every change made here (the redactor recompiles then). */
  changes = 0;

  constructor(
    private readonly catalog: Catalog,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  put(plain: string): number {
    const ciphertext = this.cipher.encrypt(plain);
    const id = this.catalog.write((db) => {
      const result = db
        .prepare('INSERT INTO secrets (scheme, ciphertext, created_at) VALUES (?, ?, ?)')
        .run(this.cipher.scheme, ciphertext, this.clock().toISOString());
      return Number(result.lastInsertRowid);
    });
    this.changes++;
    return id;
  }

  get(id: number): string {
    const row = this.catalog.db.prepare('SELECT scheme, ciphertext FROM secrets WHERE id = ?').get(id) as
      | { scheme: string; ciphertext: Buffer }
      | undefined;
    if (!row) throw new WeirError('secrets.not-found', { id });
    if (row.scheme !== this.cipher.scheme) {
      throw new WeirError('secrets.wrong-scheme', { id, stored: row.scheme, available: this.cipher.scheme });
    }
    return this.cipher.decrypt(row.ciphertext);
  }

  replace(id: number, plain: string): void {
    const ciphertext = this.cipher.encrypt(plain);
    this.catalog.write((db) => {
      const result = db
        .prepare('UPDATE secrets SET scheme = ?, ciphertext = ? WHERE id = ?')
        .run(this.cipher.scheme, ciphertext, id);
      if (result.changes === 0) throw new WeirError('secrets.not-found', { id });
    });
    this.changes++;
  }

  remove(id: number): void {
    this.catalog.write((db) => db.prepare('DELETE FROM secrets WHERE id = ?').run(id));
    this.changes++;
  }

  /** Every secret's plain value that this key decrypts (for redaction; never shown). */
  values(): string[] {
    const rows = this.catalog.db.prepare('SELECT scheme, ciphertext FROM secrets').all() as { scheme: string; ciphertext: Buffer }[];
    const out: string[] = [];
    for (const row of rows) {
      if (row.scheme !== this.cipher.scheme) continue;
      try {
        out.push(this.cipher.decrypt(row.ciphertext));
      } catch {
        /* another key's secret: it cannot be substituted by this Weir either */
      }
    }
    return out;
  }
}
