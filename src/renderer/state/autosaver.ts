/**
 * Debounced saving per file: waits for a pause in typing (300 ms) but never longer than one
 * second after the first unsaved keystroke, so a crash loses at most a second of work.
 */
export const AUTOSAVE_IDLE_MS = 300;
export const AUTOSAVE_MAX_WAIT_MS = 1000;

export interface Autosaver {
  touch(id: number): void;
  cancel(id: number): void;
  flush(id: number): Promise<void>;
  flushAll(): Promise<void>;
}

export function autosaver(save: (id: number) => Promise<void>): Autosaver {
  const timers = new Map<number, { idle: ReturnType<typeof setTimeout>; firstAt: number }>();

  const run = (id: number): Promise<void> => {
    const entry = timers.get(id);
    if (entry) clearTimeout(entry.idle);
    timers.delete(id);
    return save(id);
  };

  return {
    touch(id) {
      const now = Date.now();
      const entry = timers.get(id);
      if (entry) clearTimeout(entry.idle);
      const firstAt = entry?.firstAt ?? now;
      const wait = Math.max(0, Math.min(AUTOSAVE_IDLE_MS, firstAt + AUTOSAVE_MAX_WAIT_MS - now));
      timers.set(id, { idle: setTimeout(() => void run(id), wait), firstAt });
    },
    cancel(id) {
      const entry = timers.get(id);
      if (entry) clearTimeout(entry.idle);
      timers.delete(id);
    },
    flush(id) {
      return timers.has(id) ? run(id) : Promise.resolve();
    },
    async flushAll() {
      await Promise.all([...timers.keys()].map((id) => run(id)));
    },
  };
}
