import type { CheckRequest, CheckResponse } from './sql-worker-protocol.js';
import SqlWorker from './sql-worker.js?worker';

/**
 * Sends texts to the SQL language worker. Only the newest request per file is answered to
 * its caller; an answer to an older text is dropped, so diagnostics never go backwards.
 */
export class SqlDiagnostics {
  private readonly worker: Worker = new SqlWorker();
  private nextId = 1;
  private readonly latest = new Map<number, { id: number; resolve: (r: CheckResponse | null) => void }>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<CheckResponse>) => {
      const pending = this.latest.get(event.data.fileId);
      if (pending?.id === event.data.id) {
        this.latest.delete(event.data.fileId);
        pending.resolve(event.data);
      }
    };
  }

  /** Resolves with the problems of `text`, or null when a newer text of the same file overtook it. */
  check(fileId: number, text: string): Promise<CheckResponse | null> {
    const id = this.nextId++;
    this.latest.get(fileId)?.resolve(null);
    return new Promise((resolve) => {
      this.latest.set(fileId, { id, resolve });
      const request: CheckRequest = { id, fileId, text };
      this.worker.postMessage(request);
    });
  }
}

let shared: SqlDiagnostics | null = null;

export function sqlDiagnostics(): SqlDiagnostics {
  shared ??= new SqlDiagnostics();
  return shared;
}
