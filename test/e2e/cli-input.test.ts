import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './weir-server.js';

/** Issue 10: what the CLI reads and prints, run as a pipeline runs it (the built CLI). */
const dir = mkdtempSync(join(tmpdir(), 'weir-cli-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function weir(args: string[], input?: string | Buffer): { code: number; out: string; err: string; millis: number } {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', WEIR_HOME: join(dir, 'home') };
  delete env.LC_ALL;
  delete env.WEIR_LANG;
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, ...args], { encoding: 'utf8', env, ...(input !== undefined ? { input } : {}), timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr, millis: performance.now() - started };
}

describe('weir check input', () => {
  it('refuses a 200 MB file at once with the size limit', () => {
    const file = join(dir, 'huge.sql');
    writeFileSync(file, '');
    truncateSync(file, 200 * 1024 * 1024);
    const r = weir(['check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file} is larger than 32 MB`);
    expect(r.millis).toBeLessThan(10_000);
  });

  it('stops reading /dev/zero and an oversized pipe at the limit', () => {
    const zero = weir(['check', '/dev/zero']);
    expect(zero.code).toBe(1);
    expect(zero.err).toContain('/dev/zero is larger than 32 MB');
    const piped = weir(['check', '-'], Buffer.alloc(40 * 1024 * 1024, 0x3b));
    expect(piped.code).toBe(1);
    expect(piped.err).toContain('- is larger than 32 MB');
  });

  it('checks standard input', () => {
    const r = weir(['check', '-', '--json'], 'SELECT 1;\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ files: [{ path: '-', statements: 1, diagnostics: [] }] });
  });

  it('reports the first invalid UTF-8 byte', () => {
    const file = join(dir, 'gbk.sql');
    writeFileSync(file, Buffer.concat([Buffer.from('SELECT 1;\n-- '), Buffer.from([0xb3, 0xc7]), Buffer.from('\n')]));
    const r = weir(['check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file} is not valid UTF-8: byte 0xB3 at line 2, column 4 (byte offset 13)`);
  });

  it('prints names with escape sequences as visible text, raw only inside --json', () => {
    const file = join(dir, 'escape.sql');
    writeFileSync(file, 'SELECT 1 FROM `t\u001b]0;pwned\u0007\u001b[2J`;\n');
    const r = weir(['check', file]);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.out).toContain('t\\x1b]0;pwned\\x07\\x1b[2J');
    const json = weir(['check', file, '--json']);
    expect(JSON.parse(json.out).files[0].diagnostics[0].message).toContain('t\u001b]0;pwned\u0007');
  });
});

describe('weir deploy of an odd file name', () => {
  it('says the name cannot be stored instead of printing a raw schema error', () => {
    const file = join(dir, 'we|ird.sql');
    writeFileSync(file, 'SELECT 1;\n');
    const r = weir(['deploy', file, '--cluster', 'nowhere']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('The file name "we|ird.sql" cannot be stored in Weir.');
    expect(r.err).not.toContain('"code"');
  });
});
