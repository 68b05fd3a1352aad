import { ClusterHttp, type EndpointOptions } from '../http/cluster-http.js';
import type { paths } from '../rest-api/sql-gateway-v3.js';
import { fillPath, typedCaller } from '../flink/typed-call.js';

/**
 * Result pages as the gateway really serialises them with `rowFormat=JSON`: the OpenAPI
 * description documents Flink's internal RowData (arity, fieldGetters), the wire carries
 * `columns` and `data: [{kind, fields}]`.
 */
export interface ResultPage {
  readonly resultType: 'NOT_READY' | 'PAYLOAD' | 'EOS';
  readonly resultKind?: 'SUCCESS' | 'SUCCESS_WITH_CONTENT';
  readonly isQueryResult?: boolean;
  readonly jobID?: string;
  readonly nextResultUri?: string;
  readonly results?: {
    readonly columns?: readonly { readonly name: string; readonly logicalType?: { readonly type?: string } }[];
    readonly data?: readonly { readonly kind: 'INSERT' | 'UPDATE_BEFORE' | 'UPDATE_AFTER' | 'DELETE'; readonly fields: unknown[] }[];
  };
}

/** The SQL Gateway REST API v3 of one cluster, typed by the generated description. */
export class SqlGatewayClient {
  readonly http: ClusterHttp;
  private readonly call: ReturnType<typeof typedCaller<paths>>;

  constructor(endpoint: EndpointOptions) {
    this.http = new ClusterHttp({ ...endpoint, baseUrl: `${endpoint.baseUrl.replace(/\/+$/, '')}/v3` });
    this.call = typedCaller<paths>(this.http);
  }


  info() {
    return this.call('get', '/info');
  }

  async openSession(properties: Record<string, string>, sessionName: string): Promise<string> {
    const reply = await this.call('post', '/sessions', undefined, { body: { properties, sessionName } });
    if (!reply.sessionHandle) throw new Error('the gateway opened a session without a handle');
    return reply.sessionHandle;
  }

  closeSession(session_handle: string) {
    return this.call('delete', '/sessions/{session_handle}', { session_handle });
  }

  heartbeat(session_handle: string) {
    return this.call('post', '/sessions/{session_handle}/heartbeat', { session_handle });
  }

  async executeStatement(session_handle: string, statement: string, executionConfig?: Record<string, string>): Promise<string> {
    const reply = await this.call('post', '/sessions/{session_handle}/statements', { session_handle }, {
      body: { statement, ...(executionConfig ? { executionConfig } : {}) },
      timeoutMs: 60_000,
    });
    if (!reply.operationHandle) throw new Error('the gateway accepted a statement without an operation handle');
    return reply.operationHandle;
  }

  operationStatus(session_handle: string, operation_handle: string) {
    return this.call('get', '/sessions/{session_handle}/operations/{operation_handle}/status', {
      session_handle,
      operation_handle,
    });
  }

  /** One page of results; `token` starts at 0 and comes from the previous page's nextResultUri. */
  fetchResults(session_handle: string, operation_handle: string, token: string): Promise<ResultPage> {
    const path = fillPath('/sessions/{session_handle}/operations/{operation_handle}/result/{token}', {
      session_handle,
      operation_handle,
      token,
    });
    return this.http.call('GET', path, { query: { rowFormat: 'JSON' }, retries: 0, timeoutMs: 60_000 }) as Promise<ResultPage>;
  }

  cancelOperation(session_handle: string, operation_handle: string) {
    return this.call('post', '/sessions/{session_handle}/operations/{operation_handle}/cancel', {
      session_handle,
      operation_handle,
    });
  }

  closeOperation(session_handle: string, operation_handle: string) {
    return this.call('delete', '/sessions/{session_handle}/operations/{operation_handle}/close', {
      session_handle,
      operation_handle,
    });
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** The token of the next page from a `nextResultUri` like `/v3/sessions/…/result/7?rowFormat=JSON`. */
export function nextToken(page: ResultPage): string | null {
  const m = page.nextResultUri ? /\/result\/(\d+)/.exec(page.nextResultUri) : null;
  return m ? m[1]! : null;
}
