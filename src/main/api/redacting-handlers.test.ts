import { describe, expect, it } from 'vitest';
import { WeirError } from '../../shared/errors/weir-error.js';
import { compileRedaction, REDACTED } from '../secrets/redact.js';
import type { SecretRedactor } from '../secrets/secret-redactor.js';
import type { Handlers } from './handlers.js';
import { redactingHandlers } from './redacting-handlers.js';

const SECRET = 'jdbc:pg://db/city?password=Zq9xK2pW';
const redactor = { current: () => compileRedaction([SECRET]) } as unknown as SecretRedactor;

describe('redactingHandlers', () => {
  it('redacts results and errors, but gives files back as written', async () => {
    const handlers = redactingHandlers(redactor, {
      'jobs.detail': () => ({ exceptions: [{ message: `no dialect for url '${SECRET}'` }] }),
      'deploy.retry': () => {
        throw new WeirError('cluster.http-error', { cluster: 'Local', reply: SECRET }, { details: [`'url'='${SECRET}'`] });
      },
      'files.read': () => ({ content: `-- ${SECRET}` }),
    } as unknown as Handlers) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    expect(await handlers['jobs.detail']!({})).toEqual({ exceptions: [{ message: `no dialect for url '${REDACTED}'` }] });
    const error = (await handlers['deploy.retry']!({}).catch((e: unknown) => e)) as WeirError;
    expect(error.code).toBe('cluster.http-error');
    expect(error.params).toEqual({ cluster: 'Local', reply: REDACTED });
    expect(error.details).toEqual([`'url'='${REDACTED}'`]);
    expect(await handlers['files.read']!({})).toEqual({ content: `-- ${SECRET}` });
  });
});
