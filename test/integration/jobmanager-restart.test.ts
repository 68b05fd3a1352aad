import { join } from 'node:path';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import { createStackParts } from '../../src/main/stack/parts.js';
import { stackPaths, stackPorts } from '../../src/main/stack/stack-config.js';
import { stackDown, stackUp } from '../../src/main/stack/stack.js';
import { WeirError } from '../../src/shared/errors/weir-error.js';
import { awaitJobState, FLINK, GATEWAY, jobsNamed, LOCAL_VARIABLES, pgToKafkaScript, ROOT, weirServices } from './weir-services.js';

/**
 * The real JobManager process stopped and started again (no proxy): a deploy made while it is
 * down fails clearly and is kept; the monitor shows the cluster unreachable, not stale states;
 * when it is back, the job it lost (a session cluster without HA forgets its jobs) is marked LOST
 * and the kept deploy is submitted once with its fixed id.
 */
describe('JobManager stopped and restarted', () => {
  let services: Services;
  let clusterId: number;
  const RUN = Date.now().toString(36);
  const paths = stackPaths(join(ROOT, 'resources'), process.env);
  const parts = createStackParts(paths, stackPorts());
  const quiet = () => undefined;

  /** Until the JobManager answers with a TaskManager registered and its slots free again. */
  async function clusterReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const o = (await (await fetch(`${FLINK}/overview`)).json()) as { taskmanagers: number; 'slots-available': number };
        if (o.taskmanagers >= 1 && o['slots-available'] >= 2) return;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error('the JobManager did not come back with a TaskManager');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  beforeAll(() => {
    ({ services } = weirServices());
    clusterId = services.clusters.save({ name: 'Local', kind: 'standalone', restUrl: FLINK, gatewayUrl: GATEWAY, variables: LOCAL_VARIABLES }).id;
  });

  afterAll(async () => {
    // Leave the stack as the other tests expect it, whatever happened above.
    await stackUp(paths, parts, quiet);
    await clusterReady();
    services.close();
  });

  it('keeps running jobs honest across a JobManager restart and submits a kept deploy once', async () => {
    const ws = services.workspaces.list()[0]!;
    const before = services.files.create(ws.id, 'before-restart.sql', pgToKafkaScript(`weir-it-jm-${RUN}`));
    const running = await services.deploy.deployFile(before.id, clusterId, { jobName: `weir-it-jm-before-${RUN}` });
    await awaitJobState(services, clusterId, running.jobId!, ['RUNNING']);

    await stackDown(parts, quiet, ['flink-jobmanager']);
    const down = (await services.monitor.refresh(clusterId)).clusters[0]!;
    expect(down).toMatchObject({ reachable: false, jobs: [] });
    expect(down.error?.code).toBe('cluster.unreachable');
    expect(services.deployments.get(running.id).status).toBe('RUNNING');

    const during = services.files.create(ws.id, 'during-restart.sql', pgToKafkaScript(`weir-it-jm-${RUN}`));
    let error: unknown;
    try {
      await services.deploy.deployFile(during.id, clusterId, { jobName: `weir-it-jm-during-${RUN}` });
    } catch (e) {
      error = e;
    }
    expect((error as WeirError).code).toBe('cluster.unreachable');
    const kept = services.deployments.list({ fileId: during.id })[0]!;
    expect(kept.status).toBe('submitting');

    await stackUp(paths, parts, quiet, ['flink-jobmanager']);
    await clusterReady();
    await services.monitor.refresh(clusterId);
    expect(services.deployments.get(running.id).status).toBe('LOST');

    const retried = await services.deploy.retry(kept.id);
    expect(retried.jobId).toBe(kept.jobId);
    await awaitJobState(services, clusterId, kept.jobId!, ['RUNNING']);
    expect(await jobsNamed(`weir-it-jm-during-${RUN}`)).toEqual([{ jid: kept.jobId, state: 'RUNNING' }]);
    await services.jobs.cancel(clusterId, kept.jobId!);
  });
});
