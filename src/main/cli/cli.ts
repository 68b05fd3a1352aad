import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { i18n } from 'i18next';
import type { AppPaths } from '../app/app-paths.js';
import { APP_VERSION } from '../app/version.js';

/**
 * `weir <command>`: one entry for scripts and pipelines; errors print in the user's language.
 * Each command's code is loaded only when it runs (`weir check` in a pre-commit hook must not
 * pay for database drivers, SSH and HTTP), and `weir version` loads nothing at all.
 */
const here = dirname(fileURLToPath(import.meta.url));

type Command = (args: string[], paths: AppPaths, t: i18n) => Promise<number> | number;

const COMMANDS: Readonly<Record<string, (name: string) => Promise<Command>>> = {
  serve: async () => (await import('./serve-command.js')).serveCommand,
  stack: async () => (await import('./stack-command.js')).stackCommand,
  cluster: async () => (await import('./cluster-command.js')).clusterCommand,
  deploy: async () => (await import('./deploy-command.js')).deployCommand,
  alerts: async () => {
    const { alertsCommand } = await import('./alerts-command.js');
    return (args, paths, t) => alertsCommand(args, paths, t);
  },
  ...Object.fromEntries(
    (['apps', 'app'] as const).map((name) => [
      name,
      async () => {
        const { appsCommand } = await import('./apps-command.js');
        return (args: string[], paths: AppPaths, t: i18n) => appsCommand(name, args, paths, t);
      },
    ]),
  ),
  ...Object.fromEntries(
    ['deployments', 'rollback'].map((name) => [
      name,
      async () => {
        const { deploymentsCommand } = await import('./deployments-command.js');
        return (args: string[], paths: AppPaths, t: i18n) => deploymentsCommand(name as 'deployments' | 'rollback', args, paths, t);
      },
    ]),
  ),
  ...Object.fromEntries(
    ['jobs', 'stop', 'cancel', 'savepoint', 'restart'].map((name) => [
      name,
      async () => {
        const { jobsCommand } = await import('./jobs-command.js');
        return (args: string[], paths: AppPaths, t: i18n) => jobsCommand(name, args, paths, t);
      },
    ]),
  ),
};

async function translator(): Promise<i18n> {
  const [{ localePreferences, pickLocale }, { createTranslator }] = await Promise.all([
    import('../../shared/i18n/locales.js'),
    import('../../shared/i18n/translator.js'),
  ]);
  return createTranslator(pickLocale(localePreferences(process.env.WEIR_LANG ?? process.env.LC_ALL ?? process.env.LANG)));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'version' || command === '--version') {
    process.stdout.write(`weir ${APP_VERSION}\n`);
    return 0;
  }
  if (command === 'check' || command === 'fmt') {
    // One self-contained bundle through V8's code cache (see compile-cache.ts).
    const { requireWithCodeCache } = await import('./compile-cache.js');
    const bundle = requireWithCodeCache<typeof import('./sql-commands.js')>(join(here, 'sql-commands.cjs'));
    const code = await bundle.exports.runSqlCommand(command, rest);
    bundle.save();
    return code;
  }
  const load = command === undefined ? undefined : COMMANDS[command];
  const [t, run, { appPaths }] = await Promise.all([translator(), load?.(command!), import('../app/app-paths.js')]);
  if (!run) {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      const { alignColumns } = await import('../../shared/i18n/display-width.js');
      process.stdout.write(alignColumns(t.t('cli.help', { version: APP_VERSION })) + '\n');
      return command === undefined ? 2 : 0;
    }
    (await import('./terminal-text.js')).writeErr(t.t('cli.unknownCommand', { command }) + '\n');
    return 2;
  }
  try {
    return await run(rest, appPaths(here), t);
  } catch (error) {
    return (await import('./print-error.js')).printError(t, error);
  }
}

/**
 * When the reader of an output goes away (`weir check *.sql | head -3`), the rest of that output
 * is dropped: no EPIPE stack trace, the command finishes what it started (a deploy is not cut in
 * half by a closed pipe) and exits with its usual status.
 */
function dropOutputWhenReaderGoes(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    stream.write = ((_chunk: unknown, encoding?: unknown, callback?: unknown) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof stream.write;
  });
}

dropOutputWhenReaderGoes(process.stdout);
dropOutputWhenReaderGoes(process.stderr);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(String(error) + '\n');
    process.exitCode = 1;
  },
);
