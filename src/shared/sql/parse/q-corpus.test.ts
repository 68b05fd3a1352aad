import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex } from '../lex/lexer.js';
import { TokenKind } from '../lex/token.js';
import { parseStatement } from './parser.js';

/**
 * Flink 1.20's own SQL client and gateway test scripts: every statement must parse exactly when
 * Flink's parser accepts it (statements rejected with a ParseException must get an error; those
 * rejected later by the planner are syntactically valid).
 */
// shared/ sits beside the checkout (as in CI): <repo>/../shared/flink-1.20.
const ROOT = join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'flink-1.20');

export interface QCase {
  file: string;
  line: number;
  sql: string;
  syntaxError: boolean;
}

export function loadQCases(root: string): QCase[] {
  const cases: QCase[] = [];
  for (const dir of ['sql-client-q', 'sql-gateway-q']) {
    for (const f of readdirSync(`${root}/${dir}`).filter((x) => x.endsWith('.q')).sort()) {
      const lines = readFileSync(`${root}/${dir}/${f}`, 'utf8').split('\n');
      let acc: string[] = [];
      let inOutput = false;
      let out: string[] = [];
      let startLine = 0;
      lines.forEach((l, i) => {
        if (!inOutput) {
          if (acc.length === 0 && (l.startsWith('#') || l.trim() === '')) return;
          if (acc.length === 0) startLine = i + 1;
          acc.push(l);
          if (!l.trimEnd().endsWith(';')) return;
          const text = acc.join('\n');
          const toks = lex(text).filter((t) => t.kind !== TokenKind.LineComment && t.kind !== TokenKind.BlockComment);
          const last = toks[toks.length - 2];
          const broken = toks.some((t) => t.kind.startsWith('unterminated'));
          const openSet = /STATEMENT\s+SET\s+BEGIN/i.test(text) && !/\bEND\s*;\s*$/i.test(text);
          if (!broken && !openSet && last?.kind === TokenKind.Operator && last.value === ';') {
            inOutput = true;
            out = [];
          }
        } else if (l.startsWith('!') && l.trim() !== '!output') {
          const syntaxError = l.trim() === '!error' && /ParseException|SqlParserException|SQL parse failed/.test(out.join('\n'));
          cases.push({ file: `${dir}/${f}`, line: startLine, sql: acc.join('\n'), syntaxError });
          acc = [];
          inOutput = false;
        } else out.push(l);
      });
    }
  }
  // client commands (HELP, QUIT, ...) never reach the SQL parser
  return cases.filter((c) => !/^\s*(help|quit|exit|clear)\s*;/i.test(c.sql));
}

describe('Flink 1.20 .q scripts', () => {
  it('are beside the checkout', () => {
    expect(existsSync(ROOT), `${ROOT} is missing: shared/ must sit beside the repository`).toBe(true);
  });

  const cases = existsSync(ROOT) ? loadQCases(ROOT) : [];

  it('has the statements', () => {
    expect(cases.length).toBeGreaterThan(700);
    expect(cases.filter((c) => c.syntaxError).length).toBeGreaterThanOrEqual(9);
  });

  it('accepts what Flink accepts and rejects what its parser rejects', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const r = parseStatement(c.sql);
      const accepted = !r.following && r.diagnostics.every((d) => d.severity !== 'error');
      if (accepted === c.syntaxError) wrong.push(`${c.file}:${c.line} ${c.syntaxError ? 'should fail' : JSON.stringify(r.diagnostics)}\n${c.sql}`);
    }
    expect(wrong).toEqual([]);
  });
});
