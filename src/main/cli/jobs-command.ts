import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import type { JobRow } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import { describeError } from '../../shared/i18n/translator.js';
import type { AppPaths } from '../app/app-paths.js';
import type { Services } from '../app/services.js';
import { printJson, printTable, withServices } from './cli-services.js';
import { writeOut } from './terminal-text.js';

/** `weir jobs`, `weir stop|cancel|savepoint|restart JOB`: one overview request per cluster. */
export async function jobsCommand(command: string, args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      cluster: { type: 'string' },
      savepoint: { type: 'boolean', default: false },
      drain: { type: 'boolean', default: false },
      'from-savepoint': { type: 'string', default: 'latest' },
    },
    allowPositionals: true,
    strict: true,
  });
  return withServices(paths, async (s) => {
    if (command === 'jobs') return listJobs(s, values.cluster, values.json!, t);
    const [job] = positionals;
    if (!job) throw new WeirError('cli.missing-argument', { argument: 'JOB' });
    const { clusterId, jobId } = await findJob(s, job, values.cluster);
    const out = (value: unknown, text: string) => (values.json ? printJson(value) : writeOut(text + '\n'));
    switch (command) {
      case 'stop': {
        const savepoint = await s.jobs.stop(clusterId, jobId, values.savepoint!, values.drain);
        out({ jobId, savepoint }, savepoint ? t.t('cli.jobs.stopped', { job: jobId, location: savepoint.location }) : t.t('cli.jobs.canceled', { job: jobId }));
        return 0;
      }
      case 'cancel':
        await s.jobs.cancel(clusterId, jobId);
        out({ jobId, canceled: true }, t.t('cli.jobs.canceled', { job: jobId }));
        return 0;
      case 'savepoint': {
        const savepoint = await s.jobs.savepoint(clusterId, jobId);
        out(savepoint, t.t('cli.jobs.savepoint', { job: jobId, location: savepoint.location }));
        return 0;
      }
      case 'restart': {
        const from = values['from-savepoint']!;
        const deployment = await s.jobs.restart(clusterId, jobId, from === 'latest' ? { kind: 'latest' } : from === 'none' ? { kind: 'none' } : { kind: 'path', path: from });
        out(deployment, t.t('cli.jobs.restarted', { job: jobId, newJob: deployment.jobId, savepoint: deployment.options.fromSavepoint ?? '-' }));
        return 0;
      }
      default:
        throw new WeirError('cli.bad-option', { option: 'weir', value: command });
    }
  });
}

async function listJobs(s: Services, clusterName: string | undefined, json: boolean, t: i18n): Promise<number> {
  const only = clusterName ? s.clusters.registry.byName(clusterName).id : undefined;
  const snapshot = await s.monitor.refresh(only);
  if (json) {
    printJson(snapshot);
  } else {
    const rows: string[][] = [];
    for (const c of snapshot.clusters) {
      if (!c.reachable && c.error) rows.push([c.clusterName, '-', '-', describeError(t, c.error).message, '', '']);
      for (const j of c.jobs) rows.push([c.clusterName, j.jobId, j.state, j.name, started(j), j.deploymentId ? `#${j.deploymentId}` : '']);
    }
    printTable(
      [t.t('cli.jobs.cluster'), t.t('cli.jobs.id'), t.t('cli.jobs.state'), t.t('cli.jobs.name'), t.t('cli.jobs.started'), t.t('cli.jobs.deployment')],
      rows,
    );
  }
  return snapshot.clusters.every((c) => c.reachable) ? 0 : 1;
}

function started(j: JobRow): string {
  return j.startTime > 0 ? new Date(j.startTime).toISOString().replace('T', ' ').slice(0, 19) : '';
}

/** A job by id (or unique name), on the named cluster or on whichever cluster has it. */
async function findJob(s: Services, job: string, clusterName: string | undefined): Promise<{ clusterId: number; jobId: string }> {
  const only = clusterName ? s.clusters.registry.byName(clusterName).id : undefined;
  const snapshot = await s.monitor.refresh(only);
  const matches = snapshot.clusters.flatMap((c) => c.jobs.filter((j) => j.jobId === job || j.name === job));
  const active = matches.filter((j) => !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state));
  const pick = matches.length === 1 ? matches : active;
  if (pick.length === 1) return { clusterId: pick[0]!.clusterId, jobId: pick[0]!.jobId };
  if (pick.length === 0 && matches.length === 0) throw new WeirError('cli.job-not-found', { job });
  throw new WeirError('cli.job-ambiguous', { job, count: Math.max(pick.length, matches.length) });
}
