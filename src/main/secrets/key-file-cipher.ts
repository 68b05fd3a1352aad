import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';
import { privateDir } from '../app/private-files.js';
import type { SecretCipher } from './secret-cipher.js';

/** AES-256-GCM with a random 32-byte key kept in a 0600 file. Layout: version | iv | tag | data. */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keyFileCipher(keyFile: string): SecretCipher {
  const key = loadOrCreateKey(keyFile);
  return {
    scheme: 'aes-256-gcm-keyfile',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), data]);
    },
    decrypt(blob) {
      if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== FORMAT) {
        throw new WeirError('secrets.undecryptable', { keyFile });
      }
      const iv = blob.subarray(1, 1 + IV_BYTES);
      const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (cause) {
        // A different key file (copied catalog, regenerated key) or a tampered value.
        throw new WeirError('secrets.undecryptable', { keyFile }, { cause });
      }
    },
  };
}

function loadOrCreateKey(keyFile: string): Buffer {
  if (!existsSync(keyFile)) {
    privateDir(dirname(keyFile));
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    // Someone widened the permissions: narrow them again rather than refusing to start.
    chmodSync(keyFile, 0o600);
  }
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new WeirError('secrets.bad-key-file', { keyFile });
  return key;
}
