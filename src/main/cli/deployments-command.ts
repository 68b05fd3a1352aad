import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { AppPaths } from '../app/app-paths.js';
import { printJson, printTable, withServices } from './cli-services.js';
import { writeOut } from './terminal-text.js';

/**
 * `weir deployments [--cluster NAME] [--file NAME]` lists what was deployed (newest first);
 * `weir rollback DEPLOYMENT` runs an earlier deployment's SQL again, starting from a savepoint
 * of the job it replaces, as the job page's Roll back does.
 */
export async function deploymentsCommand(command: 'deployments' | 'rollback', args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, cluster: { type: 'string' }, file: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  return withServices(paths, async (s) => {
    if (command === 'rollback') {
      const id = Number(positionals[0]?.replace(/^#/, ''));
      if (!Number.isInteger(id) || id <= 0) throw new WeirError('cli.missing-argument', { argument: 'DEPLOYMENT' });
      const deployment = await s.jobs.rollback(id);
      if (values.json) printJson(deployment);
      else writeOut(t.t('cli.deployments.rolledBack', { id, newId: deployment.id, job: deployment.jobId ?? '', savepoint: deployment.options.fromSavepoint ?? '-' }) + '\n');
      return 0;
    }
    const clusterId = values.cluster ? s.clusters.registry.byName(values.cluster).id : undefined;
    const workspace = s.workspaces.list()[0]!;
    const file = values.file ? s.files.list(workspace.id).find((f) => f.name === values.file) : undefined;
    if (values.file && !file) throw new WeirError('cli.no-such-file', { name: values.file });
    const list = s.deployments.list({ clusterId, fileId: file?.id });
    if (values.json) printJson(list);
    else
      printTable(
        [t.t('cli.deployments.id'), t.t('cli.jobs.cluster'), t.t('cli.jobs.name'), t.t('cli.deployments.version'), t.t('cli.jobs.state'), t.t('cli.jobs.id'), t.t('cli.deployments.at')],
        list.map((d) => [
          `#${d.id}`,
          d.clusterName,
          d.jobName,
          d.versionNumber !== null ? `${d.fileName ?? ''} v${d.versionNumber}` : d.path,
          d.status,
          d.jobId ?? '',
          d.createdAt.replace('T', ' ').slice(0, 19),
        ]),
      );
    return 0;
  });
}
