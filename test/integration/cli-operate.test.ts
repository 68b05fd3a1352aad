import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { sshClientInfo } from '../../src/main/stack/ssh-server.js';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cancelJobsNamed, FLINK, GATEWAY, jobsNamed, pgToKafkaScript, ports, ROOT } from './weir-services.js';

/**
 * The CLI a CI/CD pipeline would script: `weir cluster add/test`, `weir deploy`, `weir jobs`,
 * `weir savepoint`, `weir stop --savepoint`, `weir restart`, `weir cancel`, all with --json,
 * run as separate processes over one WEIR_HOME against the real cluster.
 */
describe('weir cluster / deploy / jobs / stop / restart (CLI)', () => {
  const home = mkdtempSync(join(tmpdir(), 'weir-it-cli-'));
  const RUN = Date.now().toString(36);
  const JOB = `weir-it-cli-${RUN}`;
  const PG_SECRET = `pg-secret-not-used-${RUN}`;

  function weir(...args: string[]): { code: number; out: string; err: string } {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'main', 'cli.js'), ...args], {
      env: { ...process.env, WEIR_HOME: home, WEIR_LANG: 'en', PG_PASSWORD: 'weir', UNUSED_SECRET: PG_SECRET },
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  }

  function json<T>(...args: string[]): T {
    const r = weir(...args, '--json');
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as T;
  }

  afterAll(() => cancelJobsNamed(JOB));

  it('lists the running local stack as the cluster Local, registered once: removed, it stays removed', () => {
    const listed = json<{ name: string; kind: string; restUrl: string; gatewayUrl: string }[]>('cluster', 'list');
    expect(listed).toEqual([expect.objectContaining({ name: 'Local', kind: 'standalone', restUrl: FLINK, gatewayUrl: GATEWAY })]);
    expect(json<unknown[]>('cluster', 'list')).toHaveLength(1);
    expect(weir('cluster', 'rm', 'Local').code).toBe(0);
    expect(json<unknown[]>('cluster', 'list')).toEqual([]);
  });

  it('adds and tests the cluster; secrets come from the environment, never the command line', () => {
    const added = json<{ name: string; variables: { name: string; secret: boolean; value: string | null }[] }>(
      'cluster', 'add', 'Local', '--rest-url', FLINK, '--gateway-url', GATEWAY,
      '--var', `kafka=127.0.0.1:${ports.kafka}`, '--secret-var', 'pg_password=PG_PASSWORD', '--secret-var', 'unused=UNUSED_SECRET',
    );
    expect(added.variables).toContainEqual({ name: 'pg_password', secret: true, value: null });
    const test = json<{ ok: boolean; rest: { overview: { flinkVersion: string } } }>('cluster', 'test', 'Local');
    expect(test.ok).toBe(true);
    expect(test.rest.overview.flinkVersion).toBe('1.20.3');
    const list = weir('cluster', 'list');
    expect(list.out).toMatch(/Local\s+standalone\s+http:\/\/127\.0\.0\.1:8081/);

    const missing = weir('cluster', 'add', 'Other', '--rest-url', FLINK, '--secret-var', 'x=NOT_SET_ANYWHERE');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOT_SET_ANYWHERE');
    for (const f of readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(f.parentPath, f.name)).includes(PG_SECRET), f.name).toBe(false);
    }
  });

  it('registers a YARN cluster and trusts its edge node key only with the matching fingerprint', () => {
    const info = sshClientInfo(stackPaths(join(ROOT, 'resources'), process.env), stackPorts());
    const flinkHome = join(home, 'flink');
    mkdirSync(join(flinkHome, 'bin'), { recursive: true });
    writeFileSync(join(flinkHome, 'bin', 'flink'), '#!/bin/sh\necho "Version: 1.20.3, Commit ID: 0e8b4d5"\n', { mode: 0o755 });
    const added = weir('cluster', 'add', 'yarn-edge', '--kind', 'yarn', '--rm-url', 'http://127.0.0.1:9', '--ssh-host', info.host,
      '--ssh-port', String(info.port), '--ssh-user', info.user, '--ssh-key-file', info.privateKeyPath, '--flink-home', flinkHome);
    expect(added.code, added.err).toBe(0);
    const first = weir('cluster', 'test', 'yarn-edge');
    expect(first.code).toBe(1);
    const fingerprint = /weir cluster trust yarn-edge (SHA256:\S+)/.exec(first.out)?.[1];
    expect(fingerprint, first.out).toMatch(/^SHA256:/);
    const wrong = weir('cluster', 'trust', 'yarn-edge', 'SHA256:' + 'B'.repeat(43));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('is not the one the server shows');
    expect(weir('cluster', 'trust', 'yarn-edge', fingerprint!).code).toBe(0);
    // Exit 1 still: no ResourceManager answers here; the edge node part passes.
    const second = weir('cluster', 'test', 'yarn-edge', '--json');
    expect(second.code).toBe(1);
    expect((JSON.parse(second.out) as { ssh: unknown }).ssh).toMatchObject({ ok: true, flinkVersion: '1.20.3' });
    expect(weir('cluster', 'rm', 'yarn-edge').code).toBe(0);
  });

  it('deploys a file, lists it, savepoints, stops with savepoint, restarts from it and cancels', async () => {
    const file = join(home, 'district-ticks.sql');
    writeFileSync(file, pgToKafkaScript(`weir-it-cli-${RUN}`));
    const deployed = json<{ jobId: string; jobName: string; status: string }>('deploy', file, '--cluster', 'Local', '--name', JOB, '--parallelism', '1');
    expect(deployed).toMatchObject({ jobName: JOB, status: 'CREATED' });

    let running = false;
    for (let i = 0; i < 120 && !running; i++) {
      const jobs = json<{ clusters: { jobs: { jobId: string; state: string; tasksRunning: number; tasksTotal: number }[] }[] }>('jobs', '--cluster', 'Local');
      const job = jobs.clusters[0]!.jobs.find((j) => j.jobId === deployed.jobId);
      running = job?.state === 'RUNNING' && job.tasksRunning === job.tasksTotal;
      if (!running) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(running).toBe(true);
    expect(weir('jobs').out).toContain(JOB);

    const savepoint = json<{ status: string; location: string }>('savepoint', deployed.jobId);
    expect(savepoint.status).toBe('completed');
    const stopped = json<{ savepoint: { location: string } }>('stop', JOB, '--savepoint');
    expect(stopped.savepoint.location).toMatch(/savepoint-/);
    const restarted = json<{ jobId: string; options: { fromSavepoint: string } }>('restart', deployed.jobId);
    expect(restarted.options.fromSavepoint).toBe(stopped.savepoint.location);
    expect((await jobsNamed(JOB)).map((j) => j.jid).sort()).toEqual([deployed.jobId, restarted.jobId].sort());
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let the restarted job's tasks start before the next savepoint

    // Deploy the file again (a new version), then roll back to the first deployment from the CLI.
    expect(weir('stop', JOB, '--savepoint').code).toBe(0);
    writeFileSync(file, pgToKafkaScript(`weir-it-cli-${RUN}`, 7));
    const second = json<{ id: number; jobId: string }>('deploy', file, '--cluster', 'Local', '--name', JOB, '--from-savepoint', 'latest');
    const listed = json<{ id: number; versionNumber: number }[]>('deployments', '--file', 'district-ticks.sql');
    expect(listed.map((d) => d.id).slice(0, 1)).toEqual([second.id]);
    expect(weir('deployments', '--cluster', 'Local').out).toMatch(/#\d+\s+Local\s+weir-it-cli-/);
    const first = listed.at(-1)!;
    const rolledBack = json<{ id: number; jobId: string; options: { allowNonRestoredState: boolean } }>('rollback', `#${first.id}`);
    expect(rolledBack.options.allowNonRestoredState).toBe(true);
    expect((await jobsNamed(JOB)).filter((j) => j.state === 'RUNNING' || j.state === 'CREATED' || j.state === 'INITIALIZING').map((j) => j.jid)).toEqual([rolledBack.jobId]);
    expect(weir('deployments', '--file', 'nope.sql').err).toContain('no SQL file named "nope.sql"');

    // By name: only one of the jobs is active, so the name is not ambiguous.
    const canceled = weir('cancel', JOB);
    expect(canceled.code, canceled.err).toBe(0);
    expect(canceled.out).toContain(rolledBack.jobId);

    const unknown = weir('stop', 'no-such-job');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No cluster has a job "no-such-job"');
  });
});
