import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/main/app/services.js';
import type { ClusterView } from '../../src/shared/contract/clusters-schema.js';
import { WeirError } from '../../src/shared/errors/weir-error.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { awaitJobState, cancelJobsNamed, FLINK, jobsNamed, LOCAL_VARIABLES, pgToKafkaScript, weirServices } from './weir-services.js';

/**
 * Faults between Weir and a real JobManager, injected by a proxy in front of it: a reply that is
 * HTML, a 30 s stall, a reply lost after the request got through, a JobManager that is down
 * during deploy and during monitoring. Each gives a clear error, never a duplicate job, and the
 * state is reconciled once the cluster answers again. Each test stands alone: it deploys its own
 * job and counts only its own requests.
 */
describe('cluster faults', () => {
  let services: Services;
  let proxy: FaultProxy;
  let cluster: ClusterView;
  const RUN = Date.now().toString(36);

  async function caught(fn: () => Promise<unknown>): Promise<WeirError> {
    try {
      await fn();
    } catch (error) {
      if (error instanceof WeirError) return error;
      throw error;
    }
    throw new Error('expected a WeirError');
  }

  function deployFile(name: string, jobName: string) {
    const ws = services.workspaces.list()[0]!;
    const file = services.files.create(ws.id, name, pgToKafkaScript(`weir-it-faults-${RUN}`));
    return { file, deploy: () => services.deploy.deployFile(file.id, cluster.id, { jobName }) };
  }

  beforeAll(async () => {
    ({ services } = weirServices());
    proxy = await startFaultProxy(FLINK);
    cluster = services.clusters.save({ name: 'Flaky', kind: 'standalone', restUrl: proxy.url, variables: LOCAL_VARIABLES });
  });

  beforeEach(async () => {
    await proxy.set({ kind: 'none' });
  });

  afterAll(async () => {
    await proxy.set({ kind: 'none' });
    await cancelJobsNamed(`weir-it-fault-`);
    await proxy.close();
    services.close();
  });

  it('names the cluster and the call when a proxy answers with an HTML page', async () => {
    await proxy.set({ kind: 'html' });
    const result = await services.clusters.test(cluster.id);
    expect(result.ok).toBe(false);
    expect(result.rest?.error).toMatchObject({ code: 'cluster.bad-reply', params: { cluster: 'Flaky', got: 'errors.cluster.bad-reply.got-html' } });
    expect(String(result.rest?.error?.params.call)).toMatch(/^GET \/(config|overview)$/);
    expect(result.rest?.error?.details?.[0]).toContain('Please sign in');
  });

  it('gives up on a 30 s stall with a timeout error instead of hanging', async () => {
    await proxy.set({ kind: 'stall', ms: 30_000 }, /^GET \/jobs\/overview/);
    const started = Date.now();
    const snapshot = await services.monitor.refresh(cluster.id);
    const flaky = snapshot.clusters.find((c) => c.clusterId === cluster.id)!;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(flaky).toMatchObject({ reachable: false, jobs: [] });
    expect(flaky.error).toMatchObject({ code: 'cluster.timeout', params: { cluster: 'Flaky', call: 'GET /jobs/overview' } });
    await proxy.set({ kind: 'none' });
    expect((await services.monitor.refresh(cluster.id)).clusters.find((c) => c.clusterId === cluster.id)?.reachable).toBe(true);
  });

  it('starts exactly one job when the reply to the submission is lost', async () => {
    const jobName = `weir-it-fault-lost-${RUN}`;
    const { deploy } = deployFile('lost-reply.sql', jobName);
    const from = proxy.seen.length; // only this test's requests count
    await proxy.set({ kind: 'lose-reply' }, /^POST \/jars\/[^/]+\/run/);
    const deployment = await deploy();
    await proxy.set({ kind: 'none' });
    // Weir asked for its fixed id after the lost reply and found the job: no second submission.
    const seen = proxy.seen.slice(from);
    expect(seen.filter((l) => /^POST \/jars\/[^/]+\/run/.test(l))).toHaveLength(1);
    expect(seen.some((l) => l.startsWith(`GET /jobs/${deployment.jobId}`))).toBe(true);
    await awaitJobState(services, cluster.id, deployment.jobId!, ['RUNNING']);
    expect(await jobsNamed(jobName)).toEqual([{ jid: deployment.jobId, state: 'RUNNING' }]);
  });

  it('keeps a deploy made while the JobManager is down, and submits it once when asked again', async () => {
    const jobName = `weir-it-fault-down-${RUN}`;
    const { file, deploy } = deployFile('down.sql', jobName);
    await proxy.set({ kind: 'down' });
    const error = await caught(deploy);
    expect(error.code).toBe('cluster.unreachable');
    expect(error.params.cluster).toBe('Flaky');
    const pending = services.deployments.list({ fileId: file.id })[0]!;
    expect(pending.status).toBe('submitting');
    expect(pending.error).toContain('cluster.unreachable');

    await proxy.set({ kind: 'none' });
    const retried = await services.deploy.retry(pending.id);
    expect(retried.jobId).toBe(pending.jobId);
    await awaitJobState(services, cluster.id, pending.jobId!, ['RUNNING']);
    // Asking again once it runs is refused rather than starting a second job.
    expect((await caught(() => services.deploy.retry(pending.id))).code).toBe('deploy.not-retryable');
    expect(await jobsNamed(jobName)).toEqual([{ jid: pending.jobId, state: 'RUNNING' }]);
  });

  it('shows a JobManager that stops answering as unreachable, not its jobs as running, and reconciles when it is back', async () => {
    // A job of its own, so the test stands alone (in any order, or run by itself).
    await proxy.set({ kind: 'none' });
    const running = await deployFile('reconcile.sql', `weir-it-fault-reconcile-${RUN}`).deploy();
    await awaitJobState(services, cluster.id, running.jobId!, ['RUNNING']);
    expect(services.deployments.get(running.id).status).toBe('RUNNING');
    await proxy.set({ kind: 'down' });
    const down = (await services.monitor.refresh(cluster.id)).clusters.find((c) => c.clusterId === cluster.id)!;
    expect(down).toMatchObject({ reachable: false, jobs: [] });
    expect(down.error?.code).toBe('cluster.unreachable');
    // The catalog keeps the last state the cluster reported; nothing is marked lost while unreachable.
    expect(services.deployments.get(running.id).status).toBe('RUNNING');

    // Meanwhile the job is canceled on the cluster behind Weir's back.
    await fetch(`${FLINK}/jobs/${running.jobId}?mode=cancel`, { method: 'PATCH' });
    await proxy.set({ kind: 'none' });
    await awaitJobState(services, cluster.id, running.jobId!, ['CANCELED']);
    expect(services.deployments.get(running.id).status).toBe('CANCELED');
  });
});
