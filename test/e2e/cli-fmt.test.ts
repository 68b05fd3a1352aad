import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './weir-server.js';

/** `weir fmt` as a pipeline runs it: the built CLI on real files. */
const dir = mkdtempSync(join(tmpdir(), 'weir-fmt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function weir(args: string[], lang = 'en_US.UTF-8'): { code: number; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  delete env.LC_ALL;
  delete env.WEIR_LANG;
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'main', 'cli.js'), ...args], { encoding: 'utf8', env });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

describe('weir fmt', () => {
  it('rewrites a file in place, keeping its line endings and final newline', () => {
    const file = join(dir, 'job.sql');
    writeFileSync(file, "-- job\r\nselect a,b from t where a>1;\r\n\r\n\r\ninsert into s select * from t;\r\n");
    const r = weir(['fmt', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Formatted ${file}`);
    expect(readFileSync(file, 'utf8')).toBe('-- job\r\nSELECT a, b\r\nFROM t\r\nWHERE a > 1;\r\n\r\nINSERT INTO s\r\nSELECT *\r\nFROM t;\r\n');
    expect(readdirSync(dir)).toEqual(['job.sql']); // no temporary file left
    expect(weir(['fmt', '--check', file]).code).toBe(0);
  });

  it('--check lists files that would change, writes nothing and exits 1', () => {
    const file = join(dir, 'check.sql');
    writeFileSync(file, 'select 1');
    const r = weir(['fmt', '--check', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file} would be reformatted`);
    expect(readFileSync(file, 'utf8')).toBe('select 1');
  });

  it('leaves statements with syntax errors as written, says where, exits 1 (in Chinese too)', () => {
    const file = join(dir, 'broken.sql');
    writeFileSync(file, 'select  1;\nselec oops from;\n');
    const r = weir(['fmt', file], 'zh_CN.UTF-8');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:2:1: 该语句有语法错误，保持原样`);
    expect(r.out).toContain('已格式化');
    expect(readFileSync(file, 'utf8')).toBe('SELECT 1;\nselec oops from;\n');
    const check = weir(['fmt', '--check', file], 'zh_CN.UTF-8');
    expect(check.code).toBe(1);
    expect(check.out).toContain('共 1 个文件：0 个需要格式化；1 条语句无法格式化');
  });

  it('needs a file', () => {
    const r = weir(['fmt']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('weir fmt needs at least one file');
  });
});
