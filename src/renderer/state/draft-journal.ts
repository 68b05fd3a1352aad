/**
 * Unsaved text kept in the page's own storage until the catalog confirms it, so a reload or
 * a crash while the main side is unreachable loses nothing: reopening the file restores it.
 */
export interface DraftJournal {
  get(fileId: number): string | null;
  put(fileId: number, content: string): void;
  clear(fileId: number): void;
}

const key = (fileId: number) => `weir.draft.${fileId}`;

export function localDraftJournal(storage: Storage | undefined = globalThis.localStorage): DraftJournal {
  return {
    get(fileId) {
      try {
        return storage?.getItem(key(fileId)) ?? null;
      } catch {
        return null;
      }
    },
    put(fileId, content) {
      try {
        storage?.setItem(key(fileId), content);
      } catch {
        /* storage full or disabled: the autosave still runs */
      }
    },
    clear(fileId) {
      try {
        storage?.removeItem(key(fileId));
      } catch {
        /* nothing to clear */
      }
    },
  };
}
