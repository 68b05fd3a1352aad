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
    expect(html.toData()).toMatchObject({ code: 'cluster.bad-reply', params: { ...params, got: 'HTML', status: 200 } });
    expect(html.details[0]).toContain('SSO');
    expect(error(() => decodeReply(200, 'application/json', '', params, 'json')).params.got).toBe('empty');
    expect(error(() => decodeReply(200, 'application/json', '{"jobs": [', params, 'json')).params.got).toBe('malformed JSON');
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

  it('reports an HTML error page from a proxy as an HTTP error with its text', () => {
    const e = error(() => decodeReply(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>', params, 'json'));
    expect(e.code).toBe('cluster.http-error');
    expect(e.details[0]).toContain('502 Bad Gateway');
  });
});
