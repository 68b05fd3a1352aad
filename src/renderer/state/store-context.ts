import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Workbench, WorkbenchStore } from './workbench-store.js';

export const StoreContext = createContext<WorkbenchStore | null>(null);

export function useWorkbench<T>(selector: (state: Workbench) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkbench outside StoreContext');
  return useStore(store, selector);
}

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkbenchStore outside StoreContext');
  return store;
}
