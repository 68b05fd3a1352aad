import type { CallName, CallOutput, ParsedInput } from '../../shared/contract/contract.js';
import { redactingHandlers } from './redacting-handlers.js';
import type { Services } from '../app/services.js';

/** One handler per contract call; inputs arrive already validated by the dispatcher. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

export function createHandlers(s: Services): Handlers {
  return redactingHandlers(s.redactor, {
    'app.info': () => s.info(),
    'workspaces.list': () => s.workspaces.list(),
    'files.list': ({ workspaceId }) => s.files.list(workspaceId),
    'files.create': ({ workspaceId, name, content }) => s.files.create(workspaceId, name, content),
    'files.read': ({ id }) => s.files.read(id),
    'files.save': ({ id, content, kind }) => s.files.save(id, content, kind),
    'files.rename': ({ id, name }) => s.files.rename(id, name),
    'files.delete': ({ id }) => s.files.delete(id),
    'files.history': ({ id }) => s.files.history(id),
    'files.version': ({ versionId }) => s.files.version(versionId),
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
    'stack.status': () => s.stack.status(),
    'stack.up': () => s.stack.up(),

    'clusters.list': () => s.clusters.list(),
    'clusters.save': ({ id, cluster }) => s.clusters.save(cluster, id),
    'clusters.remove': ({ id }) => s.clusters.remove(id),
    'clusters.test': ({ id }) => s.clusters.test(id),
    'clusters.trustHostKey': ({ id, keyType, fingerprint }) => s.clusters.trustHostKey(id, keyType, fingerprint),

    'deploy.file': ({ fileId, clusterId, options, mode }) => s.apps.deployFile(fileId, clusterId, options, mode),
    'deploy.plan': ({ fileId, clusterId, options }) => s.apps.plan(fileId, clusterId, options),
    'deploy.jar': ({ clusterId, jar, options, mode }) => s.apps.deployJar(clusterId, jar, options, mode),
    'apps.list': ({ clusterId }) => s.apps.list({ clusterId }),
    'apps.show': ({ id }) => s.apps.show({ id }),
    'apps.setRestartPolicy': ({ id, policy }) => s.apps.setRestartPolicy(id, policy),
    'deploy.retry': ({ deploymentId }) => s.deploy.retry(deploymentId),
    'deployments.list': (filter) => s.deployments.list(filter),
    'deployments.sql': ({ id }) => ({ sql: s.deployments.sqlText(id) }),

    'jobs.list': () => s.monitor.snapshot(),
    'jobs.detail': ({ clusterId, jobId }) => s.jobDetails.get(clusterId, jobId),
    'jobs.stop': async ({ clusterId, jobId, savepoint, drain }) => ({ savepoint: await s.jobs.stop(clusterId, jobId, savepoint, drain) }),
    'jobs.savepointTarget': async ({ clusterId, jobId }) => ({ directory: await s.jobDetails.savepointTarget(clusterId, jobId) }),
    'jobs.cancel': async ({ clusterId, jobId }) => {
      await s.jobs.cancel(clusterId, jobId);
      return { canceled: true };
    },
    'jobs.savepoint': ({ clusterId, jobId }) => s.jobs.savepoint(clusterId, jobId),
    'jobs.restart': ({ clusterId, jobId, fromSavepoint }) =>
      s.jobs.restart(
        clusterId,
        jobId,
        fromSavepoint === 'latest' ? { kind: 'latest' } : fromSavepoint === 'none' ? { kind: 'none' } : { kind: 'path', path: fromSavepoint },
      ),
    'jobs.rollback': ({ deploymentId }) => s.jobs.rollback(deploymentId),
    'jobs.logs': ({ clusterId }) => s.jobDetails.logs(clusterId),
    'jobs.logFile': async ({ clusterId, source, name }) => ({ text: await s.jobDetails.logFile(clusterId, source, name) }),

    'preview.start': ({ clusterId, sql, maxRows, name }) => s.preview.start(clusterId, sql, maxRows, name),
    'preview.cancel': ({ previewId }) => s.preview.cancel(previewId),
  });
}
