import { describe, expect, it } from 'vitest';
import { flinkQFiles, flinkQFolders, hasClientQ } from '../../corpus/flink-q-folders.js';
import { parseStatement } from '../../../src/shared/sql/parse/parser.js';
import { Session } from '../../../src/shared/sql/analyze/session.js';
import { analyzeStatement } from '../../../src/shared/sql/analyze/statement-analyzer.js';

/**
 * Flink 1.20's SQL client and gateway scripts, each file one session, analyzed in order with no
 * catalog: a statement Flink ran successfully (!ok, !info, !output) must get no semantic error.
 */

interface Case {
  line: number;
  sql: string;
  /** The '!' line ending the statement's expected output: !ok, !info or !error ('!output' only opens it). */
  outcome: string;
}

function loadFile(text: string): Case[] {
  const cases: Case[] = [];
  let acc: string[] = [];
  let inOutput = false;
  let startLine = 0;
  text
    .split('\n')
    .forEach((l, i) => {
      if (!inOutput) {
        if (acc.length === 0 && (l.startsWith('#') || l.trim() === '')) return;
        if (acc.length === 0) startLine = i + 1;
        acc.push(l);
        if (!l.trimEnd().endsWith(';')) return;
        const text = acc.join('\n');
        const open = /STATEMENT\s+SET\s+BEGIN/i.test(text) && !/\bEND\s*;\s*$/i.test(text);
        // a ';' inside a string or comment does not end the statement: the parser tells
        if (!open && !parseStatement(text).diagnostics.some((d) => d.code === 'sql.unterminated-string' || d.code === 'sql.unterminated-comment')) inOutput = true;
      } else if (l.startsWith('!') && l.trim() !== '!output') {
        cases.push({ line: startLine, sql: acc.join('\n'), outcome: l.trim() });
        acc = [];
        inOutput = false;
      }
    });
  return cases.filter((c) => !/^\s*(help|quit|exit|clear)\s*;/i.test(c.sql));
}

describe('Flink 1.20 .q scripts through the analyzer', () => {
  const files = flinkQFiles();
  for (const m of flinkQFolders().missing) it.skip(`${m.name}: ${m.why}`, () => {});

  it('are found', () => {
    expect(files.length).toBeGreaterThan(hasClientQ() ? 20 : 7);
  });

  it('give no semantic error on statements Flink executed', () => {
    const wrong: string[] = [];
    let analyzed = 0;
    let caught = 0;
    for (const { name: file, text } of files) {
      const session = new Session();
      for (const c of loadFile(text)) {
        if (!c.sql.trim()) continue;
        const parsed = parseStatement(c.sql);
        if (c.outcome === '!error') {
          // Flink rejected it, so it changed nothing: only statements without effects are analyzed, to see the checks bite
          if (/^(Query|Insert|Describe|Explain)$/.test(parsed.node.kind) && analyzeStatement(parsed.node, session).some((d) => d.severity === 'error')) caught++;
          continue;
        }
        const broken = parsed.following !== undefined || parsed.diagnostics.some((d) => d.severity === 'error');
        const diagnostics = analyzeStatement(parsed.node, session, broken);
        analyzed++;
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) wrong.push(`${file}:${c.line} ${errors.map((d) => `${d.code} ${JSON.stringify(d.params)}`).join('; ')}\n${c.sql}`);
      }
    }
    expect(analyzed).toBeGreaterThan(hasClientQ() ? 600 : 250);
    if (hasClientQ()) expect(caught).toBeGreaterThanOrEqual(3);
    expect(wrong).toEqual([]);
  });
});
