import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { fileName } from '../../shared/contract/contract.js';
import { deployOptionsSchema, type Deployment, type DeployOptions } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { AppPaths } from '../app/app-paths.js';
import { printJson, withServices } from './cli-services.js';
import { readSqlInput } from './input/read-sql-input.js';
import { writeOut } from './terminal-text.js';

/**
 * `weir deploy FILE --cluster NAME [...]`: the file's content goes into the catalog as the SQL
 * file of that name in the default workspace (created or saved as a new version), then deploys
 * exactly like the workbench does, so history, restart and rollback work for CLI deploys too.
 * A running application is upgraded only with `--upgrade`, doubled only with `--new-instance`.
 */
export async function deployCommand(args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      cluster: { type: 'string' },
      name: { type: 'string' },
      parallelism: { type: 'string' },
      'from-savepoint': { type: 'string' },
      'allow-non-restored-state': { type: 'boolean', default: false },
      path: { type: 'string', default: 'runner' },
      conf: { type: 'string', multiple: true, default: [] },
      'entry-class': { type: 'string' },
      arg: { type: 'string', multiple: true, default: [] },
      upgrade: { type: 'boolean', default: false },
      'new-instance': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!file) throw new WeirError('cli.missing-files', { command: 'deploy' });
  if (!values.cluster) throw new WeirError('cli.missing-argument', { argument: '--cluster NAME' });
  const options = deployOptions(values);
  if (values.upgrade && values['new-instance']) throw new WeirError('cli.bad-option', { option: '--upgrade', value: '--new-instance' });
  // Without a mode, a running application (or a job of that name) makes the deploy refuse.
  const mode = values.upgrade ? ('upgrade' as const) : values['new-instance'] ? ('new-instance' as const) : undefined;
  const report = (d: Deployment): number => {
    if (values.json) printJson(d);
    else writeOut(t.t('cli.deploy.done', { job: d.jobId, name: d.jobName, cluster: d.clusterName, id: d.id }) + '\n');
    return 0;
  };
  if (/\.jar$/i.test(file)) {
    // A custom jar job: its entry class and arguments, the same fixed-id submission.
    return withServices(paths, async (s) => {
      const cluster = s.clusters.registry.byName(values.cluster!);
      const jar = { jarPath: resolve(file), args: values.arg!, ...(values['entry-class'] ? { entryClass: values['entry-class'] } : {}) };
      const deployment = await s.apps.deployJar(cluster.id, jar, options, mode);
      return report(deployment);
    });
  }
  const content = await readSqlInput(file);
  const name = catalogFileName(basename(file));
  return withServices(paths, async (s) => {
    const cluster = s.clusters.registry.byName(values.cluster!);
    const workspace = s.workspaces.list()[0]!;
    const existing = s.files.list(workspace.id).find((f) => f.name === name);
    const fileId = existing ? existing.id : s.files.create(workspace.id, name, content).id;
    if (existing) s.files.save(existing.id, content, 'manual');
    const deployment = await s.apps.deployFile(fileId, cluster.id, options, mode);
    return report(deployment);
  });
}

/** The name a deployed file keeps in the catalog: the file's own name, or a clear error. */
function catalogFileName(base: string): string {
  const parsed = fileName.safeParse(base);
  if (parsed.success) return parsed.data;
  throw new WeirError('cli.bad-file-name', { name: base });
}

type Values = { [key: string]: string | boolean | string[] | undefined };

function deployOptions(values: Values): DeployOptions {
  const conf = values.conf as string[];
  const parsed = deployOptionsSchema.safeParse({
    path: values.path,
    ...(values.name ? { jobName: values.name } : {}),
    ...(values.parallelism ? { parallelism: Number(values.parallelism) } : {}),
    ...(values['from-savepoint'] ? { fromSavepoint: values['from-savepoint'] } : {}),
    allowNonRestoredState: values['allow-non-restored-state'],
    flinkConfig: Object.fromEntries(
      conf.map((kv) => {
        const at = kv.indexOf('=');
        if (at <= 0) throw new WeirError('cli.bad-option', { option: '--conf', value: kv });
        return [kv.slice(0, at).trim(), kv.slice(at + 1).trim()];
      }),
    ),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const given = issue.path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), values);
    throw new WeirError('cli.bad-option', { option: `--${issue.path.join('.')}`, value: given === undefined ? '' : String(given) }, { details: [issue.message] });
  }
  return parsed.data;
}
