import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { MAX_SQL_INPUT_BYTES, readSqlInput } from './read-sql-input.js';

const dir = mkdtempSync(join(tmpdir(), 'weir-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string, limit?: number): Promise<WeirError> {
  const error = await readSqlInput(path, limit).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WeirError);
  return error as WeirError;
}

describe('readSqlInput', () => {
  it('reads UTF-8 and keeps a byte-order mark', async () => {
    const file = join(dir, 'ok.sql');
    writeFileSync(file, '\ufeffSELECT \'城市\';');
    expect(await readSqlInput(file)).toBe('\ufeffSELECT \'城市\';');
  });

  it('refuses a 200 MB file at once, without reading it', async () => {
    const file = join(dir, 'huge.sql');
    writeFileSync(file, '');
    truncateSync(file, 200 * 1024 * 1024); // sparse: no disk used
    const started = performance.now();
    const e = await refusal(file);
    expect(e.code).toBe('cli.input-too-large');
    expect(e.params).toEqual({ path: file, megabytes: 32 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops reading an endless device at the limit', async () => {
    const before = process.memoryUsage().rss;
    const e = await refusal('/dev/zero');
    expect(e.code).toBe('cli.input-too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(4 * MAX_SQL_INPUT_BYTES);
  });

  it('reports the first invalid byte instead of replacing it', async () => {
    const file = join(dir, 'gbk.sql');
    writeFileSync(file, Buffer.concat([Buffer.from('SELECT 1;\n-- '), Buffer.from([0xb3, 0xc7]), Buffer.from('\n')]));
    const e = await refusal(file);
    expect(e.code).toBe('cli.invalid-utf8');
    expect(e.params).toEqual({ path: file, line: 2, column: 4, offset: 13, byte: 'B3' });
  });

  it('says why a path cannot be read', async () => {
    expect((await refusal(join(dir, 'missing.sql'))).params).toMatchObject({ reason: 'ENOENT' });
    expect((await refusal(dir)).params).toMatchObject({ reason: 'EISDIR' });
  });
});
