import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { cancelJobsNamed, FLINK, GATEWAY, jobsNamed, pgToKafkaScript, ports, ROOT } from './weir-services.js';

/**
 * One application, one running job: `weir deploy` of a file whose application runs is refused
 * unless `--upgrade` (stop with savepoint, start from it) or `--new-instance`; a job of the same
 * name that Weir did not start (here: started by another Weir home) is not duplicated either.
 */
describe('applications: deploy twice, upgrade, a same-name job started elsewhere (CLI)', () => {
  const RUN = Date.now().toString(36);
  const JOB = `weir-it-apps-${RUN}`;
  const homes = { a: mkdtempSync(join(tmpdir(), 'weir-it-apps-a-')), b: mkdtempSync(join(tmpdir(), 'weir-it-apps-b-')) };

  function weir(home: string, ...args: string[]): { code: number; out: string; err: string } {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'main', 'cli.js'), ...args], {
      env: { ...process.env, WEIR_HOME: home, WEIR_LANG: 'en', PG_PASSWORD: 'weir', WEIR_LOCAL_STACK: 'off' }, // it adds Local itself
      encoding: 'utf8',
      timeout: 240_000,
    });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  }
  function json<T>(home: string, ...args: string[]): T {
    const r = weir(home, ...args, '--json');
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as T;
  }
  const active = async (name: string) =>
    (await jobsNamed(name)).filter((j) => !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state));
  async function awaitTasksRunning(jobId: string): Promise<void> {
    for (let i = 0; i < 120; i++) {
      const job = (await (await fetch(`${FLINK}/jobs/${jobId}`)).json()) as { state: string; vertices: { status: string }[] };
      if (job.state === 'RUNNING' && job.vertices.every((v) => v.status === 'RUNNING')) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error(`job ${jobId} did not start its tasks`);
  }

  afterAll(() => cancelJobsNamed(JOB));

  it('refuses a second deploy, upgrades from the stop savepoint, and lists the application', async () => {
    for (const home of [homes.a, homes.b]) {
      const added = weir(home, 'cluster', 'add', 'Local', '--rest-url', FLINK, '--gateway-url', GATEWAY,
        '--var', `kafka=127.0.0.1:${ports.kafka}`, '--secret-var', 'pg_password=PG_PASSWORD');
      expect(added.code, added.err).toBe(0);
    }
    const file = join(homes.a, `${JOB}.sql`);
    writeFileSync(file, pgToKafkaScript(JOB));
    const first = json<{ jobId: string; applicationId: number }>(homes.a, 'deploy', file, '--cluster', 'Local', '--parallelism', '1');
    expect(first.applicationId).toBeGreaterThan(0);
    await awaitTasksRunning(first.jobId);

    // Edited and deployed again without a mode: refused, the running job untouched.
    writeFileSync(file, pgToKafkaScript(JOB, 7));
    const again = weir(homes.a, 'deploy', file, '--cluster', 'Local', '--parallelism', '1');
    expect(again.code).toBe(1);
    expect(again.err).toContain(`Application "${JOB}" is running on Local (job ${first.jobId})`);
    expect(again.err).toContain('--upgrade');
    expect((await active(JOB)).map((j) => j.jid)).toEqual([first.jobId]);

    // --upgrade: stop with savepoint, the new version starts from it; still one job.
    const upgraded = json<{ id: number; jobId: string; parentId: number; applicationId: number; options: { fromSavepoint: string } }>(
      homes.a, 'deploy', file, '--cluster', 'Local', '--parallelism', '1', '--upgrade');
    expect(upgraded.applicationId).toBe(first.applicationId);
    expect(upgraded.options.fromSavepoint).toMatch(/savepoint-/);
    await awaitTasksRunning(upgraded.jobId);
    expect((await active(JOB)).map((j) => j.jid)).toEqual([upgraded.jobId]);
    const checkpoints = (await (await fetch(`${FLINK}/jobs/${upgraded.jobId}/checkpoints`)).json()) as {
      latest: { restored: { is_savepoint: boolean; external_path: string } | null };
    };
    expect(checkpoints.latest.restored).toMatchObject({ is_savepoint: true });
    expect(checkpoints.latest.restored!.external_path.replace(/^file:/, '')).toBe(upgraded.options.fromSavepoint.replace(/^file:/, ''));

    const apps = json<{ name: string; runs: number; current: { jobId: string } }[]>(homes.a, 'apps', '--cluster', 'Local');
    expect(apps).toEqual([expect.objectContaining({ name: JOB, runs: 2, current: expect.objectContaining({ jobId: upgraded.jobId }) })]);
    const shown = json<{ deployments: { jobId: string; parentId: number | null }[]; savepoints: { kind: string; jobId: string }[] }>(
      homes.a, 'app', 'show', JOB);
    expect(shown.deployments.map((d) => d.jobId)).toEqual([upgraded.jobId, first.jobId]);
    expect(shown.savepoints).toContainEqual(expect.objectContaining({ kind: 'stop', jobId: first.jobId }));
    // A restart policy, set from the CLI and shown with the application.
    const policy = json<{ restartPolicy: unknown }>(homes.a, 'app', 'policy', JOB, '--restart', '3', '--window', '15');
    expect(policy.restartPolicy).toEqual({ mode: 'on-failure', maxRestarts: 3, windowMinutes: 15 });
    expect(weir(homes.a, 'app', 'show', JOB).out).toContain('Restart policy: restart a failed run, at most 3 times within 15 minutes');
    expect(weir(homes.a, 'app', 'policy', JOB, '--restart', 'often').code).toBe(1);
    expect(weir(homes.a, 'apps').out).toMatch(new RegExp(`${JOB}\\s+Local\\s+(RUNNING|CREATED|INITIALIZING)\\s+${upgraded.jobId}\\s+2`));

    // Another Weir (another home) deploying the same name: for it, that job was started outside.
    const outside = weir(homes.b, 'deploy', file, '--cluster', 'Local', '--parallelism', '1');
    expect(outside.code).toBe(1);
    expect(outside.err).toContain(`A job named "${JOB}" that Weir did not start is running on Local`);
    expect((await active(JOB)).map((j) => j.jid)).toEqual([upgraded.jobId]);
  });
});
