import type { i18n } from 'i18next';
import { ZodError } from 'zod';
import { WeirError } from '../../shared/errors/weir-error.js';
import { describeError } from '../../shared/i18n/translator.js';
import { writeErr } from './terminal-text.js';

/**
 * A command's failure on stderr, in the user's language: message, details, how to fix (secrets
 * redacted, control characters neutralised). Returns the exit code.
 */
export function printError(t: i18n, thrown: unknown): number {
  const error = thrown instanceof ZodError ? invalidInput(thrown) : thrown;
  if (error instanceof WeirError) {
    const text = describeError(t, error.toData());
    writeErr(t.t('cli.errorLine', { message: text.message }) + '\n');
    for (const line of error.details) writeErr(`  ${line}\n`);
    if (text.hint) writeErr(t.t('cli.hintLine', { hint: text.hint }) + '\n');
    // The cluster's Java stack trace last: the root cause is already the first detail above.
    if (error.trace.length > 0) writeErr(`\n${t.t('errors.trace', { count: error.trace.length })}:\n${error.trace.map((l) => `  ${l}`).join('\n')}\n`);
    return 1;
  }
  writeErr(t.t('cli.errorLine', { message: (error as Error).message ?? String(error) }) + '\n');
  return 1;
}

/** A value refused by a schema: one clear error with a line per issue, not zod's raw JSON. */
function invalidInput(error: ZodError): WeirError {
  return new WeirError('cli.invalid-input', {}, { cause: error, details: error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`) });
}

/** The user's language for the CLI: WEIR_LANG, else the POSIX locale variables. */
export function cliLocaleEnv(): string | undefined {
  return process.env.WEIR_LANG ?? process.env.LC_ALL ?? process.env.LANG;
}
