import type { Redact } from '../secrets/redact.js';
import type { Logger } from './logger.js';

/** The log stays safe to attach to a bug report: messages and causes pass through the redaction. */
export function redactingLogger(inner: Logger, redact: Redact): Logger {
  return {
    info: (m) => inner.info(redact(m)),
    warn: (m) => inner.warn(redact(m)),
    error: (m, cause) => inner.error(redact(cause instanceof Error ? `${m}: ${cause.stack ?? cause.message}` : m)),
  };
}
