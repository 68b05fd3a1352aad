import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WeirClient } from '../../shared/contract/client.js';
import type { AppInfo, FileMeta, Settings } from '../../shared/contract/contract.js';
import { WeirError, type ErrorParams, type WeirErrorData } from '../../shared/errors/weir-error.js';
import { autosaver, type Autosaver } from './autosaver.js';
import { localDraftJournal, type DraftJournal } from './draft-journal.js';
import { loadTabs, saveTabs } from './tab-memory.js';
import type { Problem } from '../editor/sql-worker-protocol.js';

export type ViewId = 'explorer' | 'datasources' | 'resources' | 'clusters' | 'jobs' | 'schedules' | 'lineage';
export type PanelId = 'problems' | 'output' | 'results';

export type Tab =
  | { readonly kind: 'file'; readonly key: string; readonly fileId: number }
  | { readonly kind: 'history'; readonly key: string; readonly fileId: number }
  | { readonly kind: 'settings'; readonly key: string }
  /** A cluster's settings form; clusterId null while a new one is not saved yet. */
  | { readonly kind: 'cluster'; readonly key: string; readonly clusterId: number | null }
  /** A job's page; keyed by its application when it has one, so the tab follows the application's runs. */
  | { readonly kind: 'job'; readonly key: string; readonly clusterId: number; readonly jobId: string; readonly name: string };

/** Modal dialogs of the workbench (one at a time). */
export type Dialog = { readonly kind: 'deploy'; readonly fileId: number } | { readonly kind: 'deployJar' };

export interface OpenFile {
  readonly meta: FileMeta;
  readonly content: string;
  /** Content the catalog has; differs from `content` while a save is pending. */
  readonly saved: string;
  readonly saving: boolean;
}

export interface Notice {
  readonly id: number;
  readonly error: WeirErrorData;
}

/**
 * A line of the Output panel. Lines are kept as keys and parameters (or an error) and put into
 * words when shown, so they follow the language, also after a switch.
 */
export interface OutputLine {
  readonly time: string;
  readonly level: 'info' | 'error';
  /** Text already in words (from a `t()` call). */
  readonly text?: string;
  /** Or an i18n key with its parameters. */
  readonly key?: string;
  readonly params?: ErrorParams;
  /** Or an error, shown with its code. */
  readonly error?: WeirErrorData;
}

export interface WorkbenchState {
  readonly connected: boolean;
  readonly info: AppInfo | null;
  readonly settings: Settings;
  readonly workspaceId: number | null;
  readonly files: readonly FileMeta[];
  readonly open: Readonly<Record<number, OpenFile>>;
  readonly tabs: readonly Tab[];
  readonly activeTab: string | null;
  readonly view: ViewId;
  readonly sideVisible: boolean;
  readonly panel: PanelId;
  readonly panelVisible: boolean;
  readonly paletteOpen: boolean;
  readonly notices: readonly Notice[];
  readonly output: readonly OutputLine[];
  readonly cursor: { line: number; column: number } | null;
  /** Diagnostics of each open file, from the SQL language worker. */
  readonly problems: Readonly<Record<number, readonly Problem[]>>;
  /** A location the editor should show (Problems panel clicks); nonce makes repeats count. */
  readonly reveal: { readonly fileId: number; readonly line: number; readonly column: number; readonly nonce: number } | null;
  readonly dialog: Dialog | null;
}

