import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The token in the address `weir serve` prints. It is kept (mode 0600) in WEIR_HOME so a
 * bookmarked address of a headless host survives restarts, and it expires: after TOKEN_TTL_MS,
 * or at once with `weir serve --rotate-token`, a new one replaces it.
 */
export const TOKEN_TTL_MS = 30 * 24 * 3600_000;

export interface LoginToken {
  readonly token: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export function loadOrCreateToken(file: string, options: { rotate?: boolean; now?: number; ttlMs?: number } = {}): LoginToken {
  const now = options.now ?? Date.now();
  const ttl = options.ttlMs ?? TOKEN_TTL_MS;
  if (!options.rotate) {
    const stored = readStored(file);
    if (stored && now >= stored.createdAt && now - stored.createdAt < ttl) return { ...stored, expiresAt: stored.createdAt + ttl };
  }
  return createToken(file, now, ttl);
}

export function createToken(file: string, now: number = Date.now(), ttlMs: number = TOKEN_TTL_MS): LoginToken {
  const token = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ token, createdAt: now }), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
  return { token, createdAt: now, expiresAt: now + ttlMs };
}

function readStored(file: string): { token: string; createdAt: number } | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { token?: unknown; createdAt?: unknown };
    if (typeof data.token === 'string' && /^[\w-]{32}$/.test(data.token) && typeof data.createdAt === 'number') {
      return { token: data.token, createdAt: data.createdAt };
    }
  } catch {
    /* missing or damaged: a new token replaces it */
  }
  return null;
}
