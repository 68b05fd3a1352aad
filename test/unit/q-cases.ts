import { lex } from '../../src/shared/sql/lex/lexer.js';
import { TokenKind } from '../../src/shared/sql/lex/token.js';
import { flinkQFiles } from '../corpus/flink-q-folders.js';

/**
 * The statements of Flink 1.20's own SQL client and gateway test scripts (.q files), with whether
 * Flink's parser rejects them; used by the parser's and the formatter's corpus tests.
 */
export interface QCase {
  file: string;
  line: number;
  sql: string;
  syntaxError: boolean;
}

/** The statements of every .q file at hand (see test/corpus/flink-q-folders.ts). */
export function loadQCases(): QCase[] {
  const cases: QCase[] = [];
  {
    for (const { name, text } of flinkQFiles()) {
      const lines = text.split('\n');
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
          cases.push({ file: name, line: startLine, sql: acc.join('\n'), syntaxError });
          acc = [];
          inOutput = false;
        } else out.push(l);
      });
    }
  }
  // client commands (HELP, QUIT, ...) never reach the SQL parser
  return cases.filter((c) => !/^\s*(help|quit|exit|clear)\s*;/i.test(c.sql));
}
