import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import zhCN from '../../resources/locales/zh-CN.json' with { type: 'json' };
import { WeirError, type ErrorParams } from '../../src/shared/errors/weir-error.js';
import { createTranslator, describeDiagnostic, describeError, diagnosticHint, isMessageKey } from '../../src/shared/i18n/translator.js';
import { splitStatements } from '../../src/shared/sql/parse/split.js';
import { ScriptChecker } from '../../src/shared/sql/services/script-checker.js';
import { SEEDS, mutate, rng } from '../../src/shared/sql/testing/mutations.js';
import { loadQCases } from './q-cases.js';
import { PRODUCT_NAMES } from './zh-glossary.js';

/**
 * The rule for message parameters: a name, a number, or the key of its own translated string,
 * never English prose. Every diagnostic the SQL front end gives over a corpus of bad SQL (Flink's
 * .q scripts, mutations of them, statements that hit each code) and every main-side error code
 * with the parameters its call sites pass is rendered in zh-CN; a Latin word in the result must
 * be an identifier, a keyword, an option key or a product name.
 */
const root = join(import.meta.dirname, '..', '..');
const zh = createTranslator('zh-CN');

/** SQL that reaches every diagnostic code, with the target version where it matters. */
const BAD_SQL: readonly (readonly [string, string?])[] = [
  ["SELECT * FROM t WHERE s != 'ok'"],
  ['SELECT * FROM t LIMIT 10, 20'],
  ['SELECT * FROM t OFFSET 2 ROWS LIMIT 3'],
  ['SELECT MAX(DISTINCT) FROM t'],
  ['SELECT * FROM t LIMIT NOT 0'],
  ["STOP JOB 'a' WITH DRAIN"],
  ["CREATE MATERIALIZED TABLE mt FRESHNESS = '1 h' AS SELECT * FROM t"],
  ['CREATE TABLE t (a INTERVAL YEAR TO MONTH)'],
  ['INSERT INTO t PARTITION (p = 1) (a INT) SELECT 1'],
  ["UPDATE t SET a = DATE 'x'"],
  ["SELECT TIMESTAMP '2024-06-01x' FROM t"],
  ['SELECT /*+ */ * FROM t'],
  ['SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.p AS x PATTERN (A | | B) DEFINE A AS A.p < 1) AS T'],
  ['SELECT SUBSTRING(a, ) FROM t'],
  ['DESCRIBE FUNCTION f'],
  ['SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.p AS x PATTERN (A{x}) DEFINE A AS A.p < 1) AS T'],
  ['SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.p AS x PATTERN (A{,}) DEFINE A AS A.p < 1) AS T'],
  ["CREATE TABLE t (a INT) WITH ('connector' 'kafka')"],
  ["CREATE TABLE t (a INT) WITH ('connector' = )"],
  ["CREATE TABLE t (a INT) WITH (connector = 'kafka')"],
  ['CREATE TABLE t (a INT) DISTRIBUTED INTO x BUCKETS'],
  ['DESCRIBE JOB'],
  ['DESCRIBE JOB abc'],
  ['DESCRIBE'],
  ['SHOW DATABASES FROM a.b'],
  ['CREATE CATALOG a.b WITH ()'],
  ['USE CATALOG a.b'],
  ["ALTER TABLE t RENAME a TO b", '1.16'],
  ["SELECT * FROM TABLE(SESSION(TABLE t PARTITION BY a, DESCRIPTOR(ts), INTERVAL '1' MINUTE))", '1.18'],
  ['CALL cat.sys.p(a => 1)', '1.18'],
  ['TRUNCATE TABLE t', '1.17'],
  ["CREATE TABLE t2 AS SELECT 1", '1.15'],
  ['SELECT 1 FROM', undefined],
  ['SELECT', undefined],
  ["SELECT 'abc FROM t"],
  ['SELECT `abc FROM t'],
  ['SELECT 1 /* open'],
  ['SELECT "a" FROM t'],
  ['SELECT a；'],
  ['SELECT # FROM t'],
  ['SELECT (a FROM t'],
  ['SELECT a) FROM t'],
  ['SELECT a b c FROM t'],
  ['SELECT 1 SELECT 2'],
  ['BEGIN STATEMENT SET; INSERT INTO t SELECT 1;'],
  ['BEGIN STATEMENT SET; END;'],
  ['BEGIN STATEMENT SET; SELECT 1; END;'],
  ['END;'],
  ['FOO BAR;'],
  ['CREATE TABLE t (a INT, b)'],
  ['CREATE TABLE t (a INT) WITH (1 = 2)'],
  // semantic codes
  ["CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen'); SELECT nme FROM src; SELECT * FROM srcc; SELECT lenght(name) FROM src;"],
  ["CREATE TABLE a (id INT) WITH ('connector' = 'datagen'); CREATE TABLE b (id INT) WITH ('connector' = 'datagen'); SELECT id FROM a, b;"],
  ["CREATE TABLE s (id INT, n STRING) WITH ('connector' = 'blackhole'); CREATE TABLE r (id INT) WITH ('connector' = 'datagen'); INSERT INTO s SELECT id FROM r; INSERT INTO s SELECT CAST(id AS BOOLEAN), id FROM r;"],
  ["CREATE TABLE k (a INT) WITH ('connector' = 'kafka', 'topik' = 'x', 'scan.startup.mode' = 'first', 'properties.bootstrap.servers' = 'h:9092', 'format' = 'json');"],
  ["CREATE TABLE k (a INT) WITH ('connector' = 'kafka');"],
  ["CREATE TABLE k (a INT) WITH ('connector' = 'kafak');"],
  ["CREATE TABLE k (a INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://h/db', 'table-name' = 't', 'lookup.cache.ttl' = 'soon', 'sink.buffer-flush.max-rows' = 'many');"],
  ["CREATE TABLE k (a INT) WITH ('connector' = 'kafka'); SELECT * FROM k;"],
];

