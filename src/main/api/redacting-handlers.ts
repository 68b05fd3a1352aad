import { WeirError } from '../../shared/errors/weir-error.js';
import { redactDeep } from '../secrets/redact.js';
import type { SecretRedactor } from '../secrets/secret-redactor.js';
import type { Handlers } from './handlers.js';

/**
 * What the workbench is shown passes the secret redaction: results (job exceptions and logs come
 * from the cluster, which echoes options) and errors (their params and details quote replies).
 */
export function redactingHandlers(redactor: SecretRedactor, handlers: Handlers): Handlers {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    // the user's own files go back to the editor as written: a redacted text would be saved over them
    const keep = name.startsWith('files.');
    out[name] = async (input) => {
      try {
        const result = await handler(input);
        return keep ? result : redactDeep(result, redactor.current());
      } catch (error) {
        if (!(error instanceof WeirError)) throw error;
        const redact = redactor.current();
        throw new WeirError(error.code, redactDeep({ ...error.params }, redact), { cause: error.cause, details: error.details.map(redact), trace: error.trace.map(redact) });
      }
    };
  }
  return out as unknown as Handlers;
}
