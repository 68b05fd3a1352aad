import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flinkQFolders } from '../corpus/flink-q-folders.js';
import { parseStatement } from '../../src/shared/sql/parse/parser.js';
import { ensureFlinkParserBuilt, FlinkParserProcess, type FlinkVerdict } from '../differential/flink-parser-process.js';
import { baseStatements, mutationStatements, type DiffStatement, type StatementSource } from '../differential/statements.js';

/**
 * Differential proof of Weir's Flink SQL parser: Flink 1.20's own parser (FlinkSqlParserImpl in
 * a JVM, test/differential/flink-parser) and Weir's parseStatement judge the same statements —
 * Flink's .q scripts, generated variants of every statement form, and mutations of each
 * statement Flink accepts — and must agree on accept/reject for at least 99.5% of them (issue 4).
 * Until the parser gets there, the test holds a ratchet: agreement may never fall below the
 * last measured level (raise FLOOR as fixes land). Every disagreement is written to
 * test/differential/disagreements.txt.
 */

const REPO = join(import.meta.dirname, '..', '..');
const REPORT = join(REPO, 'test', 'differential', 'disagreements.txt');
const GOAL_AGREEMENT = 99.5;
/** Measured 2026-11-24: 100.00% of 14,635 statements (99.91% before stricter special-function clauses (TRIM(BOTH BOTH ..), FLOOR(TO ..), ON EMPTY EMPTY, a value after ON NULL), reserved words and strict {n,m} quantifiers in MATCH_RECOGNIZE patterns, hint options of one form, and no DESCRIBE FUNCTION in 1.20; 99.74% before a bare * only as a select item or a call's only argument, time units only as call arguments, no DATE()/TIME()/TIMESTAMP() calls, TABLE(...) holding a call, WHERE/GROUP BY/HAVING only after FROM, FETCH with a count, ';' before END in STATEMENT SET, RAW with its snapshot, and 1.20's SHOW CATALOGS/VIEWS/TABLES/COLUMNS, CREATE TEMPORARY SYSTEM and EXPLAIN forms; 99.56% before EXISTS/NOT as prefix operators, a first call argument with PARTITION BY, typed INSERT columns, DESCRIBE of a query, CREATE OR REPLACE TABLE without AS, reserved words after a dot, and rejecting !=, LIMIT start, count, WITH DRAIN alone, a non-INTERVAL or missing FRESHNESS, INTERVAL column types, malformed DATE/TIME/TIMESTAMP literals and empty hints; 98.24% before adjacent string literals, CREATE CATALOG without WITH, ADD DISTRIBUTION, SHOW PARTITIONS, DESCRIBE JOB in 1.20, SQL client commands, missing-name / empty-list errors, and stricter TRIM/JSON_* arguments). */
const FLOOR_AGREEMENT = 100;
const MUTATIONS_PER_STATEMENT = 3;
const PRINTED = 30;

interface WeirVerdict {
  accepted: boolean;
  /** first error: code, params and the offending text */
  error?: string;
}

interface Row {
  s: DiffStatement;
  flink: FlinkVerdict;
  weir: WeirVerdict;
}

/** Accepted = one statement and no error diagnostic (warnings are fine). */
function judgeWithWeir(sql: string): WeirVerdict {
  try {
    const parsed = parseStatement(sql, 0, sql.length, { flinkVersion: '1.20' });
    const error = parsed.diagnostics.find((d) => d.severity === 'error');
    if (error !== undefined) {
      return { accepted: false, error: `${error.code} ${JSON.stringify(error.params)} at ${error.start}..${error.end} ${JSON.stringify(sql.slice(error.start, error.end))}` };
    }
    if (parsed.following !== undefined && parsed.following.length > 0) return { accepted: false, error: 'more than one statement' };
    return { accepted: true };
  } catch (err) {
    return { accepted: false, error: `threw ${(err as Error).stack ?? String(err)}` };
  }
}

const verdict = (accepted: boolean): string => (accepted ? 'accept' : 'reject');
const pct = (n: number, of: number): string => (of === 0 ? '-' : `${((100 * n) / of).toFixed(2)}%`);

