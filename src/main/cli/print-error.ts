import type { i18n } from 'i18next';
import { WeirError } from '../../shared/errors/weir-error.js';
import { describeError } from '../../shared/i18n/translator.js';

/** A command's failure on stderr, in the user's language: message, details, how to fix. Returns the exit code. */
export function printError(t: i18n, error: unknown): number {
  if (error instanceof WeirError) {
    const text = describeError(t, error.toData());
    process.stderr.write(t.t('cli.errorLine', { message: text.message }) + '\n');
    for (const line of error.details) process.stderr.write(`  ${line}\n`);
    if (text.hint) process.stderr.write(t.t('cli.hintLine', { hint: text.hint }) + '\n');
    return 1;
  }
  process.stderr.write(t.t('cli.errorLine', { message: (error as Error).message ?? String(error) }) + '\n');
  return 1;
}

/** The user's language for the CLI: WEIR_LANG, else the POSIX locale variables. */
export function cliLocaleEnv(): string | undefined {
  return process.env.WEIR_LANG ?? process.env.LC_ALL ?? process.env.LANG;
}
