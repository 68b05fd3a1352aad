import { calls, isCallName, type CallName } from '../../shared/contract/contract.js';
import type { CallResult } from '../../shared/contract/wire.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Logger } from '../app/logger.js';
import type { Handlers } from './handlers.js';

export type Dispatch = (method: string, input: unknown) => Promise<CallResult>;

/**
 * The single entry of every call from any transport: unknown methods and inputs that fail
 * their schema are answered with a typed error before a service runs; service errors become
 * results, so one bad call never takes the host down.
 */
/** Zod's issue kinds, each worded in the locales; the validator's English stays in the details. */
const PROBLEMS = new Set(['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom']);

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !isCallName(method)) {
      // Never String(method): an array nested thousands deep overflows the stack there.
      const shown = typeof method === 'string' ? method.slice(0, 100) : `(${typeof method})`;
      return failure(new WeirError('contract.unknown-method', { method: shown }));
    }
    let parsed: ReturnType<(typeof calls)[typeof method]['input']['safeParse']>;
    try {
      parsed = calls[method].input.safeParse(input ?? {});
    } catch (cause) {
      // A schema walking hostile input (nested beyond the stack) fails here, not in the host.
      log.error(`${method} input could not be validated`, cause);
      const input = '(input)';
      return failure(new WeirError('contract.invalid-input', { method, field: input, problem: 'errors.contract.invalid-input.problems.unreadable' }));
    }
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const first = issues[0];
      return failure(
        new WeirError(
          'contract.invalid-input',
          { method, field: first && first.path.length > 0 ? first.path.join('.') : '(input)', problem: `errors.contract.invalid-input.problems.${first && PROBLEMS.has(first.code) ? first.code : 'custom'}` },
          { details: issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`) },
        ),
      );
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const output = await handler(parsed.data);
      return { ok: true, output };
    } catch (cause) {
      if (cause instanceof WeirError) {
        log.warn(`${method} failed: ${cause.code}`);
        if (cause.cause !== undefined) log.error(`${method} cause`, cause.cause);
        return failure(cause);
      }
      log.error(`${method} failed unexpectedly`, cause);
      return failure(new WeirError('internal.unexpected', { method }));
    }
  };
}

function failure(error: WeirError): CallResult {
  return { ok: false, error: error.toData() };
}

export type { CallName };
