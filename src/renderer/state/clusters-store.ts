import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { WeirClient } from '../../shared/contract/client.js';
import type { ClusterInput, ClusterTest, ClusterView } from '../../shared/contract/clusters-schema.js';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { toErrorData } from '../errors/error-data.js';
import { perClient } from './per-client.js';
import { useClient } from './use-client.js';

export interface ClusterTestState {
  readonly running: boolean;
  readonly result: ClusterTest | null;
  /** The call itself failed (not a part of the cluster). */
  readonly error: WeirErrorData | null;
}

export interface ClustersState {
  readonly clusters: readonly ClusterView[];
  readonly loaded: boolean;
  readonly tests: Readonly<Record<number, ClusterTestState>>;
  refresh(): Promise<void>;
  test(id: number): Promise<ClusterTest | null>;
  /** Throws the call's error: forms show it beside their fields. */
  save(id: number | undefined, cluster: ClusterInput): Promise<ClusterView>;
  remove(id: number): Promise<void>;
}

/** Registered clusters and their last connection tests, shared by every view that needs them. */
export const clustersStore = perClient((client: WeirClient) =>
  createStore<ClustersState>()((set, get) => ({
    clusters: [],
    loaded: false,
    tests: {},

    async refresh() {
      const clusters = await client.call('clusters.list', {});
      set({ clusters, loaded: true });
    },

    async test(id) {
      set({ tests: { ...get().tests, [id]: { running: true, result: get().tests[id]?.result ?? null, error: null } } });
      try {
        const result = await client.call('clusters.test', { id });
        set({ tests: { ...get().tests, [id]: { running: false, result, error: null } } });
        return result;
      } catch (error) {
        set({ tests: { ...get().tests, [id]: { running: false, result: null, error: toErrorData(error) } } });
        return null;
      }
    },

    async save(id, cluster) {
      const saved = await client.call('clusters.save', id === undefined ? { cluster } : { id, cluster });
      await get().refresh();
      return saved;
    },

    async remove(id) {
      await client.call('clusters.remove', { id });
      const tests = { ...get().tests };
      delete tests[id];
      set({ tests });
      await get().refresh();
    },
  })),
);

export function useClusters<T>(selector: (state: ClustersState) => T): T {
  return useStore(clustersStore(useClient()), selector);
}
