import { WeirError } from '../../shared/errors/weir-error.js';
import { LineIndex } from '../../shared/sql/services/line-index.js';
import { ScriptChecker, type CheckResult } from '../../shared/sql/services/script-checker.js';

/** Turns a diagnostic into words in the user's language: `(code, params) → text`. */
export type DiagnosticText = (code: string, params: Readonly<Record<string, string | number>>) => string;

/**
 * The same front end as the editor, run before anything reaches a cluster: a script with errors
 * is never deployed. The error lists the first problems with their line and column.
 */
export function preDeployCheck(sql: string, what: string, text: DiagnosticText): CheckResult {
  const result = new ScriptChecker().check(sql);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const index = new LineIndex(sql);
    const details = errors.slice(0, 10).map((d) => {
      const at = index.position(d.start);
      return `${at.line}:${at.column} ${text(d.code, d.params)}`;
    });
    if (errors.length > 10) details.push(`… +${errors.length - 10}`);
    throw new WeirError('deploy.check-failed', { what, count: errors.length }, { details });
  }
  return result;
}
