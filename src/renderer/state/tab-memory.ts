import type { Tab } from './workbench-store.js';

/**
 * The open tabs and the active one, per workspace, in page storage: a reload (or the next start
 * of the desktop app) shows the same tabs. New-cluster forms are not kept (nothing to reopen).
 */
const KEY = (workspaceId: number) => `weir.tabs.${workspaceId}`;

export interface TabMemory {
  readonly tabs: readonly Tab[];
  readonly activeTab: string | null;
}

export function saveTabs(workspaceId: number, memory: TabMemory): void {
  try {
    const tabs = memory.tabs.filter((t) => t.kind !== 'cluster' || t.clusterId !== null);
    localStorage.setItem(KEY(workspaceId), JSON.stringify({ tabs, activeTab: memory.activeTab }));
  } catch {
    // storage full or disabled: tabs simply do not come back
  }
}

export function loadTabs(workspaceId: number): TabMemory {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY(workspaceId)) ?? 'null') as TabMemory | null;
    if (!raw || !Array.isArray(raw.tabs)) return { tabs: [], activeTab: null };
    return { tabs: raw.tabs.filter((t) => t && typeof t.key === 'string' && typeof t.kind === 'string'), activeTab: raw.activeTab ?? null };
  } catch {
    return { tabs: [], activeTab: null };
  }
}
