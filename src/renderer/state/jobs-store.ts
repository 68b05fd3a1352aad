import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { WeirClient } from '../../shared/contract/client.js';
import type { JobsSnapshot } from '../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';
import { toErrorData } from '../errors/error-data.js';
import { perClient } from './per-client.js';
import { useClient } from './use-client.js';

export interface JobsState {
  readonly snapshot: JobsSnapshot | null;
  readonly error: WeirErrorData | null;
  /** Bumped on every snapshot, so job pages can refresh on any change. */
  readonly version: number;
  load(): Promise<void>;
}

/** Every cluster's jobs: `jobs.list` once, then each `jobs.changed` the monitor sends. */
export const jobsStore = perClient((client: WeirClient) => {
  const store = createStore<JobsState>()((set, get) => ({
    snapshot: null,
    error: null,
    version: 0,
    async load() {
      try {
        const snapshot = await client.call('jobs.list', {});
        set({ snapshot, error: null, version: get().version + 1 });
      } catch (error) {
        set({ error: toErrorData(error) });
      }
    },
  }));
  client.on('jobs.changed', (snapshot) => store.setState({ snapshot, error: null, version: store.getState().version + 1 }));
  return store;
});

export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(jobsStore(useClient()), selector);
}
