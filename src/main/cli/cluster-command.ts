import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { padDisplay } from '../../shared/i18n/display-width.js';
import { clusterInput, type ClusterTest } from '../../shared/contract/clusters-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import { describeError } from '../../shared/i18n/translator.js';
import type { AppPaths } from '../app/app-paths.js';
import { printJson, printTable, withServices } from './cli-services.js';
import { writeOut } from './terminal-text.js';

/**
 * `weir cluster add|list|test|trust|rm`. Secrets never come on the command line (other users
 * see it in `ps`): they are read from environment variables or files named by the options.
 */
export async function clusterCommand(args: string[], paths: AppPaths, t: i18n): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      kind: { type: 'string', default: 'standalone' },
      'rest-url': { type: 'string' },
      'gateway-url': { type: 'string' },
      'auth-header': { type: 'string' },
      'auth-value-env': { type: 'string' },
      'ca-file': { type: 'string' },
      insecure: { type: 'boolean', default: false },
      'rm-url': { type: 'string' },
      'ssh-host': { type: 'string' },
      'ssh-port': { type: 'string', default: '22' },
      'ssh-user': { type: 'string' },
      'ssh-password-env': { type: 'string' },
      'ssh-key-file': { type: 'string' },
      'flink-home': { type: 'string' },
      var: { type: 'string', multiple: true, default: [] },
      'secret-var': { type: 'string', multiple: true, default: [] },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, name, extra] = positionals;
  return withServices(paths, async (s) => {
    switch (action) {
      case 'list': {
        const clusters = s.clusters.list();
        if (values.json) printJson(clusters);
        else printTable(
          [t.t('cli.cluster.name'), t.t('cli.cluster.kind'), t.t('cli.cluster.url')],
          clusters.map((c) => [c.name, c.kind, c.restUrl ?? c.yarn?.rmUrl ?? '']),
        );
        return 0;
      }
      case 'add': {
        const raw = addInput(requireName(name), values);
        const input = clusterInput.safeParse(raw);
        if (!input.success) {
          // The parameter is the value given; the validator's English sentence is a detail line.
          const issue = input.error.issues[0]!;
          const given = issue.path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw);
          throw new WeirError('cli.bad-option', { option: issue.path.join('.') || 'cluster', value: given === undefined ? '' : String(given) }, { details: [issue.message] });
        }
        const cluster = s.clusters.save(input.data);
        if (values.json) printJson(cluster);
        else writeOut(t.t('cli.cluster.added', { name: cluster.name }) + '\n');
        return 0;
      }
      case 'test': {
        const cluster = s.clusters.registry.byName(requireName(name));
        const result = await s.clusters.test(cluster.id);
        if (values.json) printJson(result);
        else printTest(result, cluster.name, t);
        return result.ok ? 0 : 1;
      }
      case 'trust': {
        const cluster = s.clusters.registry.byName(requireName(name));
        const probe = await s.clusters.test(cluster.id);
        const key = probe.ssh?.hostKey;
        if (!key) throw new WeirError('clusters.no-ssh', { cluster: cluster.name });
        // The fingerprint the user read elsewhere must match what the server shows now.
        if (extra !== key.fingerprint) throw new WeirError('cli.fingerprint-mismatch', { given: extra ?? '', shown: key.fingerprint });
        s.clusters.trustHostKey(cluster.id, key.keyType, key.fingerprint);
        writeOut(t.t('cli.cluster.trusted', { host: key.host, fingerprint: key.fingerprint }) + '\n');
        return 0;
      }
      case 'rm': {
        const cluster = s.clusters.registry.byName(requireName(name));
        s.clusters.remove(cluster.id);
        if (!values.json) writeOut(t.t('cli.cluster.removed', { name: cluster.name }) + '\n');
        else printJson({ removed: cluster.name });
        return 0;
      }
      default:
        throw new WeirError('cli.bad-option', { option: 'weir cluster', value: action ?? '' });
    }
  });
}

function requireName(name: string | undefined): string {
  if (!name) throw new WeirError('cli.missing-argument', { argument: 'NAME' });
  return name;
}

type Values = Record<string, string | boolean | string[] | undefined>;

