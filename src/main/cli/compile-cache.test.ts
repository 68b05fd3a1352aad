import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWithCodeCache } from './compile-cache.js';

describe('the code cache of the CLI bundles', () => {
  it('runs the bundle, keeps one cache per bundle, and uses it on the next load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-code-cache-'));
    const cache = join(dir, 'cache');
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, "exports.twice = (x) => 2 * x; exports.here = require('node:path').basename(__filename);");
    const first = requireWithCodeCache<{ twice(x: number): number; here: string }>(file, cache);
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.here).toBe('bundle.cjs');
    first.save();
    expect(readdirSync(cache)).toHaveLength(1);
    const second = requireWithCodeCache<{ twice(x: number): number }>(file, cache);
    expect(second.exports.twice(2)).toBe(4);
    second.save();
    // A new build of the bundle replaces the old cache instead of piling up beside it.
    writeFileSync(file, 'exports.twice = (x) => x + x;');
    const third = requireWithCodeCache<{ twice(x: number): number }>(file, cache);
    third.save();
    expect(readdirSync(cache)).toHaveLength(1);
    expect(third.exports.twice(5)).toBe(10);
  });

  it('still runs when the cache folder cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weir-code-cache-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, 'exports.ok = true;');
    const loaded = requireWithCodeCache<{ ok: boolean }>(file, join(file, 'not-a-folder'));
    expect(loaded.exports.ok).toBe(true);
    expect(() => loaded.save()).not.toThrow();
  });
});
