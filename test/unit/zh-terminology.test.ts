import { describe, expect, it } from 'vitest';
import zhCN from '../../resources/locales/zh-CN.json' with { type: 'json' };
import en from '../../resources/locales/en.json' with { type: 'json' };
import sqlZh from '../../resources/locales/sql/zh-CN.json' with { type: 'json' };
import connectorsZh from '../../resources/locales/sql-connectors/zh-CN.json' with { type: 'json' };
import functionsZh from '../../resources/locales/sql-functions/zh-CN.json' with { type: 'json' };
import { alignColumns, displayWidth } from '../../src/shared/i18n/display-width.js';
import { createTranslator } from '../../src/shared/i18n/translator.js';
import { FIXED, GLOSSARY, type LocaleFile } from './zh-glossary.js';

function flatten(tree: unknown, prefix = ''): [string, string][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

const FILES: Record<LocaleFile, [string, string][]> = {
  main: flatten(zhCN),
  sql: flatten(sqlZh),
  'sql-connectors': flatten(connectorsZh),
  'sql-functions': flatten(functionsZh),
};
const ALL = Object.entries(FILES).flatMap(([file, entries]) => entries.map(([key, text]) => ({ file: file as LocaleFile, key, text })));

/** Text outside ASCII quotes and backticks: quoted names, option keys and code are not sentences. */
const prose = (text: string) => text.replace(/'[^'\n]*'|`[^`\n]*`/g, "''");

describe('zh-CN terminology', () => {
  it('uses one term per concept: the words the glossary replaces appear in no zh-CN string', () => {
    const found: string[] = [];
    for (const term of GLOSSARY) {
      for (const { file, key, text } of ALL) {
        if (term.files && !term.files.includes(file)) continue;
        const checked = term.except ? prose(text).replace(new RegExp(term.except.source, 'g'), '') : prose(text);
        for (const word of term.refuse) if (word.test(checked)) found.push(`${file} ${key}: '${word.source}' (use ${term.use}): ${text.slice(0, 80)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps the fixed wordings (信息 for the info severity, 触发保存点, Standalone 集群)', () => {
    const main = new Map(FILES.main);
    for (const [key, text] of Object.entries(FIXED)) expect(main.get(key), key).toBe(text);
  });

  it('writes Chinese sentences with full-width punctuation', () => {
    const HAN = '[\\u4e00-\\u9fff]';
    const rules = [new RegExp(`${HAN}[,;:?!]`), new RegExp(`(?<![A-Z)])[,;:?!] ?${HAN}`), new RegExp(`${HAN} ?\\([A-Za-z\\u4e00-\\u9fff ]+\\)`)];
    const bad = ALL.filter(({ key, text }) => key !== 'cli.help' && prose(text).split('\n').some((line) => rules.some((r) => r.test(line))));
    expect(bad.map((b) => `${b.file} ${b.key}: ${b.text}`)).toEqual([]);
  });

  it('puts identifiers and option keys of SQL messages in ASCII quotes, so they can be copied', () => {
    const NAMES = /(?<!['`.])\{\{(name|key|connector|column|table|word|value|next|char)\}\}/;
    const bad = FILES.sql.filter(([, text]) => NAMES.test(text) || /[“”]/.test(text));
    expect(bad).toEqual([]);
  });

  it('aligns the CLI help in display cells, also with Chinese words in it', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const help = alignColumns(createTranslator(locale).t('cli.help', { version: '1.0' }));
      const columns = new Set<number>();
      for (const line of help.split('\n')) {
        const m = /^( {2}\S.*?\S {2,}|\s{41})(?=\S)/.exec(line);
        if (m && !line.startsWith('        ')) columns.add(displayWidth(m[1]!));
      }
      expect([...columns], locale).toEqual([41]);
    }
    expect(displayWidth('check 文件...')).toBe(13);
    expect((en as { cli: { help: string } }).cli.help).toContain('\t');
  });
});
