import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { WeirClient } from '../../shared/contract/client.js';
import type { PreviewEvent, PreviewRow } from '../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { toErrorData } from '../errors/error-data.js';
import { perClient } from '../state/per-client.js';
import { useClient } from '../state/use-client.js';

export const DEFAULT_MAX_ROWS = 1000;

export interface PreviewState {
  readonly clusterId: number | null;
  readonly previewId: string | null;
  readonly running: boolean;
  readonly columns: readonly { name: string; type: string }[];
  /** At most maxRows rows: the oldest go first (counted in `dropped`). */
  readonly rows: readonly PreviewRow[];
  readonly received: number;
  readonly dropped: number;
  readonly maxRows: number;
  readonly error: WeirErrorData | null;
  readonly sql: string;
  setCluster(id: number): void;
  /** `name`: the file previewed, which names the preview's job on the cluster. */
  start(clusterId: number, sql: string, maxRows?: number, name?: string): Promise<void>;
  cancel(): Promise<void>;
}

/** The one running (or last) preview, fed by `preview.rows` events. */
export const previewStore = perClient((client: WeirClient) => {
  // Events of a preview whose id the start call has not returned yet.
  let early: PreviewEvent[] = [];
  const store = createStore<PreviewState>()((set, get) => ({
    clusterId: null,
    previewId: null,
    running: false,
    columns: [],
    rows: [],
    received: 0,
    dropped: 0,
    maxRows: DEFAULT_MAX_ROWS,
    error: null,
    sql: '',

    setCluster(id) {
      set({ clusterId: id });
    },

    async start(clusterId, sql, maxRows = DEFAULT_MAX_ROWS, name) {
      const previous = get().previewId;
      if (previous && get().running) void client.call('preview.cancel', { previewId: previous }).catch(() => undefined);
      early = [];
      set({ clusterId, previewId: null, running: true, columns: [], rows: [], received: 0, dropped: 0, maxRows, error: null, sql });
      try {
        const { previewId } = await client.call('preview.start', { clusterId, sql, maxRows, ...(name ? { name } : {}) });
        set({ previewId });
        const pending = early.filter((e) => e.previewId === previewId);
        early = [];
        for (const event of pending) apply(event);
      } catch (error) {
        set({ running: false, error: toErrorData(error) });
      }
    },

    async cancel() {
      const previewId = get().previewId;
      if (!previewId) return;
      try {
        await client.call('preview.cancel', { previewId });
      } finally {
        set({ running: false });
      }
    },
  }));

  const apply = (event: PreviewEvent) => {
    const s = store.getState();
    let rows = event.rows.length > 0 ? [...s.rows, ...event.rows] : s.rows;
    let dropped = s.dropped + event.dropped;
    if (rows.length > s.maxRows) {
      dropped += rows.length - s.maxRows;
      rows = rows.slice(rows.length - s.maxRows);
    }
    store.setState({
      ...(event.columns ? { columns: event.columns } : {}),
      rows,
      dropped,
      received: s.received + event.rows.length,
      running: !event.done,
      ...(event.error ? { error: event.error } : {}),
    });
  };

  client.on('preview.rows', (event) => {
    const s = store.getState();
    if (event.previewId === s.previewId) apply(event);
    else if (s.previewId === null && s.running && early.length < 1000) early.push(event);
  });
  return store;
});

export function usePreview<T>(selector: (state: PreviewState) => T): T {
  return useStore(previewStore(useClient()), selector);
}
