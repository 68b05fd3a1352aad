import { WeirError } from '../../shared/errors/weir-error.js';
import { LineIndex } from '../../shared/sql/services/line-index.js';
import { ScriptChecker, type CheckResult } from '../../shared/sql/services/script-checker.js';

/** Turns a diagnostic into words in the user's language: `(code, params) → text`. */
export type DiagnosticText = (code: string, params: Readonly<Record<string, string | number>>) => string;

/**
 * Statements that ask the SQL client something instead of defining the job: a leftover SELECT
 * would start a second job whose rows go nowhere; SHOW, DESCRIBE and EXPLAIN print to no one.
 */
const NOT_IN_A_JOB: Readonly<Record<string, string>> = { Query: 'SELECT', Show: 'SHOW', Describe: 'DESCRIBE', Explain: 'EXPLAIN' };

/**
 * The same front end as the editor, run before anything reaches a cluster: a script with errors
 * is never deployed, nor one with statements that cannot be part of a job script. The error
 * lists the first problems with their line and column.
 */
export function preDeployCheck(sql: string, what: string, text: DiagnosticText): CheckResult {
  const result = new ScriptChecker().check(sql);
  const index = new LineIndex(sql);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const details = errors.slice(0, 10).map((d) => {
      const at = index.position(d.start);
      return `${at.line}:${at.column} ${text(d.code, d.params)}`;
    });
    if (errors.length > 10) details.push(`… +${errors.length - 10}`);
    throw new WeirError('deploy.check-failed', { what, count: errors.length }, { details });
  }
  const stray = result.statements.filter((s) => NOT_IN_A_JOB[s.kind] !== undefined);
  if (stray.length > 0) {
    const details = stray.slice(0, 10).map((s) => {
      const at = index.position(codeStart(sql, s.start, s.end));
      return `${at.line}:${at.column} ${NOT_IN_A_JOB[s.kind]}: ${firstLine(sql.slice(codeStart(sql, s.start, s.end), s.end))}`;
    });
    throw new WeirError('deploy.not-job-statements', { what, count: stray.length, kinds: [...new Set(stray.map((s) => NOT_IN_A_JOB[s.kind]!))].join(', ') }, { details });
  }
  return result;
}

/** Where a statement's code starts, after the comments it owns. */
function codeStart(sql: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    while (i < end && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith('--', i)) i = sql.indexOf('\n', i) < 0 ? end : sql.indexOf('\n', i) + 1;
    else if (sql.startsWith('/*', i)) i = sql.indexOf('*/', i) < 0 ? end : sql.indexOf('*/', i) + 2;
    else return Math.min(i, end);
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
