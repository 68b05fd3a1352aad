import { flinkQFiles } from '../corpus/flink-q-folders.js';
import { endsStatement, statementEnds } from './tiny-tokenizer.js';

/**
 * Statements of Flink 1.20's own SQL client and SQL Gateway test scripts (`*.q`).
 *
 * A script is a run of blocks, each closed by a result marker (`!ok`, `!info`, `!warning`,
 * `!error`). Inside a block: `#` comment lines and blank lines before the statement, the
 * statement (it may span lines and ends with ';'), then the printed output. Gateway scripts put
 * a `!output` line between the statement and its output, and their statement may then be
 * several statements sent as one text (Flink answers "only single statement supported").
 */

export type QOutcome =
  /** the script shows a parse error: Flink's parser must reject it */
  | 'parse-error'
  /** it ran, or failed later (planner, catalog, executor): Flink's parser accepts it */
  | 'parsed'
  /** several statements in one text: outside a one-statement parser's contract */
  | 'multi-statement';

export interface QStatement {
  /** `sql-client-q/table.q:42` (line of the statement's first line) */
  where: string;
  sql: string;
  outcome: QOutcome;
  marker: string;
}

const MARKERS = new Set(['!ok', '!info', '!warning', '!error']);
const PARSE_ERROR = /ParseException|SqlParserException|SQL parse failed|SqlParserEOFException/;

/** The .q statements of every script at hand (test/corpus/flink-q-folders.ts says which and why). */
export function loadQStatements(): QStatement[] {
  const out: QStatement[] = [];
  for (const { name, text } of flinkQFiles()) out.push(...parseQScript(name, text));
  return out;
}

export function parseQScript(name: string, text: string): QStatement[] {
  const lines = text.split(/\r?\n/);
  const out: QStatement[] = [];
  let block: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!MARKERS.has(line.trim())) {
      block.push({ line: i + 1, text: line });
      continue;
    }
    const statement = blockStatement(block);
    block = [];
    if (statement === undefined) continue;
    const outcome: QOutcome =
      line.trim() === '!error' && PARSE_ERROR.test(statement.output)
        ? 'parse-error'
        : statementEnds(statement.sql).length > 1
          ? 'multi-statement'
          : 'parsed';
    out.push({ where: `${name}:${statement.line}`, sql: statement.sql, outcome, marker: line.trim() });
  }
  return out;
}

function blockStatement(block: { line: number; text: string }[]): { line: number; sql: string; output: string } | undefined {
  let first = 0;
  while (first < block.length && (block[first]!.text.startsWith('#') || block[first]!.text.trim() === '')) first++;
  if (first >= block.length) return undefined;
  const rest = block.slice(first);
  const outputAt = rest.findIndex((l) => l.text.trim() === '!output');
  let sqlLines: number;
  if (outputAt >= 0) sqlLines = outputAt;
  else {
    // client scripts: the statement ends at the first line that completes it
    sqlLines = rest.length;
    for (let k = 1; k <= rest.length; k++) {
      if (endsStatement(rest.slice(0, k).map((l) => l.text).join('\n'))) {
        sqlLines = k;
        break;
      }
    }
  }
  const sql = rest.slice(0, sqlLines).map((l) => l.text).join('\n').trim();
  const output = rest.slice(outputAt >= 0 ? outputAt + 1 : sqlLines).map((l) => l.text).join('\n');
  return { line: rest[0]!.line, sql, output };
}
