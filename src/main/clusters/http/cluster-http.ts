import { Agent, FormData, request, type Dispatcher } from 'undici';
import { WeirError } from '../../../shared/errors/weir-error.js';
import { decodeReply } from './reply.js';
import { readLimited } from './read-limited.js';
import { MAX_REPLY_BYTES } from './reply-limits.js';

/** How Weir reaches one cluster endpoint (a JobManager or a SQL Gateway). */
export interface EndpointOptions {
  /** Shown in every error so the user knows which cluster failed. */
  readonly cluster: string;
  readonly baseUrl: string;
  /** e.g. `Authorization: Basic …` for a gateway behind a proxy; a secret, never logged. */
  readonly authHeader?: { readonly name: string; readonly value: string } | undefined;
  readonly tls?: { readonly caPem?: string | undefined; readonly skipVerify?: boolean | undefined } | undefined;
  /** Per-call timeout for reads and small writes (ms). */
  readonly timeoutMs?: number | undefined;
}

export interface CallOptions {
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  readonly form?: FormData;
  readonly timeoutMs?: number;
  /** Reads are retried on network failures and 502/503/504; writes never are. */
  readonly retries?: number;
  /** `text` for log files; `json` (default) for everything else. */
  readonly expect?: 'json' | 'text';
  /** The most bytes read of the reply (see MAX_REPLY_BYTES); more is an error. */
  readonly maxReplyBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const RETRY_DELAYS_MS = [300, 1000, 2000];

/**
 * One HTTP endpoint of a cluster, over undici: a timeout on every call, retries only for
 * idempotent reads, and every failure turned into a WeirError that names the cluster and the call
 * (`cluster.unreachable`, `cluster.timeout`, `cluster.bad-reply`, `cluster.http-error`).
 */
export class ClusterHttp {
  private readonly dispatcher: Dispatcher | undefined;
  readonly baseUrl: string;

  constructor(readonly options: EndpointOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const tls = options.tls;
    this.dispatcher =
      tls && (tls.caPem || tls.skipVerify)
        ? new Agent({ connect: { ...(tls.caPem ? { ca: tls.caPem } : {}), rejectUnauthorized: !tls.skipVerify } })
        : undefined;
  }

  async call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, options: CallOptions = {}): Promise<unknown> {
    const retries = method === 'GET' ? (options.retries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, path, options);
      } catch (error) {
        if (attempt >= retries || !retryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]));
      }
    }
  }

  private async once(method: string, path: string, options: CallOptions): Promise<unknown> {
    const url = this.url(path, options.query);
    const what = `${method} ${path}`;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.authHeader) headers[this.options.authHeader.name.toLowerCase()] = this.options.authHeader.value;
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const params = { cluster: this.options.cluster, call: what, url: this.baseUrl };
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const expect = options.expect ?? 'json';
      text = await readLimited(response, options.maxReplyBytes ?? (expect === 'text' ? MAX_REPLY_BYTES.text : MAX_REPLY_BYTES.object), params);
    } catch (cause) {
      if (cause instanceof WeirError) throw cause;
      throw transportError(cause, params, timeoutMs);
    }
    return decodeReply(response.statusCode, String(response.headers['content-type'] ?? ''), text, params, options.expect ?? 'json');
  }

  private url(path: string, query: CallOptions['query']): string {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  async close(): Promise<void> {
    await this.dispatcher?.close();
  }
}

function retryable(error: unknown): boolean {
  if (!(error instanceof WeirError)) return false;
  if (error.code === 'cluster.unreachable' || error.code === 'cluster.timeout') return true;
  return error.code === 'cluster.http-error' && [502, 503, 504].includes(Number(error.params.status));
}

function transportError(cause: unknown, params: Record<string, string>, timeoutMs: number): WeirError {
  const e = cause as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return new WeirError('cluster.timeout', { ...params, seconds: Math.round(timeoutMs / 100) / 10 }, { cause });
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code) || /certificate/i.test(e.message ?? '')) {
    return new WeirError('cluster.tls', params, { cause, details: [e.message ?? code] });
  }
  return new WeirError('cluster.unreachable', params, { cause, details: [[code, e.message].filter(Boolean).join(': ')] });
}
