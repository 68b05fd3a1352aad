import { describe, expect, it } from 'vitest';
import { electronKeyring, type SafeStorage } from './electron-keyring.js';

function safeStorage(available: boolean, backend: string): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s: string) => Buffer.from(`sealed:${s}`),
    decryptString: (b: Buffer) => b.toString().replace(/^sealed:/, ''),
  } as unknown as SafeStorage;
}

describe('the OS keyring through safeStorage', () => {
  it("counts Linux's basic_text fallback (a fixed key) and an unavailable keyring as weak", () => {
    expect(electronKeyring(safeStorage(true, 'basic_text'), 'linux').weakness()).toBe('basic_text');
    expect(electronKeyring(safeStorage(true, 'unknown'), 'linux').weakness()).toBe('unknown');
    expect(electronKeyring(safeStorage(false, 'gnome_libsecret'), 'linux').weakness()).toBe('unavailable');
    expect(electronKeyring(safeStorage(true, 'gnome_libsecret'), 'linux').weakness()).toBeNull();
    expect(electronKeyring(safeStorage(true, 'unknown'), 'darwin').weakness()).toBeNull();
  });

  it('seals and opens through safeStorage', () => {
    const ring = electronKeyring(safeStorage(true, 'kwallet5'), 'linux');
    expect(ring.open(ring.seal('k'))).toBe('k');
  });
});
