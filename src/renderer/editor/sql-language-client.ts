import type { CompletionResult } from '../../shared/sql/services/completion.js';
import type { Definition } from '../../shared/sql/services/definition.js';
import type { TextEdit } from '../../shared/sql/services/format/formatter.js';
import type { HoverInfo } from '../../shared/sql/services/hover.js';
import type { OutlineItem } from '../../shared/sql/services/outline.js';
import type { CheckResponse, WorkerRequest, WorkerResponse } from './sql-worker-protocol.js';
import SqlWorker from './sql-worker.js?worker';

type Pending = (response: WorkerResponse | null) => void;

/**
 * The editor's side of the SQL language worker. Checks: only the newest request per file is
 * answered; an answer to an older text is dropped, so diagnostics never go backwards.
 */
export class SqlLanguageClient {
  private readonly worker: Worker = new SqlWorker();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly latestCheck = new Map<number, number>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const settle = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      settle?.(event.data);
    };
  }

  private send(request: WorkerRequest): Promise<WorkerResponse | null> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker.postMessage(request);
    });
  }

  /** Resolves with the problems of `text`, or null when a newer text of the same file overtook it. */
  async check(fileId: number, text: string): Promise<CheckResponse | null> {
    const id = this.nextId++;
    this.latestCheck.set(fileId, id);
    const response = await this.send({ type: 'check', id, fileId, text });
    return response?.type === 'check' && this.latestCheck.get(fileId) === id ? response : null;
  }

  async outline(text: string): Promise<readonly OutlineItem[]> {
    const response = await this.send({ type: 'outline', id: this.nextId++, text });
    return response?.type === 'outline' ? response.items : [];
  }

  async complete(text: string, offset: number): Promise<CompletionResult | null> {
    const response = await this.send({ type: 'complete', id: this.nextId++, text, offset });
    return response?.type === 'complete' ? response.result : null;
  }

  /** Edits that format the statements touching [start, end); statements with syntax errors are left alone. */
  async format(text: string, start: number, end: number, tabSize: number): Promise<{ edits: readonly TextEdit[]; skipped: number }> {
    const response = await this.send({ type: 'format', id: this.nextId++, text, start, end, tabSize });
    return response?.type === 'format' ? response : { edits: [], skipped: 0 };
  }

  async hover(text: string, offset: number): Promise<HoverInfo | null> {
    const response = await this.send({ type: 'hover', id: this.nextId++, text, offset });
    return response?.type === 'hover' ? response.hover : null;
  }

  async definition(text: string, offset: number): Promise<Definition | null> {
    const response = await this.send({ type: 'definition', id: this.nextId++, text, offset });
    return response?.type === 'definition' ? response.definition : null;
  }
}

let shared: SqlLanguageClient | null = null;

export function sqlLanguage(): SqlLanguageClient {
  shared ??= new SqlLanguageClient();
  return shared;
}
