import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../app/logger.js';
import { keyFileCipher } from './key-file-cipher.js';
import { escrowKeyFile } from './key-file-escrow.js';
import type { Keyring } from './keyring.js';
import type { SecretCipher } from './secret-cipher.js';

export function keyFilePath(home: string): string {
  return join(home, 'secret.key');
}

/**
 * The one cipher every host uses: AES-256-GCM under WEIR_HOME's key file, so a catalog written
 * by the desktop opens in `weir serve` and the CLI and back. The desktop passes its keyring,
 * which keeps a sealed spare of the key (key-file-escrow.ts); other hosts pass none.
 */
export function sharedSecretCipher(home: string, keyring: Keyring | null, log: Logger): SecretCipher {
  const keyFile = keyFilePath(home);
  const existed = existsSync(keyFile);
  escrowKeyFile(keyFile, keyring, log);
  const cipher = keyFileCipher(keyFile);
  if (!existed) escrowKeyFile(keyFile, keyring, log); // a key made just now: seal its spare at once
  return cipher;
}
