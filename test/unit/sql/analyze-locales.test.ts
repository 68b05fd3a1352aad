import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FUNCTIONS } from '../../../src/shared/sql/analyze/builtin-functions.js';
import { COMMON_OPTIONS, CONNECTORS, FORMATS } from '../../../src/shared/sql/analyze/connectors/index.js';
import { SEMANTIC_CODES } from '../../../src/shared/sql/analyze/semantic-diagnostic.js';

const load = (dir: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../resources/locales/${dir}/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('analyzer wording', () => {
  for (const lang of ['en', 'zh-CN']) {
    it(`${lang} words every semantic code, connector option and built-in function`, () => {
      const sql = load('sql', lang) as Record<string, { message?: string; hint?: string }>;
      for (const code of SEMANTIC_CODES) {
        expect(sql[code.slice(4)]?.message, code).toBeTruthy();
        expect(sql[code.slice(4)]?.hint, code).toBeTruthy();
      }
      const docs = load('sql-connectors', lang) as Record<string, Record<string, string>>;
      const options = [...COMMON_OPTIONS, ...CONNECTORS.flatMap((c) => c.options), ...FORMATS.flatMap((f) => f.options)];
      const missing = options.filter((o) => !docs[o.doc]?.[o.key]).map((o) => `${o.doc} ${o.key}`);
      expect(missing).toEqual([]);
      const fns = load('sql-functions', lang) as Record<string, string>;
      expect(BUILTIN_FUNCTIONS.filter((f) => !fns[f.name]).map((f) => f.name)).toEqual([]);
    });
  }
});
