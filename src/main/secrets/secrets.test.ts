import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode as code } from '../../../test/unit/weir-error-of.js';
import { openCatalog } from '../catalog/catalog.js';
import { keyFileCipher } from './key-file-cipher.js';
import { SecretStore } from './secret-store.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
const SECRET = 'Pa55w0rd-卡口-9f2c1e77d3';

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'weir-secrets-'));
  const catalog = openCatalog({ file: join(home, 'catalog.sqlite') });
  const cipher = keyFileCipher(join(home, 'secret.key'));
  return { home, catalog, cipher, store: new SecretStore(catalog, cipher, clock) };
}

describe('secrets', () => {
  it('round-trips a secret through the catalog', () => {
    const { store } = setup();
    const id = store.put(SECRET);
    expect(store.get(id)).toBe(SECRET);
    store.replace(id, 'other');
    expect(store.get(id)).toBe('other');
    store.remove(id);
    expect(code(() => store.get(id))).toBe('secrets.not-found');
  });

  it('creates the key file readable by its owner only', () => {
    const { home } = setup();
    expect(statSync(join(home, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('narrows a key file whose permissions were widened', () => {
    const { home } = setup();
    chmodSync(join(home, 'secret.key'), 0o644);
    keyFileCipher(join(home, 'secret.key'));
    expect(statSync(join(home, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('never writes the secret in plain text to any file of WEIR_HOME', () => {
    const { home, catalog, store } = setup();
    for (let i = 0; i < 20; i++) store.put(`${SECRET}-${i}`);
    catalog.db.pragma('wal_checkpoint(PASSIVE)');
    const needles = [Buffer.from(SECRET, 'utf8'), Buffer.from(SECRET, 'utf16le'), Buffer.from(Buffer.from(SECRET).toString('base64'))];
    const files = readdirSync(home);
    expect(files).toEqual(expect.arrayContaining(['catalog.sqlite', 'secret.key']));
    for (const name of files) {
      const bytes = readFileSync(join(home, name));
      for (const needle of needles) expect(bytes.includes(needle), `${name} contains the secret`).toBe(false);
    }
    catalog.close();
  });

  it('encrypts the same secret differently each time (random IV)', () => {
    const { cipher } = setup();
    expect(cipher.encrypt('x').equals(cipher.encrypt('x'))).toBe(false);
  });

  it('refuses to decrypt with another key, or a tampered value, with a clear error', () => {
    const a = setup();
    const b = setup();
    const blob = a.cipher.encrypt(SECRET);
    expect(code(() => b.cipher.decrypt(blob))).toBe('secrets.undecryptable');
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1]! ^= 0xff;
    expect(code(() => a.cipher.decrypt(tampered))).toBe('secrets.undecryptable');
    expect(code(() => a.cipher.decrypt(Buffer.from('short')))).toBe('secrets.undecryptable');
  });

  it('refuses a key file that is not a key', () => {
    const home = mkdtempSync(join(tmpdir(), 'weir-secrets-'));
    writeFileSync(join(home, 'secret.key'), 'not a key', { mode: 0o600 });
    expect(code(() => keyFileCipher(join(home, 'secret.key')))).toBe('secrets.bad-key-file');
  });

  it('says which scheme a secret needs when another host opened the catalog', () => {
    const { catalog, store } = setup();
    const id = store.put(SECRET);
    const desktopLike = new SecretStore(catalog, { scheme: 'electron-safe-storage', encrypt: () => Buffer.alloc(0), decrypt: () => '' }, clock);
    expect(code(() => desktopLike.get(id))).toBe('secrets.wrong-scheme');
  });
});
