/**
 * The OS keyring as the secrets code sees it (Keychain, DPAPI, libsecret/KWallet through
 * Electron's safeStorage in the desktop host; absent in `weir serve` and the CLI).
 */
export interface Keyring {
  /** Why it protects nothing ('unavailable', Linux's fixed-key 'basic_text'), or null when it does. */
  weakness(): string | null;
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}
