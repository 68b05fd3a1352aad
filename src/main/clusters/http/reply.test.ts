import { describe, expect, it } from 'vitest';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { decodeReply } from './reply.js';

const params = { cluster: 'prod', call: 'GET /jobs/overview', url: 'http://flink:8081' };

function error(fn: () => unknown): WeirError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WeirError) return e;
  }
  throw new Error('expected a WeirError');
}

describe('decodeReply', () => {
  it('parses JSON and accepts the empty 202 of writes', () => {
    expect(decodeReply(200, 'application/json', '{"jobs":[]}', params, 'json')).toEqual({ jobs: [] });
    expect(decodeReply(202, '', '', params, 'json')).toEqual({});
  });

  it('names an HTML page, an empty body and malformed JSON, with the first bytes', () => {
    const html = error(() => decodeReply(200, 'text/html', '<!DOCTYPE html><title>SSO</title>', params, 'json'));
    expect(html.toData()).toMatchObject({ code: 'cluster.bad-reply', params: { ...params, got: 'errors.cluster.bad-reply.got-html', status: 200 } });
    expect(html.details[0]).toContain('SSO');
    expect(error(() => decodeReply(200, 'application/json', '', params, 'json')).params.got).toBe('errors.cluster.bad-reply.got-empty');
    expect(error(() => decodeReply(200, 'application/json', '{"jobs": [', params, 'json')).params.got).toBe('errors.cluster.bad-reply.got-malformed');
  });

  it("puts a Java error's root cause first and keeps its stack trace apart", () => {
    const body = JSON.stringify({
      errors: ['org.apache.flink.runtime.rest.handler.RestHandlerException: Could not run\n\tat org.apache.X.y(X.java:1)\nCaused by: org.apache.flink.table.api.ValidationException: Table t not found\n\tat org.apache.Z.z(Z.java:2)'],
    });
    const e = error(() => decodeReply(500, 'application/json', body, params, 'json'));
    expect(e.code).toBe('cluster.http-error');
    expect(e.params.status).toBe(500);
    expect(e.details).toEqual(['Table t not found (ValidationException)']);
    expect(e.trace).toHaveLength(4);
    expect(e.toData().trace?.[2]).toContain('Caused by: org.apache.flink.table.api.ValidationException');
  });

  it("keeps Flink's plain error lines", () => {
    const e = error(() => decodeReply(404, 'application/json', JSON.stringify({ errors: ['Not found: /jobs/x'] }), params, 'json'));
    expect(e.details).toEqual(['Not found: /jobs/x']);
  });

  it('keeps the root cause of a long chain: first in the details, the whole chain in the trace', () => {
    const chain = ['RestHandlerException: Could not execute application.', ...Array.from({ length: 10 }, (_, i) => `Caused by: wrapper ${i}`), 'Caused by: java.lang.IllegalStateException: no dialect for url'];
    const e = error(() => decodeReply(400, 'application/json', JSON.stringify({ errors: [chain.join('\n')] }), params, 'json'));
    expect(e.details).toEqual(['no dialect for url (IllegalStateException)']);
    expect(e.trace.join('\n')).toContain('Caused by: wrapper 9');
  });

  it('keeps the last "Caused by" after the first lines of a long error that is no Java trace', () => {
    const lines = ['Could not execute application.', ...Array.from({ length: 10 }, (_, i) => `step ${i} failed`), 'Caused by: the sink table does not exist'];
    const e = error(() => decodeReply(400, 'application/json', JSON.stringify({ errors: lines }), params, 'json'));
    expect(e.details).toEqual([...lines.slice(0, 8), '...', 'Caused by: the sink table does not exist']);
  });

  it('reports an HTML error page from a proxy as an HTTP error with its text', () => {
    const e = error(() => decodeReply(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>', params, 'json'));
    expect(e.code).toBe('cluster.http-error');
    expect(e.details[0]).toContain('502 Bad Gateway');
  });
});
