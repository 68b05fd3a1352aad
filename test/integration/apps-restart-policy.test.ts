import { afterAll, describe, expect, it } from 'vitest';
import { cancelJobsNamed, FLINK, GATEWAY, jobsNamed, LOCAL_VARIABLES, ports, weirServices } from './weir-services.js';

/**
 * A job that fails on the real cluster (its JDBC sink table does not exist in PostgreSQL) is
 * restarted by its application's policy, at most N times within the window, each restart and
 * the giving up recorded in the application's history; nothing restarts it with the policy off.
 */
describe('restart policy of an application', () => {
  const RUN = Date.now().toString(36);
  const NAME = `weir-it-policy-${RUN}`;
  const { services } = weirServices({ jobTickMs: 500 });

  afterAll(async () => {
    services.close();
    await cancelJobsNamed(NAME);
  });

  it('restarts a failed run twice within the window, then gives up, all in the history', { timeout: 240_000 }, async () => {
    const clusterId = services.clusters.save({ name: 'Local', kind: 'standalone', restUrl: FLINK, gatewayUrl: GATEWAY, variables: LOCAL_VARIABLES }).id;
    const ws = services.workspaces.list()[0]!;
    const sql = `CREATE TEMPORARY TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
CREATE TEMPORARY TABLE gone (id BIGINT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://127.0.0.1:${ports.postgres}/city',
  'table-name' = 'no_such_table_${RUN}',
  'username' = 'weir',
  'password' = '\${pg_password}',
  'sink.buffer-flush.max-rows' = '1'
);
INSERT INTO gone SELECT id FROM ticks;
`;
    const file = services.files.create(ws.id, `${NAME}.sql`, sql);
    const first = await services.apps.deployFile(file.id, clusterId, {
      jobName: NAME,
      parallelism: 1,
      // Flink itself must not restart it: the policy under test does.
      flinkConfig: { 'restart-strategy.type': 'none' },
    });
    services.apps.setRestartPolicy(first.applicationId!, { mode: 'on-failure', maxRestarts: 2, windowMinutes: 10 });
    services.monitor.start();

    const deadline = Date.now() + 200_000;
    let detail = services.apps.show({ id: first.applicationId! });
    while (!detail.events.some((e) => e.kind === 'gave-up') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      detail = services.apps.show({ id: first.applicationId! });
    }
    services.monitor.stop();
    expect(detail.events.map((e) => e.kind)).toEqual(['gave-up', 'auto-restart', 'auto-restart']);
    // Three runs: the first and two restarts, each the child of the run it replaced.
    expect(detail.deployments).toHaveLength(3);
    expect(detail.deployments[2]!.id).toBe(first.id);
    expect(detail.deployments[1]!.parentId).toBe(first.id);
    expect(detail.deployments[0]!.parentId).toBe(detail.deployments[1]!.id);
    expect(detail.events[2]!.deploymentId).toBe(first.id);
    expect(detail.events[0]!.deploymentId).toBe(detail.deployments[0]!.id);
    const onCluster = await jobsNamed(NAME);
    expect(onCluster).toHaveLength(3);
    expect(onCluster.every((j) => j.state === 'FAILED')).toBe(true);
  });
});
