import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode as code } from '../../../test/unit/weir-error-of.js';
import type { Logger } from '../app/logger.js';
import { openCatalog } from '../catalog/catalog.js';
import { keyFileCipher } from './key-file-cipher.js';
import { sealedCopyPath } from './key-file-escrow.js';
import type { Keyring } from './keyring.js';
import { KEYRING_SCHEME, migrateKeyringSecrets } from './migrate-keyring-secrets.js';
import { SecretStore } from './secret-store.js';
import { keyFilePath, sharedSecretCipher } from './shared-secret-cipher.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
const SECRET = 'kafka-sasl-密码-77';
const log: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Stands in for the OS keyring: a reversible scramble with a tag, so a sealed value is never plain. */
function keyring(options: { weakness?: string | null; broken?: boolean } = {}): Keyring {
  const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    weakness: () => options.weakness ?? null,
    seal: (plain) => Buffer.concat([Buffer.from('KR1'), scramble(Buffer.from(plain, 'utf8'))]),
    open: (sealed) => {
      if (options.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return scramble(sealed.subarray(3)).toString('utf8');
    },
  };
}

function home() {
  return mkdtempSync(join(tmpdir(), 'weir-shared-secrets-'));
}

/** A host's view of WEIR_HOME: its own catalog connection and cipher, as each process has. */
function host(dir: string, ring: Keyring | null) {
  const catalog = openCatalog({ file: join(dir, 'catalog.sqlite') });
  const cipher = sharedSecretCipher(dir, ring, log);
  return { catalog, cipher, store: new SecretStore(catalog, cipher, clock) };
}

describe('one secret store for every host', () => {
  it('a secret the desktop stored is read by `weir serve` and the CLI, and back', () => {
    const dir = home();
    const desktop = host(dir, keyring());
    const id = desktop.store.put(SECRET);
    const cli = host(dir, null);
    expect(cli.store.get(id)).toBe(SECRET);
    // What the CLI and serve build today: the key file cipher alone.
    expect(new SecretStore(cli.catalog, keyFileCipher(keyFilePath(dir)), clock).get(id)).toBe(SECRET);
    const fromCli = cli.store.put('from-cli');
    expect(desktop.store.get(fromCli)).toBe('from-cli');
  });

  it('a keyring present on one launch and gone on the next changes nothing', () => {
    const dir = home();
    const id = host(dir, keyring()).store.put(SECRET);
    expect(host(dir, keyring({ weakness: 'basic_text' })).store.get(id)).toBe(SECRET);
    expect(host(dir, keyring({ weakness: 'unavailable' })).store.get(id)).toBe(SECRET);
    expect(host(dir, keyring()).store.get(id)).toBe(SECRET);
  });

  it('keeps a keyring-sealed spare of the key (0600, not plain) and restores a deleted key file from it', () => {
    const dir = home();
    const first = host(dir, keyring());
    const id = first.store.put(SECRET);
    first.catalog.close();
    const sealed = sealedCopyPath(keyFilePath(dir));
    const key = readFileSync(keyFilePath(dir), 'utf8').trim();
    expect(existsSync(sealed)).toBe(true);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealed).includes(Buffer.from(key))).toBe(false);

    rmSync(keyFilePath(dir));
    const restored = host(dir, keyring());
    expect(restored.store.get(id)).toBe(SECRET);
    expect(statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(host(dir, null).store.get(id)).toBe(SECRET);
  });

  it('writes no spare where the keyring protects nothing', () => {
    const dir = home();
    host(dir, keyring({ weakness: 'basic_text' })).store.put(SECRET);
    host(dir, keyring({ weakness: 'basic_text' }));
    expect(existsSync(sealedCopyPath(keyFilePath(dir)))).toBe(false);
  });

  it('a keyring that fails to open the spare gives secrets.keyring-failed, not internal.unexpected', () => {
    const dir = home();
    host(dir, keyring()).store.put(SECRET);
    host(dir, keyring());
    writeFileSync(keyFilePath(dir), '');
    expect(code(() => sharedSecretCipher(dir, keyring({ broken: true }), log))).toBe('secrets.keyring-failed');
  });

  it('a keyring that fails while sealing only loses the spare: the key file still works', () => {
    const dir = home();
    const id = host(dir, null).store.put(SECRET);
    const failing: Keyring = { ...keyring(), seal: () => { throw new Error('keychain locked'); } };
    expect(host(dir, failing).store.get(id)).toBe(SECRET);
  });

  it('moves secrets an earlier desktop sealed with the keyring alone to the shared key file', () => {
    const dir = home();
    const ring = keyring();
    const { catalog, cipher, store } = host(dir, ring);
    const legacy = catalog.write((db) =>
      Number(db.prepare('INSERT INTO secrets (scheme, ciphertext, created_at) VALUES (?, ?, ?)').run(KEYRING_SCHEME, ring.seal(SECRET), clock().toISOString()).lastInsertRowid),
    );
    expect(code(() => host(dir, null).store.get(legacy))).toBe('secrets.wrong-scheme');
    expect(migrateKeyringSecrets(catalog, ring, cipher, log)).toBe(1);
    expect(store.get(legacy)).toBe(SECRET);
    expect(host(dir, null).store.get(legacy)).toBe(SECRET);
    expect(migrateKeyringSecrets(catalog, ring, cipher, log)).toBe(0);
  });
});
