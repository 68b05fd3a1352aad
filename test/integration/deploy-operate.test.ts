import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import type { ClusterView } from '../../src/shared/contract/clusters-schema.js';
import { WeirError } from '../../src/shared/errors/weir-error.js';
import { GatewaySession } from './gateway-session.js';
import {
  ROOT,
  awaitJobState,
  cancelJobsNamed,
  FLINK,
  GATEWAY,
  jobsNamed,
  LOCAL_VARIABLES,
  pgToKafkaScript,
  weirServices,
} from './weir-services.js';

/**
 * Step 3 of the main job against the real session cluster: register it, deploy a PostgreSQL →
 * Kafka script through both paths, savepoint, stop with savepoint, restart from it, roll back.
 */
describe('deploy and operate on the local cluster', () => {
  let services: Services;
  let home: string;
  let cluster: ClusterView;
  const AUTH = `Bearer weir-it-token-${Date.now()}`;
  // The cluster remembers finished jobs: names unique to this run keep the counts exact.
  const RUN = Date.now().toString(36);
  const RUNNER_JOB = `weir-it-runner-${RUN}`;
  const GATEWAY_JOB = `weir-it-gateway-${RUN}`;
  const JAR_JOB = `weir-it-jar-${RUN}`;

  beforeAll(() => {
    ({ services, home } = weirServices());
    cluster = services.clusters.save({
      name: 'Local',
      kind: 'standalone',
      restUrl: FLINK,
      gatewayUrl: GATEWAY,
      // Flink ignores it; it proves a configured header travels without being stored in clear.
      authHeader: { name: 'Authorization', value: AUTH },
      variables: LOCAL_VARIABLES,
    });
  });

  afterAll(async () => {
    await cancelJobsNamed('weir-it-');
    services.close();
  });

  it('tests the connection: Flink version, capacity and the gateway', async () => {
    const result = await services.clusters.test(cluster.id);
    expect(result.ok).toBe(true);
    expect(result.rest?.overview?.flinkVersion).toBe('1.20.3');
    expect(result.rest?.overview?.taskManagers).toBe(1);
    expect(result.rest?.overview?.slotsTotal).toBe(4);
    expect(result.gateway?.version).toBe('1.20.3');
  });

  it('deploys with the runner jar under the job id it fixed, then savepoints, stops and restarts from the savepoint', async () => {
    const ws = services.workspaces.list()[0]!;
    const file = services.files.create(ws.id, 'district-ticks.sql', pgToKafkaScript(`weir-it-runner-${Date.now()}`));
    const deployment = await services.deploy.deployFile(file.id, cluster.id, { jobName: RUNNER_JOB, parallelism: 1 });
    expect(deployment.jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(await awaitJobState(services, cluster.id, deployment.jobId!, ['RUNNING'])).toBe('RUNNING');
    expect(await jobsNamed(RUNNER_JOB)).toEqual([{ jid: deployment.jobId, state: 'RUNNING' }]);

    // The deployed content is a `deploy` version; the frozen SQL keeps the secret as a placeholder.
    const history = services.files.history(file.id);
    expect(history.find((v) => v.id === deployment.versionId)?.kind).toBe('deploy');
    const frozen = services.deployments.sqlText(deployment.id);
    expect(frozen).toContain("'password' = '${pg_password}'");
    expect(frozen).toContain(`'properties.bootstrap.servers' = '${LOCAL_VARIABLES[0]!.value}'`);

    const savepoint = await services.jobs.savepoint(cluster.id, deployment.jobId!);
    expect(savepoint).toMatchObject({ status: 'completed', kind: 'savepoint' });
    expect(savepoint.location).toMatch(/^file:.*savepoint-/);

    const stop = await services.jobs.stop(cluster.id, deployment.jobId!, true);
    expect(stop?.status).toBe('completed');
    expect(await awaitJobState(services, cluster.id, deployment.jobId!, ['FINISHED'])).toBe('FINISHED');
    expect(services.deployments.get(deployment.id).status).toBe('FINISHED');

    const restarted = await services.jobs.restart(cluster.id, deployment.jobId!, { kind: 'latest' });
    expect(restarted.parentId).toBe(deployment.id);
    expect(restarted.versionId).toBe(deployment.versionId);
    expect(restarted.options.fromSavepoint).toBe(stop!.location);
    expect(await awaitJobState(services, cluster.id, restarted.jobId!, ['RUNNING'])).toBe('RUNNING');
    const detail = await services.jobDetails.get(cluster.id, restarted.jobId!);
    expect(detail.checkpoints.restoredFrom).toBe(stop!.location);
    expect(detail.vertices.map((v) => v.parallelism)).toEqual([1, 1]);
    expect(detail.stateHistory.map((s) => s.state)).toContain('RUNNING');
    expect(detail.deployment?.id).toBe(restarted.id);
    await services.jobs.cancel(cluster.id, restarted.jobId!);
    expect(await awaitJobState(services, cluster.id, restarted.jobId!, ['CANCELED'])).toBe('CANCELED');
  });

  it('deploys through the SQL Gateway, deploys a new version from the latest savepoint and rolls back to the first', async () => {
    const ws = services.workspaces.list()[0]!;
    const topic = `weir-it-gateway-${Date.now()}`;
    const file = services.files.create(ws.id, 'district-ticks-gw.sql', pgToKafkaScript(topic, 5));
    const first = await services.deploy.deployFile(file.id, cluster.id, { path: 'gateway', jobName: GATEWAY_JOB });
    await awaitJobState(services, cluster.id, first.jobId!, ['RUNNING']);
    expect(await jobsNamed(GATEWAY_JOB)).toEqual([{ jid: first.jobId, state: 'RUNNING' }]);
    const stop = await services.jobs.stop(cluster.id, first.jobId!, true);

    services.files.save(file.id, pgToKafkaScript(topic, 7), 'manual');
    const second = await services.deploy.deployFile(file.id, cluster.id, { path: 'gateway', jobName: GATEWAY_JOB, fromSavepoint: 'latest' });
    expect(second.options.fromSavepoint).toBe(stop!.location);
    expect(second.versionNumber).toBeGreaterThan(first.versionNumber!);
    await awaitJobState(services, cluster.id, second.jobId!, ['RUNNING']);
    expect(services.deployments.sqlText(second.id)).toContain("'rows-per-second' = '7'");

    const rolledBack = await services.jobs.rollback(first.id);
    expect(services.deployments.sqlText(rolledBack.id)).toBe(services.deployments.sqlText(first.id));
    expect(rolledBack.options.allowNonRestoredState).toBe(true);
    await awaitJobState(services, cluster.id, second.jobId!, ['FINISHED']);
    await awaitJobState(services, cluster.id, rolledBack.jobId!, ['RUNNING']);
    const running = (await jobsNamed(GATEWAY_JOB)).filter((j) => j.state === 'RUNNING');
    expect(running).toEqual([{ jid: rolledBack.jobId, state: 'RUNNING' }]);
    const detail = await services.jobDetails.get(cluster.id, rolledBack.jobId!);
    expect(detail.checkpoints.restoredFrom).toMatch(/savepoint-/);
    // The page lists the savepoints of the runs this one came from: here the stop of the second.
    expect(detail.savepoints.map((s) => [s.jobId, s.kind, s.status])).toEqual([[second.jobId, 'stop', 'completed']]);
    expect(services.deployments.list({ fileId: file.id }).map((d) => d.id)).toEqual([rolledBack.id, second.id, first.id]);
  });

  it('deploys a custom jar job with its entry class and arguments, and restarts it from a savepoint', async () => {
    // Any user jar will do: Weir's own runner jar, named by its entry class, with a script argument.
    const jarPath = join(ROOT, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar');
    const script = "CREATE TEMPORARY TABLE s (x INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n" +
      "CREATE TEMPORARY TABLE k (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT x FROM s;\n";
    const jar = { jarPath, entryClass: 'dev.weir.runner.SqlRunner', args: ['--script', Buffer.from(script).toString('base64')] };
    const first = await services.deploy.deployJar(cluster.id, jar, { jobName: JAR_JOB, parallelism: 2 });
    expect(first.path).toBe('jar');
    await awaitJobState(services, cluster.id, first.jobId!, ['RUNNING']);
    expect(await jobsNamed(JAR_JOB)).toEqual([{ jid: first.jobId, state: 'RUNNING' }]);
    expect((await services.jobDetails.get(cluster.id, first.jobId!)).vertices.every((v) => v.parallelism === 2)).toBe(true);
    const again = await services.jobs.restart(cluster.id, first.jobId!, { kind: 'latest' });
    expect(again.path).toBe('jar');
    await awaitJobState(services, cluster.id, again.jobId!, ['RUNNING']);
    expect((await services.jobDetails.get(cluster.id, again.jobId!)).checkpoints.restoredFrom).toMatch(/savepoint-/);
    // The same jar job deployed again is its application's upgrade, never a second copy.
    const refused = await services.apps.deployJar(cluster.id, jar, { jobName: JAR_JOB, parallelism: 2 }).catch((e: unknown) => e as WeirError);
    expect((refused as WeirError).code).toBe('apps.running');
    const upgraded = await services.apps.deployJar(cluster.id, jar, { jobName: JAR_JOB, parallelism: 2 }, 'upgrade');
    await awaitJobState(services, cluster.id, upgraded.jobId!, ['RUNNING']);
    expect(upgraded.applicationId).toBe(first.applicationId);
    expect((await jobsNamed(JAR_JOB)).filter((j) => j.state === 'RUNNING').map((j) => j.jid)).toEqual([upgraded.jobId]);
    expect((await services.jobDetails.get(cluster.id, upgraded.jobId!)).checkpoints.restoredFrom).toBe(upgraded.options.fromSavepoint);
    await services.jobs.cancel(cluster.id, upgraded.jobId!);
  });

  it('lists jobs started outside Weir beside its own', async () => {
    const session = await GatewaySession.open(GATEWAY, { 'pipeline.name': `weir-it-outside-${RUN}` });
    try {
      await session.query("SELECT * FROM (VALUES (1), (2)) AS t (x)");
    } finally {
      await session.close();
    }
    const snapshot = await services.monitor.refresh();
    const local = snapshot.clusters.find((c) => c.clusterId === cluster.id)!;
    expect(local.reachable).toBe(true);
    expect(local.jobs.filter((j) => j.deploymentId !== null).length).toBeGreaterThanOrEqual(7);
    const outside = local.jobs.find((j) => j.name === `weir-it-outside-${RUN}`);
    expect(outside).toMatchObject({ deploymentId: null, state: 'FINISHED' });
  });

  it('keeps no secret in clear anywhere in its home', () => {
    const files = readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(join(f.parentPath, f.name));
      for (const form of [AUTH, Buffer.from(AUTH, 'utf8').toString('base64')]) {
        expect(bytes.includes(Buffer.from(form, 'utf8')), `${f.name} holds the auth header`).toBe(false);
        expect(bytes.includes(Buffer.from(form, 'utf16le')), `${f.name} holds the auth header (UTF-16)`).toBe(false);
      }
    }
  });
});
