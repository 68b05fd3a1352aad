import { settingsSchema, type Settings } from '../../shared/contract/contract.js';
import type { Catalog } from '../catalog/catalog.js';
import type { EventSink } from '../app/events.js';

const DEFAULTS: Settings = { locale: null, theme: 'system', keepStackOnQuit: false };

/** User settings as one JSON row per key; unknown or damaged values fall back to defaults. */
export class SettingsService {
  constructor(
    private readonly catalog: Catalog,
    private readonly emit: EventSink,
  ) {}

  get(): Settings {
    const rows = this.catalog.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const { key, value } of rows) {
      try {
        stored[key] = JSON.parse(value);
      } catch {
        /* damaged value: keep the default for this key */
      }
    }
    const merged = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
      const parsed = settingsSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
    }
    return merged;
  }

  /** Weir's own one-time marks (not user settings): kept beside them under an `internal.` key. */
  flag(name: string): boolean {
    const row = this.catalog.db.prepare('SELECT value FROM settings WHERE key = ?').get(`internal.${name}`) as { value: string } | undefined;
    return row?.value === 'true';
  }

  setFlag(name: string): void {
    this.catalog.write((db) =>
      db.prepare("INSERT INTO settings (key, value) VALUES (?, 'true') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(`internal.${name}`),
    );
  }

  update(patch: Partial<Settings>): Settings {
    this.catalog.write((db) => {
      const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    });
    const settings = this.get();
    this.emit('settings.changed', settings);
    return settings;
  }
}
