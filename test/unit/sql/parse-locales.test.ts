import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYNTAX_CODES } from '../../../src/shared/sql/parse/diagnostic.js';

type Locale = Record<string, { message: string; hint: string }>;
const load = (name: string): Locale => JSON.parse(readFileSync(new URL(`../../../resources/locales/sql/${name}.json`, import.meta.url), 'utf8')) as Locale;

describe('syntax diagnostic wording', () => {
  for (const name of ['en', 'zh-CN']) {
    it(`${name} has a message and hint for every code`, () => {
      const locale = load(name);
      for (const code of SYNTAX_CODES) {
        const entry = locale[code.slice('sql.'.length)];
        expect(entry?.message, code).toBeTruthy();
        expect(entry?.hint, code).toBeTruthy();
      }
    });
  }
});
