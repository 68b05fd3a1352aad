import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLINK, ROOT } from './weir-services.js';

/**
 * Issue 10: a secret variable substituted into a job, echoed back by Flink in its error (the
 * JDBC sink's unknown URL, with the table's options), must appear nowhere Weir keeps or prints
 * it: not in the catalog or its WAL, the log, any CLI output, human or --json.
 */
describe('secret redaction after a deploy error that echoes the secret (real cluster)', () => {
  const home = join(mkdtempSync(join(tmpdir(), 'weir-it-redact-')), 'home');
  const RUN = Date.now().toString(36);
  // looks like a JDBC URL to Weir's checks; no dialect handles it, so Flink's error quotes it
  const SECRET = `jdbc:weirsecret://host-${RUN}/db?key=Zq9xK2pW`;
  const outputs: string[] = [];

  function weir(...args: string[]): { code: number; out: string; err: string } {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'main', 'cli.js'), ...args], {
      env: { ...process.env, WEIR_HOME: home, WEIR_LANG: 'en', SINK_URL: SECRET, WEIR_LOCAL_STACK: 'off' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    outputs.push(r.stdout, r.stderr);
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  }

  it('deploys a job whose error echoes the secret, and finds the secret nowhere', () => {
    expect(weir('cluster', 'add', 'Local', '--rest-url', FLINK, '--secret-var', 'sink_url=SINK_URL').code).toBe(0);
    const file = join(home, '..', `redact-${RUN}.sql`);
    writeFileSync(
      file,
      [
        "CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');",
        "CREATE TABLE sink (id INT) WITH ('url' = '${sink_url}', 'connector' = 'jdbc', 'table-name' = 't');",
        'INSERT INTO sink SELECT id FROM src;',
        '',
      ].join('\n'),
    );
    const deployed = weir('deploy', file, '--cluster', 'Local');
    expect(deployed.code).toBe(1);
    expect(deployed.err).toContain('Unable to create a sink');
    expect(deployed.err).toContain('******');
    expect(weir('deploy', file, '--cluster', 'Local', '--json').code).toBe(1);

    const list = weir('deployments', '--json');
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.out) as { status: string; error: string | null }[];
    expect(rows[0]!.status).toBe('failed');
    // Flink did echo it (the dialect error quotes the URL): the redaction mark stands where the secret was
    expect(rows[0]!.error).toContain("url '******'");
    weir('deployments');
    weir('jobs');
    weir('jobs', '--json');

    for (const text of outputs) expect(text.includes(SECRET), text.slice(0, 2000)).toBe(false);
    const files = readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['catalog.sqlite', 'weir.log']));
    for (const f of files) {
      const path = join(f.parentPath, f.name);
      expect(readFileSync(path).includes(SECRET), path).toBe(false);
      expect(statSync(path).mode & 0o077, path).toBe(0);
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });
});
