import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { AppPaths } from '../app/app-paths.js';
import { ALERT_EVENTS, type AlertEvent } from '../alerts/alert-channels.js';
import type { ChannelKind } from '../alerts/alert-channels.js';
import { printJson, printTable, withServices } from './cli-services.js';

const KINDS: readonly ChannelKind[] = ['dingtalk', 'wecom', 'lark', 'webhook', 'email'];

/**
 * `weir alerts add|list|test|rm`: webhook channels (DingTalk, WeCom, Lark, generic JSON) and
 * e-mail (`smtp://user@host:port?from=&to=`, the password as the secret). The URL carries the
 * robot's token and comes from an environment variable, like the secret, never from the command
 * line where `ps` shows it; both are stored encrypted.
 */
export async function alertsCommand(args: string[], paths: AppPaths, t: i18n, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      kind: { type: 'string' },
      'url-env': { type: 'string' },
      'secret-env': { type: 'string' },
      on: { type: 'string', default: ALERT_EVENTS.join(',') },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, name] = positionals;
  const out = (value: unknown, text: string) => (values.json ? printJson(value) : process.stdout.write(text + '\n'));
  return withServices(paths, async (s) => {
    switch (sub) {
      case 'list': {
        const list = s.alertChannels.list();
        if (values.json) printJson(list);
        else printTable([t.t('cli.apps.name'), t.t('cli.alerts.kind'), t.t('cli.alerts.events'), t.t('cli.alerts.signed')], list.map((c) => [c.name, c.kind, c.events.join(','), c.signed ? 'yes' : '']));
        return 0;
      }
      case 'add': {
        if (!name) throw new WeirError('cli.missing-argument', { argument: 'NAME' });
        const kind = values.kind as ChannelKind | undefined;
        if (!kind || !KINDS.includes(kind)) throw new WeirError('cli.bad-option', { option: '--kind', value: values.kind ?? '' });
        const url = fromEnv(env, values['url-env'], '--url-env VAR');
        if (!(kind === 'email' ? /^smtp:\/\//.test(url) : /^https?:\/\//.test(url))) throw new WeirError('cli.bad-option', { option: '--url-env', value: values['url-env']! });
        const secret = values['secret-env'] ? fromEnv(env, values['secret-env'], '--secret-env VAR') : null;
        const events = values.on!.split(',').map((e) => e.trim().toUpperCase()).filter(Boolean);
        const bad = events.find((e) => !(ALERT_EVENTS as readonly string[]).includes(e));
        if (bad || events.length === 0) throw new WeirError('cli.bad-option', { option: '--on', value: bad ?? values.on! });
        const channel = s.alertChannels.add({ name, kind, url, secret, events: events as AlertEvent[] });
        out(channel, t.t('cli.alerts.added', { name, kind, events: channel.events.join(', ') }));
        return 0;
      }
      case 'test':
        if (!name) throw new WeirError('cli.missing-argument', { argument: 'NAME' });
        await s.alerts.test(name);
        out({ sent: name }, t.t('cli.alerts.sent', { name }));
        return 0;
      case 'rm':
        if (!name) throw new WeirError('cli.missing-argument', { argument: 'NAME' });
        s.alertChannels.remove(name);
        out({ removed: name }, t.t('cli.alerts.removed', { name }));
        return 0;
      default:
        throw new WeirError('cli.missing-argument', { argument: 'weir alerts add|list|test|rm' });
    }
  });
}

function fromEnv(env: NodeJS.ProcessEnv, variable: string | undefined, argument: string): string {
  if (!variable) throw new WeirError('cli.missing-argument', { argument });
  const value = env[variable];
  if (!value) throw new WeirError('cli.secret-env-missing', { option: argument.split(' ')[0]!, variable });
  return value;
}
