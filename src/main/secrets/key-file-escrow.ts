import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Logger } from '../app/logger.js';
import type { Keyring } from './keyring.js';

/**
 * The key file stays the one source of truth for every host: `weir serve` and the CLI run
 * without Electron (often headless, on an edge node) and cannot ask the OS keyring, so a key
 * that only the keyring could open would lock them out (`secrets.wrong-scheme` between hosts).
 * Where a real keyring exists, the desktop keeps a copy of the key sealed by it beside the file
 * (`secret.key.keyring`): a deleted or truncated key file is restored from it, so the passwords
 * in the catalog stay readable. The sealed copy holds nothing the 0600 key file does not.
 */
export function sealedCopyPath(keyFile: string): string {
  return `${keyFile}.keyring`;
}

export function escrowKeyFile(keyFile: string, keyring: Keyring | null, log: Logger): void {
  const weak = keyring ? keyring.weakness() : 'absent';
  if (weak !== null || !keyring) {
    log.info(`secrets: OS keyring ${weak}; the key file ${keyFile} alone holds the key`);
    return;
  }
  const sealed = sealedCopyPath(keyFile);
  const current = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '';
  if (current === '' && existsSync(sealed)) {
    let key: string;
    try {
      key = keyring.open(readFileSync(sealed));
    } catch (cause) {
      throw new WeirError('secrets.keyring-failed', { keyFile }, { cause });
    }
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    log.warn(`secrets: the key file ${keyFile} was missing or empty; restored it from the OS keyring`);
    return;
  }
  if (current === '') return; // no key yet: the cipher creates one, then it is sealed
  try {
    if (existsSync(sealed) && keyring.open(readFileSync(sealed)) === current) return;
    const tmp = `${sealed}.tmp-${process.pid}`;
    writeFileSync(tmp, keyring.seal(current), { mode: 0o600 });
    renameSync(tmp, sealed);
  } catch (error) {
    // The key file still works for every host; only the spare copy is missing.
    log.warn(`secrets: could not keep a keyring-sealed copy of ${keyFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
