import { localePreferences, pickLocale } from '../../shared/i18n/locales.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { checkCommand } from './check-command.js';
import { fmtCommand } from './fmt-command.js';
import { cliLocaleEnv, printError } from './print-error.js';

/**
 * `weir check` and `weir fmt` as one self-contained bundle (dist/main/sql-commands.cjs), loaded
 * through V8's code cache (compile-cache.ts): hooks and CI run them over many files, so their
 * start-up is their speed.
 */
export async function runSqlCommand(command: 'check' | 'fmt', args: string[]): Promise<number> {
  const t = createTranslator(pickLocale(localePreferences(cliLocaleEnv())));
  try {
    return await (command === 'check' ? checkCommand(args, t) : fmtCommand(args, t));
  } catch (error) {
    return printError(t, error);
  }
}
