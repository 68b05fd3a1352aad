import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import { WeirError } from '../../src/shared/errors/weir-error.js';
import { awaitJobState, cancelJobsNamed, FLINK, GATEWAY, LOCAL_VARIABLES, pgToKafkaScript, weirServices } from './weir-services.js';

/**
 * What stops a deploy before the cluster sees anything (the front end's check, variables the
 * cluster lacks, scripts that start no job or too many), and what the options and the job page
 * carry through to the real cluster (extra Flink configuration, checkpoints, logs).
 */
describe('deploy checks and job page data', () => {
  let services: Services;
  let clusterId: number;
  const RUN = Date.now().toString(36);

  beforeAll(() => {
    ({ services } = weirServices());
    clusterId = services.clusters.save({ name: 'Local', kind: 'standalone', restUrl: FLINK, gatewayUrl: GATEWAY, variables: LOCAL_VARIABLES }).id;
    services.settings.update({ locale: 'zh-CN' });
  });

  afterAll(async () => {
    await cancelJobsNamed(`weir-it-checks-${RUN}`);
    services.close();
  });

  async function refused(sql: string, options: { path?: 'runner' | 'gateway' } = {}): Promise<WeirError> {
    const ws = services.workspaces.list()[0]!;
    const file = services.files.create(ws.id, `bad-${Math.random().toString(36).slice(2)}.sql`, sql);
    try {
      await services.deploy.deployFile(file.id, clusterId, options);
    } catch (error) {
      expect(services.deployments.list({ fileId: file.id })).toEqual([]);
      return error as WeirError;
    }
    throw new Error('the deploy should have been refused');
  }

  it('refuses a script with errors, listing them in the chosen language with line and column', async () => {
    const sql = pgToKafkaScript('t').replace('SELECT t.id, t.code, d.district_name', 'SELECT t.id, t.code, d.district_nam');
    const error = await refused(sql);
    expect(error.code).toBe('deploy.check-failed');
    expect(error.params.count).toBe(1);
    expect(error.details[0]).toMatch(/^\d+:\d+ /);
    expect(error.details[0]).toContain('district_nam');
    expect(error.details[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses placeholders the cluster has no value for, naming them', async () => {
    const error = await refused(pgToKafkaScript('t').replace("'format' = 'json'", "'format' = '${format}'"));
    expect(error.code).toBe('deploy.missing-variables');
    expect(error.params).toMatchObject({ cluster: 'Local', names: 'format' });
    expect(error.details[0]).toMatch(/^\d+:\d+ \$\{format\}$/);
  });

  it('refuses a script that starts no job, and two jobs through the gateway', async () => {
    expect((await refused("CREATE TABLE t (x INT) WITH ('connector' = 'datagen');")).code).toBe('deploy.no-job');
    const two = `CREATE TEMPORARY TABLE s (x INT) WITH ('connector' = 'datagen');
CREATE TEMPORARY TABLE k (x INT) WITH ('connector' = 'blackhole');
INSERT INTO k SELECT x FROM s;
INSERT INTO k SELECT x + 1 FROM s;`;
    expect((await refused(two, { path: 'gateway' })).code).toBe('deploy.many-jobs');
  });

  it('refuses a leftover SELECT or SHOW before anything is uploaded, with line and column', async () => {
    const sql = `${pgToKafkaScript('t')}\nSELECT * FROM ticks;\nSHOW TABLES;\n`;
    const error = await refused(sql);
    expect(error.code).toBe('deploy.not-job-statements');
    expect(error.params).toMatchObject({ count: 2, kinds: 'SELECT, SHOW' });
    expect(error.details[0]).toMatch(/^\d+:1 SELECT: SELECT \* FROM ticks;$/);
  });

  it("shows a cluster's Java error by its root cause, the stack trace kept apart", async () => {
    const ws = services.workspaces.list()[0]!;
    const sql = `CREATE TEMPORARY TABLE s (x INT) WITH ('connector' = 'datagen');
CREATE TEMPORARY TABLE k (x INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:nosuchdb://127.0.0.1/db', 'table-name' = 't');
INSERT INTO k SELECT x FROM s;`;
    const file = services.files.create(ws.id, 'java-error.sql', sql);
    const error = await services.apps.deployFile(file.id, clusterId, { jobName: `weir-it-checks-${RUN}-bad` }).then(
      () => null,
      (e: unknown) => e as WeirError,
    );
    expect(error?.code).toBe('cluster.http-error');
    expect(error!.details[0]).toMatch(/jdbc:nosuchdb.*\(\w+Exception\)$/);
    expect(error!.trace.length).toBeGreaterThan(5);
    expect(error!.trace.some((l) => l.trim().startsWith('at '))).toBe(true);
    // Labelled failed everywhere: the deployment, the application's current run, the file's history.
    const [deployment] = services.deployments.list({ fileId: file.id });
    expect(deployment!.status).toBe('failed');
    expect(services.apps.show({ name: `weir-it-checks-${RUN}-bad` }).current?.status).toBe('failed');
    expect(services.files.history(file.id).find((v) => v.kind === 'deploy')?.deployStatus).toBe('failed');
  });

  it('passes extra Flink configuration to the job, and the job page shows checkpoints and logs', async () => {
    const ws = services.workspaces.list()[0]!;
    const file = services.files.create(ws.id, 'checkpointed.sql', pgToKafkaScript(`weir-it-checks-${RUN}`));
    const deployment = await services.deploy.deployFile(file.id, clusterId, {
      jobName: `weir-it-checks-${RUN}`,
      flinkConfig: { 'execution.checkpointing.interval': '1 s' },
    });
    await awaitJobState(services, clusterId, deployment.jobId!, ['RUNNING']);
    const deadline = Date.now() + 60_000;
    let detail = await services.jobDetails.get(clusterId, deployment.jobId!);
    while (detail.checkpoints.completed < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      detail = await services.jobDetails.get(clusterId, deployment.jobId!);
    }
    expect(detail.checkpoints.completed).toBeGreaterThanOrEqual(2);
    expect(detail.checkpoints.latest?.path).toMatch(/^file:.*chk-\d+$/);
    expect(detail.checkpoints.latest?.sizeBytes).toBeGreaterThan(0);

    const logs = await services.jobDetails.logs(clusterId);
    // The local stack keeps every part's log in one folder, which the JobManager lists whole.
    const jmLog = logs.find((l) => l.source === 'jobmanager' && l.name === 'flink-jobmanager.log');
    expect(jmLog).toBeDefined();
    expect(logs.some((l) => l.source !== 'jobmanager')).toBe(true);
    const text = await services.jobDetails.logFile(clusterId, 'jobmanager', jmLog!.name);
    expect(text).toContain(deployment.jobId!);
  });
});
