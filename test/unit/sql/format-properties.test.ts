import { describe, expect, it } from 'vitest';
import { generateScript } from '../../../bench/script-generator.js';
import { flinkQFolders, hasClientQ } from '../../corpus/flink-q-folders.js';
import { loadQCases } from '../q-cases.js';
import { lex } from '../../../src/shared/sql/lex/lexer.js';
import { isComment } from '../../../src/shared/sql/lex/token.js';
import { parseScript } from '../../../src/shared/sql/parse/parser.js';
import { astDifference } from '../../../src/shared/sql/services/format/ast-equal.js';
import { formatScript } from '../../../src/shared/sql/services/format/formatter.js';


/** Comment texts, sorted (line comments without trailing blanks, which the printer trims). */
function comments(text: string): string[] {
  return lex(text)
    .filter((t) => isComment(t.kind))
    .map((t) => text.slice(t.start, t.end).trimEnd())
    .sort();
}

/** Why `formatted` is not a faithful, stable formatting of `source`; undefined when it is. */
function problem(source: string, formatted: string): string | undefined {
  const again = formatScript(formatted).text;
  if (again !== formatted) return `not idempotent:\n${formatted}\n--- second pass ---\n${again}`;
  const a = parseScript(source);
  const b = parseScript(formatted);
  const kinds = (s: typeof a) => s.statements.map((x) => x.node.kind).join(',');
  if (kinds(a) !== kinds(b)) return `statement kinds ${kinds(a)} became ${kinds(b)}`;
  const codes = (s: typeof a) => s.diagnostics.map((d) => d.code).join(',');
  if (codes(a) !== codes(b)) return `diagnostics ${codes(a)} became ${codes(b)}`;
  for (let i = 0; i < a.statements.length; i++) {
    const d = astDifference(a.statements[i]!.node, b.statements[i]!.node);
    if (d) return `statement ${i}: ${d}\n${formatted}`;
  }
  if (comments(source).join('\n') !== comments(formatted).join('\n')) return `comments differ:\n${formatted}`;
  return undefined;
}

describe('formatting properties', () => {
  const cases = loadQCases();
  for (const m of flinkQFolders().missing) it.skip(`${m.name}: ${m.why}`, () => {});

  it('holds for every statement of Flink 1.20 .q scripts that parses', () => {
    expect(cases.length).toBeGreaterThan(hasClientQ() ? 700 : 250);
    const wrong: string[] = [];
    let formatted = 0;
    for (const c of cases.filter((x) => !x.syntaxError)) {
      const r = formatScript(c.sql);
      if (r.skipped.length > 0) {
        wrong.push(`${c.file}:${c.line} skipped ${r.skipped[0]!.reason}`);
        continue;
      }
      const p = problem(c.sql, r.text);
      if (p) wrong.push(`${c.file}:${c.line} ${p}`);
      if (r.changed) formatted++;
    }
    expect(wrong).toEqual([]);
    expect(formatted).toBeGreaterThan(hasClientQ() ? 500 : 250);
  });

  it('leaves the statements Flink rejects exactly as written', () => {
    for (const c of cases.filter((x) => x.syntaxError)) {
      const r = formatScript(c.sql);
      expect(r.skipped.map((s) => s.reason)).toContain('syntax-error');
      for (const s of r.skipped) expect(r.text).toContain(c.sql.slice(s.start, s.end));
    }
  });

  it('holds for a generated 1,000-line script', () => {
    const text = generateScript(1000);
    const r = formatScript(text);
    expect(r.skipped).toEqual([]);
    expect(problem(text, r.text)).toBeUndefined();
    // formatted once, it stays as it is
    expect(formatScript(r.text).changed).toBe(false);
  });

  it('holds with comments everywhere and other options', () => {
    const text = [
      '-- a job',
      'create table t ( -- columns',
      '  id bigint, /* key */',
      '  -- name follows',
      '  name string',
      ") with ('connector' = 'x' -- the connector",
      ');',
      '',
      '',
      'insert into s /* target */ select id, -- id',
      "  name from t where id > 1 -- filter\n  and name <> '' ; -- done",
      '/* trailing */',
    ].join('\n');
    for (const options of [undefined, { keywordCase: 'lower' as const }, { keywordCase: 'preserve' as const, indent: 4, lineWidth: 40 }]) {
      const r = formatScript(text, options);
      expect(r.skipped).toEqual([]);
      expect(formatScript(r.text, options).text).toBe(r.text);
      expect(comments(r.text)).toEqual(comments(text));
      expect(problem(text, formatScript(r.text).text)).toBeUndefined();
    }
  });
});
