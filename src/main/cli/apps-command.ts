import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { restartPolicySchema, type Application, type RestartPolicy } from '../../shared/contract/apps-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { AppPaths } from '../app/app-paths.js';
import { printJson, printTable, withServices } from './cli-services.js';

/**
 * `weir apps [--cluster NAME]`: applications with their current run; `weir app show NAME`: one
 * application's runs, savepoints and automatic actions; `weir app policy NAME --restart off|N
 * [--window MINUTES]`: its restart policy. The clusters are asked first, so states are current.
 */
export async function appsCommand(command: 'apps' | 'app', args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, cluster: { type: 'string' }, restart: { type: 'string' }, window: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  return withServices(paths, async (s) => {
    const clusterId = values.cluster ? s.clusters.registry.byName(values.cluster).id : undefined;
    await s.monitor.refresh(clusterId);
    if (command === 'apps') {
      const apps = s.apps.list({ clusterId });
      if (values.json) printJson(apps);
      else printTable(
        [t.t('cli.apps.name'), t.t('cli.jobs.cluster'), t.t('cli.jobs.state'), t.t('cli.apps.current'), t.t('cli.apps.runs'), t.t('cli.apps.file'), t.t('cli.apps.updated')],
        apps.map((a) => [a.name, a.clusterName, state(a), a.current?.jobId ?? '', String(a.runs), a.fileName ?? '', a.updatedAt.replace('T', ' ').slice(0, 19)]),
      );
      return 0;
    }
    const [sub, name] = positionals;
    if ((sub !== 'show' && sub !== 'policy') || !name) throw new WeirError('cli.missing-argument', { argument: 'weir app show|policy NAME' });
    if (sub === 'policy') {
      const target = s.apps.show({ name, clusterId });
      const updated = s.apps.setRestartPolicy(target.id, restartPolicy(values.restart, values.window));
      if (values.json) printJson(updated);
      else process.stdout.write(`${t.t('cli.apps.policy', { name: updated.name, cluster: updated.clusterName, policy: policyText(t, updated) })}\n`);
      return 0;
    }
    const app = s.apps.show({ name, clusterId });
    if (values.json) {
      printJson(app);
      return 0;
    }
    const none = t.t('cli.apps.none');
    const out: string[] = [
      t.t('cli.apps.show', { name: app.name, cluster: app.clusterName, kind: app.kind, file: app.fileName ?? none, state: state(app), job: app.current?.jobId ?? none }),
      t.t('cli.apps.policyLine', { policy: policyText(t, app) }),
      '',
      t.t('cli.apps.runsTitle'),
    ];
    process.stdout.write(out.join('\n') + '\n');
    printTable(
      [t.t('cli.deployments.id'), t.t('cli.jobs.state'), t.t('cli.jobs.id'), t.t('cli.deployments.version'), t.t('cli.deployments.at')],
      app.deployments.map((d) => [
        `#${d.id}`,
        d.status,
        d.jobId ?? '',
        d.versionNumber !== null ? `v${d.versionNumber}` : d.path,
        d.createdAt.replace('T', ' ').slice(0, 19),
      ]),
    );
    process.stdout.write(`\n${t.t('cli.apps.savepointsTitle')}\n`);
    for (const p of app.savepoints) process.stdout.write(`  ${p.createdAt.replace('T', ' ').slice(0, 19)}  ${p.kind}  ${p.status}  ${p.location ?? p.error ?? ''}\n`);
    if (app.savepoints.length === 0) process.stdout.write(`  ${none}\n`);
    process.stdout.write(`\n${t.t('cli.apps.eventsTitle')}\n`);
    for (const e of app.events) process.stdout.write(`  ${e.createdAt.replace('T', ' ').slice(0, 19)}  ${e.kind}  #${e.deploymentId ?? ''}  ${e.detail}\n`);
    if (app.events.length === 0) process.stdout.write(`  ${none}\n`);
    return 0;
  });
}

/** `--restart off`, or `--restart N [--window MINUTES]` (default 30 minutes). */
function restartPolicy(restart: string | undefined, window: string | undefined): RestartPolicy {
  if (restart === 'off') return { mode: 'off' };
  const parsed = restartPolicySchema.safeParse({ mode: 'on-failure', maxRestarts: Number(restart), windowMinutes: Number(window ?? 30) });
  if (!parsed.success) throw new WeirError('cli.bad-option', { option: '--restart / --window', value: `${restart ?? ''} ${window ?? ''}`.trim() });
  return parsed.data;
}

function policyText(t: i18n, a: Application): string {
  const p = a.restartPolicy;
  return p.mode === 'off' ? t.t('cli.apps.policyOff') : t.t('cli.apps.policyOn', { count: p.maxRestarts, minutes: p.windowMinutes });
}

function state(a: Application): string {
  return a.current?.status ?? '';
}
