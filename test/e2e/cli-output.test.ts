import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/shared/i18n/display-width.js';
import { ROOT } from './weir-server.js';

/** The built CLI's output as a terminal or a pipeline sees it, in Chinese and English. */
const dir = mkdtempSync(join(tmpdir(), 'weir-cli-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLI = join(ROOT, 'dist', 'main', 'cli.js');

function env(lang: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  delete e.LC_ALL;
  delete e.WEIR_LANG;
  return e;
}

describe('weir output', () => {
  it('stops quietly with its usual exit status when the reader of stdout goes away', () => {
    const file = join(dir, 'many.sql');
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => `select a from t${i} where x != 1;`).join('\n'));
    const script = `node ${JSON.stringify(CLI)} check ${JSON.stringify(file)} | head -3; echo "status=\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: env('en_US.UTF-8') });
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('status=1\n'); // errors found: 1, as without the pipe; no EPIPE trace
  });

  it('writes 错误：and 解决办法：with full-width colons in Chinese', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', join(dir, 'missing.sql')], { encoding: 'utf8', env: env('zh_CN.UTF-8') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^错误：无法读取 .*missing\.sql（ENOENT）。\n解决办法：/);
    const en = spawnSync(process.execPath, [CLI, 'check', join(dir, 'missing.sql')], { encoding: 'utf8', env: env('en_US.UTF-8') });
    expect(en.stderr).toMatch(/^Error: .*\nHow to fix: /);
  });

  it('aligns the help in display cells, with Chinese words in the usage', () => {
    const r = spawnSync(process.execPath, [CLI, 'help'], { encoding: 'utf8', env: env('zh_CN.UTF-8') });
    const starts = r.stdout
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l) && / {2,}\S/.test(l.slice(2)))
      .map((l) => displayWidth(/^( {2}\S.*?\S {2,})/.exec(l)![1]!));
    expect(starts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(starts)).toEqual(new Set([41]));
    expect(r.stdout).toContain('  check 文件... [--json] [--syntax-only] [--flink-version V]\n' + ' '.repeat(41) + '检查');
  });
});