export interface WorkbenchActions {
  boot(): Promise<void>;
  setConnected(connected: boolean): void;
  refreshFiles(): Promise<void>;
  createFile(name: string): Promise<FileMeta | null>;
  renameFile(id: number, name: string): Promise<boolean>;
  deleteFile(id: number): Promise<void>;
  openFile(id: number): Promise<void>;
  edit(id: number, content: string): void;
  saveNow(id: number): Promise<void>;
  flushSaves(): Promise<void>;
  openHistory(id: number): void;
  openSettings(): void;
  openCluster(clusterId: number | null): void;
  /** A new cluster's tab becomes that cluster's tab once it is saved. */
  retargetCluster(key: string, clusterId: number): void;
  /** One tab per application (it shows the run opened last), one per job outside applications. */
  openJob(clusterId: number, jobId: string, name: string, applicationId?: number | null): void;
  /** Saves the file (keeping a version), then opens the deploy dialog. */
  openDeploy(fileId: number): Promise<void>;
  /** Opens the dialog that deploys a custom jar job. */
  openJarDeploy(): void;
  closeDialog(): void;
  closeTab(key: string): void;
  activate(key: string): void;
  showView(view: ViewId): void;
  togglePanel(panel?: PanelId): void;
  setPalette(open: boolean): void;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  report(error: unknown): void;
  dismiss(id: number): void;
  log(text: string): void;
  /** An Output line from an i18n key, worded when shown. */
  note(key: string, params?: ErrorParams): void;
  setCursor(cursor: { line: number; column: number } | null): void;
  setProblems(fileId: number, problems: readonly Problem[]): void;
  revealAt(fileId: number, line: number, column: number): Promise<void>;
}

export type Workbench = WorkbenchState & WorkbenchActions;
export type WorkbenchStore = StoreApi<Workbench>;

const MAX_OUTPUT = 500;
let noticeId = 1;

