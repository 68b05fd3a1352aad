import { fetch } from 'undici';

/**
 * A minimal Flink SQL Gateway REST v3 client for integration tests: open a session, run a
 * statement, page through its results until EOS, close. The product's own client lives in
 * src/main; this one stays small so a failing test points at the gateway, not at Weir.
 */

export interface GatewayRows {
  readonly columns: string[];
  readonly rows: unknown[][];
  readonly jobId?: string;
}

interface FetchResultsBody {
  resultType: 'NOT_READY' | 'PAYLOAD' | 'EOS';
  nextResultUri?: string;
  jobID?: string;
  results?: { columns?: { name: string }[]; data?: { kind: string; fields: unknown[] }[] };
}

async function call<T>(url: string, init?: { method: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? 'GET',
    headers: init?.body !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} -> ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export class GatewaySession {
  private constructor(
    readonly baseUrl: string,
    readonly handle: string,
  ) {}

  static async open(baseUrl: string, properties: Record<string, string> = {}): Promise<GatewaySession> {
    const body = await call<{ sessionHandle: string }>(`${baseUrl}/v3/sessions`, {
      method: 'POST',
      body: { sessionName: 'weir-integration-test', properties },
    });
    return new GatewaySession(baseUrl, body.sessionHandle);
  }

  /** Submits one statement; resolves with its operation handle. */
  async submit(statement: string): Promise<string> {
    const body = await call<{ operationHandle: string }>(`${this.baseUrl}/v3/sessions/${this.handle}/statements`, {
      method: 'POST',
      body: { statement },
    });
    return body.operationHandle;
  }

  /** Pages through an operation's results (JSON rows, changelog kinds dropped) until EOS. */
  async results(operation: string, timeoutMs = 120_000): Promise<GatewayRows> {
    const deadline = Date.now() + timeoutMs;
    let next: string | undefined = `/v3/sessions/${this.handle}/operations/${operation}/result/0?rowFormat=JSON`;
    let columns: string[] = [];
    const rows: unknown[][] = [];
    let jobId: string | undefined;
    while (next !== undefined) {
      if (Date.now() > deadline) throw new Error(`no EOS for operation ${operation} after ${timeoutMs} ms`);
      const page: FetchResultsBody = await call<FetchResultsBody>(`${this.baseUrl}${next}`);
      jobId = page.jobID ?? jobId;
      if (page.results?.columns) columns = page.results.columns.map((c) => c.name);
      for (const row of page.results?.data ?? []) rows.push(row.fields);
      if (page.resultType === 'EOS') break;
      if (page.resultType === 'NOT_READY' || (page.results?.data ?? []).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      next = page.nextResultUri;
    }
    return { columns, rows, ...(jobId !== undefined ? { jobId } : {}) };
  }

  /** Runs a statement and returns all of its rows. */
  async query(statement: string, timeoutMs?: number): Promise<GatewayRows> {
    return this.results(await this.submit(statement), timeoutMs);
  }

  async close(): Promise<void> {
    await call(`${this.baseUrl}/v3/sessions/${this.handle}`, { method: 'DELETE' });
  }
}