/** Flink's message without positions and quoted tokens, so alike errors group together. */
function errorShape(message: string | undefined): string {
  return (message ?? '')
    .replace(/at line \d+, column \d+/g, 'at <pos>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\s+/g, ' ')
    .slice(0, 100);
}

function firstWords(sql: string): string {
  const code = sql.replace(/--[^\n]*|\/\*(?!\+)[\s\S]*?\*\//g, ' ').trim();
  return code.split(/\s+/).slice(0, 2).join(' ').toUpperCase().slice(0, 40);
}

function tally<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function describeRow(r: Row): string {
  const lines = [
    `## ${r.s.id}  [${r.s.category}]`,
    `Flink: ${verdict(r.flink.accepted)}${r.flink.error ? ` — ${r.flink.error}` : ''}`,
    `Weir:  ${verdict(r.weir.accepted)}${r.weir.error ? ` — ${r.weir.error}` : ''}`,
  ];
  if (r.s.detail) lines.push(`Mutation: ${r.s.detail} (of ${r.s.parent})`);
  lines.push('```sql', r.s.sql, '```', '');
  return lines.join('\n');
}

describe('Weir parser vs Flink 1.20 parser', () => {
  for (const m of flinkQFolders().missing) it.skip(`${m.name}: ${m.why}`, () => {});
  let flink: FlinkParserProcess | undefined;
  const rows: Row[] = [];
  const toolMismatches: string[] = [];
  let buildMillis = 0;
  let flinkMillis = 0;
  let weirMillis = 0;

  beforeAll(async () => {
    const build = await ensureFlinkParserBuilt();
    buildMillis = build.built ? build.millis : 0;
    flink = await FlinkParserProcess.start();

    const base = baseStatements(REPO);
    let t0 = Date.now();
    const baseVerdicts = await flink.judge(base);
    flinkMillis += Date.now() - t0;

    // The tool must reproduce what the scripts recorded, or it does not model Flink's client.
    for (const s of base) {
      const v = baseVerdicts.get(s.id)!;
      if (s.recorded === 'parse-error' && v.accepted) toolMismatches.push(`${s.id}: the script shows a parse error, the tool accepts\n${s.sql}`);
      if (s.recorded === 'parsed' && !v.accepted) toolMismatches.push(`${s.id}: the script ran it, the tool rejects: ${v.error}\n${s.sql}`);
    }

    const valid = base.filter((s) => baseVerdicts.get(s.id)!.accepted && s.recorded !== 'multi-statement');
    const muts = mutationStatements(valid, MUTATIONS_PER_STATEMENT);
    t0 = Date.now();
    const mutVerdicts = await flink.judge(muts);
    flinkMillis += Date.now() - t0;

    t0 = Date.now();
    for (const s of [...base, ...muts]) {
      // several statements in one text are outside a one-statement parser's contract
      if (s.recorded === 'multi-statement') continue;
      const f = baseVerdicts.get(s.id) ?? mutVerdicts.get(s.id);
      if (f === undefined) throw new Error(`Flink gave no verdict for ${s.id}`);
      rows.push({ s, flink: f, weir: judgeWithWeir(s.sql) });
    }
    weirMillis = Date.now() - t0;
  }, 600_000);

  afterAll(async () => {
    await flink?.close();
  });

  it('the Java tool reproduces every verdict recorded in the .q scripts', () => {
    expect(toolMismatches, toolMismatches.join('\n\n')).toEqual([]);
  });

  it(`agrees with Flink on accept/reject, never below ${FLOOR_AGREEMENT}% (goal ${GOAL_AGREEMENT}%)`, () => {
    const disagreements = rows.filter((r) => r.flink.accepted !== r.weir.accepted);
    const sources: StatementSource[] = ['q', 'variant', 'mutation'];
    const perSource = sources.map((src) => {
      const all = rows.filter((r) => r.s.source === src);
      const bad = all.filter((r) => r.flink.accepted !== r.weir.accepted);
      const flinkAccepts = all.filter((r) => r.flink.accepted).length;
      return `${src} ${all.length} (Flink accepts ${flinkAccepts}, disagree ${bad.length}, agree ${pct(all.length - bad.length, all.length)})`;
    });
    const agreement = (100 * (rows.length - disagreements.length)) / Math.max(1, rows.length);
    const summary =
      `[differential] ${rows.length} statements: ${perSource.join('; ')}; ` +
      `agreement ${agreement.toFixed(2)}% (floor ${FLOOR_AGREEMENT}%, goal ${GOAL_AGREEMENT}%); ` +
      `Flink ${flinkMillis} ms, Weir ${weirMillis} ms${buildMillis > 0 ? `, tool build ${buildMillis} ms` : ''}`;

    const weirRejects = disagreements.filter((r) => r.flink.accepted);
    const weirAccepts = disagreements.filter((r) => !r.flink.accepted);
    const header = [
      `# Weir parser vs Flink 1.20 parser (FlinkSqlParserImpl): ${disagreements.length} disagreements`,
      `# ${summary}`,
      `# Regenerated by test/integration/differential.test.ts on every run.`,
      '',
      `Weir rejects what Flink accepts: ${weirRejects.length}`,
      ...tally(weirRejects, (r) => (r.weir.error ?? '').split(' ')[0]!).map(([k, n]) => `  ${n}\t${k}`),
      ...tally(weirRejects, (r) => firstWords(r.s.sql)).slice(0, 15).map(([k, n]) => `  ${n}\tstatement ${k}`),
      '',
      `Weir accepts what Flink rejects: ${weirAccepts.length}`,
      ...tally(weirAccepts, (r) => errorShape(r.flink.error)).slice(0, 20).map(([k, n]) => `  ${n}\t${k}`),
      ...tally(weirAccepts, (r) => r.s.category).slice(0, 15).map(([k, n]) => `  ${n}\t[${k}]`),
      '',
    ];
    const body = [...weirRejects, ...weirAccepts].map(describeRow);
    writeFileSync(REPORT, `${header.join('\n')}\n${body.join('\n')}`);

    process.stdout.write(`${summary}\n`);
    if (disagreements.length > 0) {
      process.stdout.write(`[differential] every disagreement: ${REPORT}; the first ${Math.min(PRINTED, disagreements.length)}:\n\n`);
      process.stdout.write(`${[...weirRejects, ...weirAccepts].slice(0, PRINTED).map(describeRow).join('\n')}\n`);
    }
    expect(rows.length).toBeGreaterThan(5000);
    process.stdout.write(`[differential] agreement ${agreement.toFixed(2)}% (floor ${FLOOR_AGREEMENT}%, goal ${GOAL_AGREEMENT}%)\n`);
    expect(agreement, `${summary}\nsee ${REPORT}`).toBeGreaterThanOrEqual(FLOOR_AGREEMENT);
  });
});
