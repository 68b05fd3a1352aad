import en from '../../../resources/locales/en.json' with { type: 'json' };
import zhCN from '../../../resources/locales/zh-CN.json' with { type: 'json' };
import sqlEn from '../../../resources/locales/sql/en.json' with { type: 'json' };
import sqlZhCN from '../../../resources/locales/sql/zh-CN.json' with { type: 'json' };
import type { Locale } from '../contract/contract.js';

/** The translation resources, shared by the workbench, the CLI and the browser host's pages. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** SQL diagnostics have files of their own (`sql.<code>.message`), kept by the SQL front end. */
export const resources = {
  en: { translation: { ...en, sql: sqlEn } },
  'zh-CN': { translation: { ...zhCN, sql: sqlZhCN } },
} as const;

/** Picks a supported locale from an OS / browser preference list (`zh-TW,zh;q=0.9`, `en_US.UTF-8`). */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const raw of preferences) {
    const tag = raw.split(';')[0]!.trim().replace('_', '-').toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Splits an Accept-Language header or a LANG value into preferences, best first. */
export function localePreferences(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.split('.')[0]!, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((p) => p.tag.length > 0)
    .sort((a, b) => b.q - a.q)
    .map((p) => p.tag);
}
