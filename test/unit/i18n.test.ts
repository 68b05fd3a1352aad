import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../resources/locales/en.json' with { type: 'json' };
import zhCN from '../../resources/locales/zh-CN.json' with { type: 'json' };
import sqlEn from '../../resources/locales/sql/en.json' with { type: 'json' };
import sqlZhCN from '../../resources/locales/sql/zh-CN.json' with { type: 'json' };
import { localeSchema, themeSchema, saveKindSchema } from '../../src/shared/contract/contract.js';
import { localePreferences, pickLocale } from '../../src/shared/i18n/locales.js';
import { createTranslator, describeError } from '../../src/shared/i18n/translator.js';
import { PRODUCT_NAMES } from './zh-glossary.js';

const root = join(import.meta.dirname, '..', '..');

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

const EN = flatten({ ...en, sql: sqlEn });
const ZH = flatten({ ...zhCN, sql: sqlZhCN });
const params = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('translations', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect([...ZH.keys()].sort()).toEqual([...EN.keys()].sort());
    for (const [key, text] of [...EN, ...ZH]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same parameters in both languages', () => {
    for (const [key, text] of EN) expect(params(ZH.get(key)!), key).toEqual(params(text));
  });

  it('are really translated (Chinese text in zh-CN where English has words)', () => {
    // Product names (SQL Gateway, TLS, YARN ResourceManager) are the same in both languages.
    const productName = (text: string) => text.split(/\s+/).every((word) => PRODUCT_NAMES.includes(word));
    const untranslated = [...EN].filter(([key, text]) => /[a-z]{3}/i.test(text) && ZH.get(key) === text && !key.startsWith('settings.languages.') && !productName(text));
    expect(untranslated).toEqual([]);
  });

  it('cover every error code the code can raise, with a message in both languages', () => {
    const codes = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new WeirError\(\s*'([a-z-]+\.[a-z-]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/code: '([a-z-]+\.[a-z-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) {
      // SQL diagnostics are worded under sql.<code>, every other error under errors.<code>.
      const key = code.startsWith('sql.') ? `${code}.message` : `errors.${code}.message`;
      expect(EN.has(key), `en ${key}`).toBe(true);
      expect(ZH.has(key), `zh-CN ${key}`).toBe(true);
    }
  });

  it('cover every literal key the workbench and the CLI look up', () => {
    const missing: string[] = [];
    for (const file of [...sources(join(root, 'src/renderer')), ...sources(join(root, 'src/main'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt(?:\.t)?\(\s*'([\w.-]+)'/g)) if (!EN.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('cover the keys built from enumerations', () => {
    const views = ['explorer', 'datasources', 'resources', 'clusters', 'jobs', 'schedules', 'lineage'];
    const keys = [
      ...views.flatMap((v) => [`views.${v}.title`, `views.${v}.empty`]),
      ...localeSchema.options.map((l) => `settings.languages.${l}`),
      ...themeSchema.options.map((t) => `settings.themes.${t}`),
      ...[...saveKindSchema.options, 'deploy'].map((k) => `history.kind.${k}`),
      ...['problems', 'output'].map((p) => `panel.${p}`),
      ...['saving', 'saved', 'unsaved', 'host.desktop', 'host.browser'].map((s) => `status.${s}`),
      ...['noToken', 'wrongHost', 'method', 'notFound', 'badRequest'].flatMap((r) => [`host.refused.${r}.title`, `host.refused.${r}.body`]),
    ];
    for (const key of keys) expect(EN.has(key), key).toBe(true);
  });
});

describe('locale choice', () => {
  it('follows the OS or browser preference, Chinese variants to zh-CN, else English', () => {
    expect(pickLocale(localePreferences('zh-TW,zh;q=0.9,en;q=0.8'))).toBe('zh-CN');
    expect(pickLocale(localePreferences('en-US,en;q=0.9'))).toBe('en');
    expect(pickLocale(localePreferences('de-DE,zh-CN;q=0.5'))).toBe('zh-CN');
    expect(pickLocale(localePreferences('zh_CN.UTF-8'))).toBe('zh-CN');
    expect(pickLocale(localePreferences('fr-FR'))).toBe('en');
    expect(pickLocale(localePreferences(undefined))).toBe('en');
  });

  it('describes an error in the chosen language with its parameters and hint', () => {
    const zh = describeError(createTranslator('zh-CN'), { code: 'files.name-taken', params: { name: 'orders.sql' } });
    expect(zh.message).toBe('此工作区中已存在名为“orders.sql”的文件。');
    expect(zh.hint).toBe('请换一个名称。');
    const enText = describeError(createTranslator('en'), { code: 'no.such-code', params: { a: 1 } });
    expect(enText.message).toContain('no.such-code');
  });
});
