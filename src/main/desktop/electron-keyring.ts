import type { Keyring } from '../secrets/keyring.js';

/**
 * Electron's safeStorage as a Keyring. On Linux without a keyring daemon Electron falls back to
 * 'basic_text', a fixed key no better than plain text: reported as weak, so nothing relies on it.
 */
/** The part of Electron's safeStorage used here, so only the thin host imports `electron`. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function electronKeyring(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): Keyring {
  return {
    weakness() {
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend();
        if (backend === 'basic_text' || backend === 'unknown') return backend;
      }
      return null;
    },
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
