import { describe, expect, it } from 'vitest';
import { compileRedaction, REDACTED } from '../secrets/redact.js';
import type { Logger } from './logger.js';
import { redactingLogger } from './redacting-logger.js';

describe('redactingLogger', () => {
  it('redacts messages and the causes written with them', () => {
    const lines: string[] = [];
    const inner: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
    const log = redactingLogger(inner, compileRedaction(['s3cr3t-token']));
    log.warn('deploy #1: s3cr3t-token echoed');
    log.error('deploy.file cause', new Error("option 'k'='s3cr3t-token'"));
    expect(lines.join('\n')).not.toContain('s3cr3t-token');
    expect(lines[0]).toBe(`deploy #1: ${REDACTED} echoed`);
    expect(lines[1]).toContain(`'k'='${REDACTED}'`);
  });
});
