/// <reference lib="webworker" />
import { LineIndex } from '../../shared/sql/services/line-index.js';
import { ScriptChecker } from '../../shared/sql/services/script-checker.js';
import type { CheckRequest, CheckResponse, Problem } from './sql-worker-protocol.js';

/**
 * The SQL language worker: all parsing happens here, off the main thread. One checker per
 * file keeps its statement cache, so an edit re-parses only the statements it touched.
 */
const checkers = new Map<number, ScriptChecker>();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, fileId, text } = event.data;
  const started = performance.now();
  let checker = checkers.get(fileId);
  if (!checker) {
    checker = new ScriptChecker();
    checkers.set(fileId, checker);
  }
  const result = checker.check(text);
  const index = new LineIndex(text);
  const problems: Problem[] = result.diagnostics.map((d) => {
    const from = index.position(d.start);
    const to = index.position(Math.max(d.end, d.start + 1));
    return { severity: d.severity, code: d.code, params: d.params, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  });
  const response: CheckResponse = {
    id,
    fileId,
    problems,
    statements: result.statements.length,
    parsed: result.parsed,
    millis: performance.now() - started,
  };
  scope.postMessage(response);
};
