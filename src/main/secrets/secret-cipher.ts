/**
 * Turns a secret into bytes that are safe to store, and back. The desktop host uses the OS
 * keychain (Electron safeStorage); browser and headless hosts use a key file in WEIR_HOME.
 */
export interface SecretCipher {
  /** Stored beside each ciphertext so a catalog opened by another host says what it needs. */
  readonly scheme: string;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}