function addInput(name: string, v: Values): unknown {
  const variables = [
    ...(v.var as string[]).map((kv) => ({ ...splitPair(kv, '--var'), secret: false })),
    ...(v['secret-var'] as string[]).map((kv) => {
      const { name: varName, value: envName } = splitPair(kv, '--secret-var');
      return { name: varName, value: fromEnv(envName, '--secret-var'), secret: true };
    }),
  ];
  if (v.kind === 'yarn') {
    const keyFile = v['ssh-key-file'] as string | undefined;
    const passwordEnv = v['ssh-password-env'] as string | undefined;
    return {
      name,
      kind: 'yarn',
      rmUrl: v['rm-url'],
      ssh: {
        host: v['ssh-host'],
        port: Number(v['ssh-port']),
        user: v['ssh-user'],
        auth: keyFile ? 'key' : 'password',
        secret: keyFile ? readFile(keyFile, '--ssh-key-file') : passwordEnv ? fromEnv(passwordEnv, '--ssh-password-env') : undefined,
        flinkHome: v['flink-home'],
      },
      variables,
    };
  }
  const header = v['auth-header'] as string | undefined;
  const caFile = v['ca-file'] as string | undefined;
  return {
    name,
    kind: v.kind,
    restUrl: v['rest-url'],
    ...(v['gateway-url'] ? { gatewayUrl: v['gateway-url'] } : {}),
    ...(header ? { authHeader: { name: header, value: fromEnv(String(v['auth-value-env'] ?? ''), '--auth-value-env') } } : {}),
    ...(caFile || v.insecure ? { tls: { ...(caFile ? { caPem: readFile(caFile, '--ca-file') } : {}), skipVerify: Boolean(v.insecure) } } : {}),
    variables,
  };
}

function splitPair(kv: string, option: string): { name: string; value: string } {
  const at = kv.indexOf('=');
  if (at <= 0) throw new WeirError('cli.bad-option', { option, value: kv });
  return { name: kv.slice(0, at), value: kv.slice(at + 1) };
}

function fromEnv(name: string, option: string): string {
  const value = name ? process.env[name] : undefined;
  if (value === undefined) throw new WeirError('cli.secret-env-missing', { option, variable: name });
  return value;
}

function readFile(path: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new WeirError('cli.cannot-read', { path, reason: (cause as NodeJS.ErrnoException).code ?? option }, { cause });
  }
}

function printTest(result: ClusterTest, name: string, t: i18n): void {
  const parts = [
    ['rest', result.rest, result.rest?.overview ? t.t('cli.cluster.restSummary', { version: result.rest.overview.flinkVersion, taskManagers: result.rest.overview.taskManagers, available: result.rest.overview.slotsAvailable, total: result.rest.overview.slotsTotal, jobs: result.rest.overview.jobsRunning }) : ''],
    ['gateway', result.gateway, result.gateway?.version ? `SQL Gateway ${result.gateway.version}` : ''],
    ['resourceManager', result.resourceManager, result.resourceManager?.version ? `Hadoop ${result.resourceManager.version}` : ''],
    ['ssh', result.ssh, result.ssh?.flinkVersion ? `Flink ${result.ssh.flinkVersion}` : ''],
  ] as const;
  for (const [part, probe, summary] of parts) {
    if (!probe) continue;
    const state = probe.ok ? t.t('cli.cluster.ok') : t.t('cli.cluster.failed');
    writeOut(`${padDisplay(t.t(`clusters.parts.${part}`), 24)} ${padDisplay(state, 6)} ${String(probe.millis).padStart(5)} ms  ${summary}
`);
    if (probe.error) {
      const text = describeError(t, probe.error);
      writeOut(`  ${text.message}
`);
      for (const d of probe.error.details ?? []) writeOut(`    ${d}
`);
      if (text.hint) writeOut(`  ${t.t('cli.hintLine', { hint: text.hint })}
`);
    }
  }
  const key = result.ssh?.hostKey;
  if (key && key.status === 'unknown') writeOut(t.t('cli.cluster.trustHow', { fingerprint: key.fingerprint, name }) + '\n');
}
