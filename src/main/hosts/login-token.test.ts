import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateToken } from './login-token.js';

describe('login token', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'weir-token-')), 'serve-token.json');

  it('is kept across restarts in a file only its owner reads', () => {
    const f = file();
    const first = loadOrCreateToken(f, { now: 1000, ttlMs: 10_000 });
    expect(first.token).toMatch(/^[\w-]{32}$/);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(loadOrCreateToken(f, { now: 5000, ttlMs: 10_000 })).toEqual({ ...first, expiresAt: 11_000 });
  });

  it('is replaced when it expired, on --rotate-token, and when the file is damaged', () => {
    const f = file();
    const first = loadOrCreateToken(f, { now: 0, ttlMs: 10_000 });
    const expired = loadOrCreateToken(f, { now: 10_000, ttlMs: 10_000 });
    expect(expired.token).not.toBe(first.token);
    const rotated = loadOrCreateToken(f, { now: 10_001, ttlMs: 10_000, rotate: true });
    expect(rotated.token).not.toBe(expired.token);
    writeFileSync(f, '{"token": 1');
    expect(loadOrCreateToken(f, { now: 10_002 }).token).toMatch(/^[\w-]{32}$/);
  });
});
