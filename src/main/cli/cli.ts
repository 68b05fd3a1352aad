import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WeirError } from '../../shared/errors/weir-error.js';
import { localePreferences, pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator, describeError } from '../../shared/i18n/translator.js';
import { appPaths } from '../app/app-paths.js';
import { APP_VERSION } from '../app/version.js';
import { alertsCommand } from './alerts-command.js';
import { appsCommand } from './apps-command.js';
import { checkCommand } from './check-command.js';
import { clusterCommand } from './cluster-command.js';
import { deployCommand } from './deploy-command.js';
import { deploymentsCommand } from './deployments-command.js';
import { jobsCommand } from './jobs-command.js';
import { fmtCommand } from './fmt-command.js';
import { serveCommand } from './serve-command.js';
import { stackCommand } from './stack-command.js';

/** `weir <command>`: one entry for scripts and pipelines; errors print in the user's language. */
const here = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  const locale = pickLocale(localePreferences(process.env.WEIR_LANG ?? process.env.LC_ALL ?? process.env.LANG));
  const t = createTranslator(locale);
  const [command, ...rest] = argv;
  const paths = appPaths(here);
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest, paths, t);
      case 'stack':
        return await stackCommand(rest, paths, t);
      case 'check':
        return checkCommand(rest, t);
      case 'fmt':
        return fmtCommand(rest, t);
      case 'cluster':
        return await clusterCommand(rest, paths, t);
      case 'deploy':
        return await deployCommand(rest, paths, t);
      case 'alerts':
        return await alertsCommand(rest, paths, t);
      case 'apps':
      case 'app':
        return await appsCommand(command, rest, paths, t);
      case 'deployments':
      case 'rollback':
        return await deploymentsCommand(command, rest, paths, t);
      case 'jobs':
      case 'stop':
      case 'cancel':
      case 'savepoint':
      case 'restart':
        return await jobsCommand(command, rest, paths, t);
      case '--version':
      case 'version':
        process.stdout.write(`weir ${APP_VERSION}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(t.t('cli.help', { version: APP_VERSION }) + '\n');
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(t.t('cli.unknownCommand', { command }) + '\n');
        return 2;
    }
  } catch (error) {
    if (error instanceof WeirError) {
      const text = describeError(t, error.toData());
      process.stderr.write(`${t.t('cli.error')}: ${text.message}\n`);
      for (const line of error.details) process.stderr.write(`  ${line}\n`);
      if (text.hint) process.stderr.write(`${t.t('cli.hint')}: ${text.hint}\n`);
      // The cluster's Java stack trace last: the root cause is already the first detail above.
      if (error.trace.length > 0) process.stderr.write(`\n${t.t('errors.trace', { count: error.trace.length })}:\n${error.trace.map((l) => `  ${l}`).join('\n')}\n`);
      return 1;
    }
    process.stderr.write(`${t.t('cli.error')}: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(String(error) + '\n');
    process.exitCode = 1;
  },
);
