/**
 * Turns a secret into bytes that are safe to store, and back. Every host uses the same key file
 * in WEIR_HOME (shared-secret-cipher.ts), so one catalog opens in all of them.
 */
export interface SecretCipher {
  /** Stored beside each ciphertext so a catalog opened by another host says what it needs. */
  readonly scheme: string;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}
