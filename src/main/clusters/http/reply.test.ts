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

  it("keeps Flink's own error lines and drops the stack frames", () => {
    const body = JSON.stringify({ errors: ['org.apache.flink.runtime.rest.NotFoundException: Job 1 not found\n\tat org.apache.X.y(X.java:1)', 'Caused by: boom'] });
    const e = error(() => decodeReply(404, 'application/json', body, params, 'json'));
    expect(e.code).toBe('cluster.http-error');
    expect(e.params.status).toBe(404);
    expect(e.details).toEqual(['org.apache.flink.runtime.rest.NotFoundException: Job 1 not found', 'Caused by: boom']);
  });

  it('reports an HTML error page from a proxy as an HTTP error with its text', () => {
    const e = error(() => decodeReply(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>', params, 'json'));
    expect(e.code).toBe('cluster.http-error');
    expect(e.details[0]).toContain('502 Bad Gateway');
  });
});
