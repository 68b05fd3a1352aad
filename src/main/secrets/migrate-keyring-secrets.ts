import type { Catalog } from '../catalog/catalog.js';
import type { Logger } from '../app/logger.js';
import type { Keyring } from './keyring.js';
import type { SecretCipher } from './secret-cipher.js';

/** The scheme earlier desktop builds stored secrets under (sealed by the keyring alone). */
export const KEYRING_SCHEME = 'electron-safe-storage';

/**
 * Re-encrypts secrets an earlier desktop build sealed with the keyring under the shared key
 * file, so `weir serve` and the CLI can read them too. A row the keyring cannot open stays as
 * it was (logged); reading it then says which scheme it needs.
 */
export function migrateKeyringSecrets(catalog: Catalog, keyring: Keyring | null, cipher: SecretCipher, log: Logger): number {
  const rows = catalog.db.prepare('SELECT id, ciphertext FROM secrets WHERE scheme = ?').all(KEYRING_SCHEME) as { id: number; ciphertext: Buffer }[];
  if (rows.length === 0) return 0;
  if (!keyring || keyring.weakness() === 'unavailable') {
    log.warn(`secrets: ${rows.length} secret(s) sealed by the OS keyring cannot be opened now (keyring unavailable)`);
    return 0;
  }
  let moved = 0;
  for (const row of rows) {
    let plain: string;
    try {
      plain = keyring.open(row.ciphertext);
    } catch (error) {
      log.warn(`secrets: secret #${row.id} sealed by the OS keyring could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const ciphertext = cipher.encrypt(plain);
    catalog.write((db) => db.prepare('UPDATE secrets SET scheme = ?, ciphertext = ? WHERE id = ?').run(cipher.scheme, ciphertext, row.id));
    moved++;
  }
  log.info(`secrets: moved ${moved} keyring-sealed secret(s) to the shared key file`);
  return moved;
}
