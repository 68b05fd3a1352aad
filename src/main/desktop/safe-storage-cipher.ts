import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../secrets/secret-cipher.js';

/** Secrets sealed by the OS keychain (Keychain, DPAPI, libsecret/KWallet) through Electron. */
export function safeStorageCipher(safeStorage: SafeStorage): SecretCipher {
  return {
    scheme: 'electron-safe-storage',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}

/**
 * On Linux without a keyring Electron falls back to 'basic_text', a fixed key: no better
 * than plain text. Weir then uses its own key file instead and says so.
 */
export function safeStorageIsWeak(safeStorage: SafeStorage): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return backend;
  }
  return null;
}