interface Rendered {
  readonly code: string;
  readonly params: ErrorParams;
  readonly source: string;
}

function corpus(): Rendered[] {
  const texts: [string, string | undefined][] = BAD_SQL.map(([sql, version]) => [sql, version]);
  const seeds = [...SEEDS];
  for (const c of loadQCases()) seeds.push(c.sql);
  for (const s of seeds) texts.push([s, undefined], [s, '1.15']);
  const r = rng(22);
  for (let i = 0; i < 4000; i++) texts.push([mutate(seeds[Math.floor(r() * seeds.length)]!, r), undefined]);
  const out: Rendered[] = [];
  for (const [text, flinkVersion] of texts) {
    const checker = new ScriptChecker(flinkVersion ? { flinkVersion } : {});
    for (const d of checker.check(text).diagnostics) out.push({ code: d.code, params: d.params, source: text });
  }
  return out;
}

const PRODUCTS = new Set(PRODUCT_NAMES);

/** Latin words in `text` that are not identifiers, keywords, option keys or product names. */
function englishWords(text: string): string[] {
  const prose = text.replace(/'[^'\n]*'|`[^`\n]*`|“[^”\n]*”|\$\{\w+\}|--[\w-]+/g, ' ');
  return [...prose.matchAll(/[A-Za-z][A-Za-z0-9_.:/*-]*/g)]
    .map((m) => m[0].replace(/[.:]+$/, ''))
    .filter((w) => !/^[A-Z][A-Z0-9_]*$/.test(w)) // keywords, types, constants
    .filter((w) => !/[0-9_.\-/*]/.test(w.slice(1))) // option keys, paths, identifiers with digits or dots
    .filter((w) => !PRODUCTS.has(w) && !/^[A-Z][a-z]+[A-Z]\w*$/.test(w)) // product names, CamelCase identifiers
    .filter((w) => w.length > 1);
}

/** The text without `name` where it stands as a whole word (a name 'in' leaves 'Flink' alone). */
function withoutWord(text: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![\\w])${escaped}(?![\\w])`, 'g'), ' ');
}

/** A parameter is a key, a number, or a name / snippet the user wrote (or one made of them). */
function paramProblem(value: string | number, source: string): string | null {
  if (typeof value === 'number' || isMessageKey(zh, value)) return null;
  if (source.toLowerCase().includes(value.replace(/…$/, '').toLowerCase())) return null;
  if (/^('[^']*'((, | \/ )|$))+$/.test(value)) return null; // a list of quoted names: 'a', 'b' / 'c'
  if (/^[-A-Z0-9_ '()<>,.=;/|…{}*+?]*$/.test(value)) return null; // keywords, operators, versions, types
  if (/^[\w.$#-]+$/.test(value) && !/^[a-z]+$/.test(value)) return null; // option keys and other identifiers
  return `'${value}' is neither a key, a name from the script, nor a keyword`;
}

describe('message parameters', () => {
  const rendered = corpus();

  it('cover every diagnostic code of the front end', () => {
    const codes = new Set(rendered.map((d) => d.code));
    const sql = Object.keys((zhCN as Record<string, unknown>).sql ?? {});
    expect(sql).toEqual([]); // SQL wording lives in resources/locales/sql, not the main file
    expect(codes.size).toBeGreaterThanOrEqual(40);
  });

  it('reach every key a parser parameter can be (sql.expect, sql.feature, sql.construct)', () => {
    const used = new Set(rendered.flatMap((d) => Object.values(d.params)));
    const sql = (zhCN as unknown as { sql?: unknown }).sql === undefined ? zh.getResource('zh-CN', 'translation', 'sql') : undefined;
    const keys = ['expect', 'feature', 'construct'].flatMap((group) => Object.keys((sql as Record<string, object>)[group]!).map((k) => `sql.${group}.${k}`));
    // 'a statement' at the end of input needs an empty statement, which splitting never yields.
    expect(keys.filter((k) => !used.has(k) && k !== 'sql.expect.statement')).toEqual([]);
  });

  it('of SQL diagnostics are names, numbers or keys, never English prose', () => {
    const bad = new Map<string, string>();
    for (const d of rendered)
      for (const [name, value] of Object.entries(d.params)) {
        if (name === 'context') continue;
        const problem = paramProblem(value, d.source);
        if (problem) bad.set(`${d.code}.${name}`, problem);
      }
    expect(Object.fromEntries(bad)).toEqual({});
  });

  it('give zh-CN diagnostics without English words', () => {
    const bad = new Map<string, string>();
    for (const d of rendered) {
      // Names and snippets from the script are the user's words; keys are translated in place.
      const names = Object.values(d.params).filter((v): v is string => typeof v === 'string' && !isMessageKey(zh, v));
      for (const text of [describeDiagnostic(zh, d.code, d.params), diagnosticHint(zh, d.code, d.params) ?? '']) {
        let prose = text;
        for (const n of names.sort((a, b) => b.length - a.length)) prose = withoutWord(prose, n);
        const words = englishWords(prose);
        if (words.length > 0) bad.set(`${d.code}: ${words.join(', ')}`, text);
      }
    }
    expect(Object.fromEntries(bad)).toEqual({});
  });

  it('render a key parameter in the language of the message', () => {
    const en = createTranslator('en');
    const params = { expected: 'sql.expect.expression', found: ')' };
    expect(describeDiagnostic(zh, 'sql.unexpected-token', params)).toBe("此处应为表达式，但发现 ')'。");
    expect(describeDiagnostic(en, 'sql.unexpected-token', params)).toBe("Expected an expression but found ')'.");
    expect(describeDiagnostic(zh, 'sql.unexpected-token', { expected: 'FROM', found: ')' })).toBe("此处应为 FROM，但发现 ')'。");
    expect(describeDiagnostic(zh, 'sql.unsupported-in-version', { feature: 'sql.feature.named-arguments', since: '1.19', version: '1.18' })).toBe('命名参数需要 Flink 1.19 及以上版本，当前目标版本是 Flink 1.18。');
    // a name that happens to look like a key of nothing stays as written
    expect(describeDiagnostic(zh, 'sql.unknown-table', { name: 'ods.orders' })).toContain("'ods.orders'");
  });
});

// ----- main-side error codes -----

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [full] : [];
  });
}

interface CallSite {
  readonly where: string;
  readonly code: string;
  /** Literal parameter values as written; other parameters are names at run time. */
  readonly literals: Record<string, string>;
  readonly names: string[];
}

/** Every `new WeirError('code', { ... })` in src, with the parameters it passes. */
function callSites(): CallSite[] {
  const sites: CallSite[] = [];
  for (const file of sources(join(root, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && n.expression.getText() === 'WeirError' && n.arguments?.[0] && ts.isStringLiteral(n.arguments[0])) {
        const literals: Record<string, string> = {};
        const names: string[] = [];
        const arg = n.arguments[1];
        if (arg && ts.isObjectLiteralExpression(arg)) {
          for (const p of arg.properties) {
            if (ts.isShorthandPropertyAssignment(p)) names.push(p.name.text);
            else if (ts.isPropertyAssignment(p)) {
              const name = p.name.getText().replace(/['"]/g, '');
              const v = p.initializer;
              if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) literals[name] = v.text;
              else if (ts.isTemplateExpression(v)) literals[name] = v.head.text + v.templateSpans.map((s) => 'x' + s.literal.text).join('');
              else names.push(name);
            }
          }
        }
        const at = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        sites.push({ where: `${file.slice(root.length + 1)}:${at}`, code: n.arguments[0].text, literals, names });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return sites;
}

/** `clusters.kind.${kind}`: a key whose last part is filled at run time, under an existing subtree. */
function keyFamily(value: string): boolean {
  const m = /^([a-z][\w-]*(?:\.[\w-]+)+)\.x$/.exec(value);
  return m !== null && typeof zh.getResource('zh-CN', 'translation', m[1]!) === 'object';
}

/** Placeholders of a code's zh-CN message and hint. */
function placeholders(code: string): string[] {
  const texts = [`errors.${code}.message`, `errors.${code}.hint`].map((k) => zh.getResource('zh-CN', 'translation', k)).filter((v): v is string => typeof v === 'string');
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)))];
}

describe('main-side error parameters', () => {
  const sites = callSites();

  it('are found', () => {
    expect(sites.length).toBeGreaterThan(60);
  });

  it('written as literals are keys, command-line words or code, never English prose', () => {
    const bad: string[] = [];
    for (const s of sites)
      for (const [name, value] of Object.entries(s.literals)) {
        const ok =
          isMessageKey(zh, value) ||
          keyFamily(value) ||
          /^(--|weir\b)/.test(value) || // a command line: '--conf', 'weir cluster'
          /^[-A-Z0-9_ ]+$/.test(value) || // NAME, JOB, HTML
          (name === 'command' && /^[a-z]+$/.test(value)); // weir {{command}}
        if (!ok) bad.push(`${s.where} ${s.code} ${name}: '${value}'`);
      }
    expect(bad).toEqual([]);
  });

  it('give zh-CN messages and hints without English words, with the parameters of every call site', () => {
    const bad: string[] = [];
    for (const s of sites) {
      // Parameters not written as literals are names at run time (also those spread in: `...params`).
      const params: Record<string, string | number> = {};
      for (const n of [...s.names, ...placeholders(s.code)]) params[n] = 'prod-01';
      for (const [name, value] of Object.entries(s.literals)) params[name] = keyFamily(value) ? `${value.slice(0, -2)}.${Object.keys(zh.getResource('zh-CN', 'translation', value.slice(0, -2)) as object)[0]}` : value;
      const text = describeError(zh, new WeirError(s.code, params).toData());
      for (const line of [text.message, text.hint ?? '']) {
        const prose = Object.values(params).filter((v): v is string => typeof v === 'string' && !isMessageKey(zh, v)).reduce(withoutWord, line);
        const words = englishWords(prose);
        if (words.length > 0) bad.push(`${s.where} ${s.code}: ${words.join(', ')} in "${line}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('translate states and kinds instead of putting the raw word in a sentence', () => {
    const lost = describeError(zh, new WeirError('deploy.not-retryable', { id: 3, status: 'jobs.states.LOST' }).toData());
    expect(lost.message).toContain('已丢失');
    const yarn = describeError(zh, new WeirError('clusters.no-rest', { cluster: 'edge', kind: 'clusters.kind.yarn' }).toData());
    expect(yarn.message).toContain('YARN 集群');
    const empty = describeError(zh, new WeirError('cluster.bad-reply', { cluster: 'prod', call: 'GET /overview', status: 200, got: 'errors.cluster.bad-reply.got-empty' }).toData());
    expect(empty.message).not.toMatch(/empty/);
  });
});