export function createWorkbenchStore(client: WeirClient, journal: DraftJournal = localDraftJournal()): WorkbenchStore {
  let saver: Autosaver | null = null;

  // Tabs are remembered only once the remembered ones were restored, so booting never overwrites them.
  let tabsRestored = false;
  const store = createStore<Workbench>()((set, get) => {
    const persist = async (id: number, kind: 'auto' | 'manual') => {
      const file = get().open[id];
      if (!file) return;
      const content = file.content;
      if (kind === 'auto' && content === file.saved) return;
      // The draft goes to page storage with each save attempt (not each keystroke: a 10,000-line
      // file would be copied on every key), so a failed or interrupted save still keeps it.
      journal.put(id, content);
      patchFile(id, { saving: true });
      try {
        const result = await client.call('files.save', { id, content, kind });
        const now = get().open[id];
        if (now) patchFile(id, { saved: content, saving: false, meta: result.file });
        if (now?.content === content) journal.clear(id);
      } catch (error) {
        patchFile(id, { saving: false });
        get().report(error);
      }
    };

    /** The tabs open before the reload: files that still exist are read again, the rest reopened as they were. */
    const restoreTabs = async () => {
      const workspaceId = get().workspaceId;
      if (workspaceId === null || tabsRestored) return;
      const memory = loadTabs(workspaceId);
      const live = new Set(get().files.map((f) => f.id));
      for (const tab of memory.tabs) {
        if (tab.kind === 'file') {
          if (live.has(tab.fileId)) await get().openFile(tab.fileId);
        } else if (tab.kind !== 'history' || live.has(tab.fileId)) {
          if (!get().tabs.some((t) => t.key === tab.key)) set({ tabs: [...get().tabs, tab] });
        }
      }
      const tabs = get().tabs;
      set({ activeTab: tabs.some((t) => t.key === memory.activeTab) ? memory.activeTab : (tabs[0]?.key ?? null) });
      tabsRestored = true;
    };

    const patchFile = (id: number, patch: Partial<OpenFile>) => {
      const file = get().open[id];
      if (file) set({ open: { ...get().open, [id]: { ...file, ...patch } } });
    };

    saver = autosaver((id) => persist(id, 'auto'));

    return {
      connected: false,
      info: null,
      settings: { locale: null, theme: 'system', keepStackOnQuit: false },
      workspaceId: null,
      files: [],
      open: {},
      tabs: [],
      activeTab: null,
      view: 'explorer',
      sideVisible: true,
      panel: 'problems',
      panelVisible: true,
      paletteOpen: false,
      notices: [],
      output: [],
      cursor: null,
      problems: {},
      reveal: null,
      dialog: null,

      async boot() {
        try {
          const [info, settings, workspaces] = await Promise.all([
            client.call('app.info', {}),
            client.call('settings.get', {}),
            client.call('workspaces.list', {}),
          ]);
          set({ info, settings, workspaceId: workspaces[0]?.id ?? null });
          get().note('output.started', { version: info.version, host: `status.host.${info.host}`, home: info.home });
          await get().refreshFiles();
          await restoreTabs();
          client.on('files.changed', ({ workspaceId }) => {
            if (workspaceId === get().workspaceId) void get().refreshFiles();
          });
          client.on('settings.changed', (next) => set({ settings: next }));
        } catch (error) {
          get().report(error);
        }
      },

      setConnected(connected) {
        set({ connected });
        // Edits that could not be saved while disconnected go out as soon as the link is back.
        if (connected) for (const file of Object.values(get().open)) if (file.content !== file.saved) saver?.touch(file.meta.id);
      },

      async refreshFiles() {
        const workspaceId = get().workspaceId;
        if (workspaceId === null) return;
        try {
          const files = await client.call('files.list', { workspaceId });
          const live = new Set(files.map((f) => f.id));
          const open = { ...get().open };
          for (const f of files) if (open[f.id]) open[f.id] = { ...open[f.id]!, meta: f };
          // Files deleted elsewhere lose their tabs; their text is in the catalog's history.
          const tabs = get().tabs.filter((t) => (t.kind !== 'file' && t.kind !== 'history') || live.has(t.fileId));
          const activeTab = tabs.some((t) => t.key === get().activeTab) ? get().activeTab : (tabs[0]?.key ?? null);
          set({ files, open, tabs, activeTab });
        } catch (error) {
          get().report(error);
        }
      },

      async createFile(name) {
        const workspaceId = get().workspaceId;
        if (workspaceId === null) return null;
        try {
          const meta = await client.call('files.create', { workspaceId, name, content: '' });
          await get().refreshFiles();
          await get().openFile(meta.id);
          return meta;
        } catch (error) {
          get().report(error);
          return null;
        }
      },

      async renameFile(id, name) {
        try {
          await client.call('files.rename', { id, name });
          await get().refreshFiles();
          return true;
        } catch (error) {
          get().report(error);
          return false;
        }
      },

      async deleteFile(id) {
        try {
          await saver?.flush(id);
          await client.call('files.delete', { id });
          const open = { ...get().open };
          delete open[id];
          set({ open });
          await get().refreshFiles();
        } catch (error) {
          get().report(error);
        }
      },

      async openFile(id) {
        const key = `file:${id}`;
        if (!get().open[id]) {
          try {
            const file = await client.call('files.read', { id });
            const { content, ...meta } = file;
            const draft = journal.get(id);
            const restored = draft !== null && draft !== content ? draft : content;
            set({ open: { ...get().open, [id]: { meta, content: restored, saved: content, saving: false } } });
            if (restored !== content) {
              get().note('output.restoredDraft', { name: meta.name });
              saver?.touch(id);
            } else if (draft !== null) {
              journal.clear(id);
            }
          } catch (error) {
            get().report(error);
            return;
          }
        }
        if (!get().tabs.some((t) => t.key === key)) set({ tabs: [...get().tabs, { kind: 'file', key, fileId: id }] });
        set({ activeTab: key });
      },

      edit(id, content) {
        patchFile(id, { content });
        saver?.touch(id);
      },

      async saveNow(id) {
        saver?.cancel(id);
        await persist(id, 'manual');
      },

      async flushSaves() {
        await saver?.flushAll();
      },

      openHistory(id) {
        const key = `history:${id}`;
        if (!get().tabs.some((t) => t.key === key)) set({ tabs: [...get().tabs, { kind: 'history', key, fileId: id }] });
        set({ activeTab: key });
      },

      openSettings() {
        const key = 'settings';
        if (!get().tabs.some((t) => t.key === key)) set({ tabs: [...get().tabs, { kind: 'settings', key }] });
        set({ activeTab: key });
      },

      openCluster(clusterId) {
        const key = clusterId === null ? `cluster:new:${Date.now()}` : `cluster:${clusterId}`;
        if (!get().tabs.some((t) => t.key === key)) set({ tabs: [...get().tabs, { kind: 'cluster', key, clusterId }] });
        set({ activeTab: key });
      },

      retargetCluster(key, clusterId) {
        const next = `cluster:${clusterId}`;
        const tabs = get().tabs
          .filter((t) => t.key !== next)
          .map((t) => (t.key === key ? { kind: 'cluster' as const, key: next, clusterId } : t));
        set({ tabs, activeTab: get().activeTab === key ? next : get().activeTab });
      },

      openJob(clusterId, jobId, name, applicationId = null) {
        const key = applicationId ? `app:${applicationId}` : `job:${clusterId}:${jobId}`;
        const tab = { kind: 'job' as const, key, clusterId, jobId, name };
        const exists = get().tabs.some((t) => t.key === key);
        set({ tabs: exists ? get().tabs.map((t) => (t.key === key ? tab : t)) : [...get().tabs, tab], activeTab: key });
      },

      async openDeploy(fileId) {
        // Deploy takes what the catalog has: save what is in the editor first, and stop if that
        // failed (the error is already reported) rather than deploy an older text.
        const file = get().open[fileId];
        if (file && (file.content !== file.saved || file.saving)) {
          await get().saveNow(fileId);
          const now = get().open[fileId];
          if (now && now.content !== now.saved) return;
        }
        set({ dialog: { kind: 'deploy', fileId } });
      },

      openJarDeploy() {
        set({ dialog: { kind: 'deployJar' } });
      },

      closeDialog() {
        set({ dialog: null });
      },

      closeTab(key) {
        const tab = get().tabs.find((t) => t.key === key);
        if (tab?.kind === 'file') void saver?.flush(tab.fileId);
        const tabs = get().tabs.filter((t) => t.key !== key);
        const index = get().tabs.findIndex((t) => t.key === key);
        const activeTab = get().activeTab === key ? (tabs[Math.min(index, tabs.length - 1)]?.key ?? null) : get().activeTab;
        set({ tabs, activeTab });
      },

      activate(key) {
        set({ activeTab: key });
      },

      showView(view) {
        const s = get();
        set(s.view === view ? { sideVisible: !s.sideVisible } : { view, sideVisible: true });
      },

      togglePanel(panel) {
        const s = get();
        if (panel && panel !== s.panel) set({ panel, panelVisible: true });
        else set({ panelVisible: !s.panelVisible });
      },

      setPalette(open) {
        set({ paletteOpen: open });
      },

      async updateSettings(patch) {
        try {
          set({ settings: await client.call('settings.update', patch) });
        } catch (error) {
          get().report(error);
        }
      },

      report(error) {
        const data: WeirErrorData =
          error instanceof WeirError
            ? error.toData()
            : { code: 'internal.client', params: { message: error instanceof Error ? error.message : String(error) } };
        const notice = { id: noticeId++, error: data };
        set({ notices: [...get().notices.slice(-4), notice] });
        set({ output: [...get().output, { time: new Date().toISOString(), level: 'error' as const, error: data }].slice(-MAX_OUTPUT) });
      },

      dismiss(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },

      log(text) {
        set({ output: [...get().output, { time: new Date().toISOString(), level: 'info' as const, text }].slice(-MAX_OUTPUT) });
      },

      note(key, params = {}) {
        set({ output: [...get().output, { time: new Date().toISOString(), level: 'info' as const, key, params }].slice(-MAX_OUTPUT) });
      },

      setCursor(cursor) {
        set({ cursor });
      },

      setProblems(fileId, problems) {
        set({ problems: { ...get().problems, [fileId]: problems } });
      },

      async revealAt(fileId, line, column) {
        await get().openFile(fileId);
        set({ reveal: { fileId, line, column, nonce: (get().reveal?.nonce ?? 0) + 1 } });
      },
    };
  });
  store.subscribe((now, before) => {
    if (!tabsRestored || now.workspaceId === null || (now.tabs === before.tabs && now.activeTab === before.activeTab)) return;
    saveTabs(now.workspaceId, { tabs: now.tabs, activeTab: now.activeTab });
  });
  return store;
}
