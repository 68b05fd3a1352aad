/// <reference lib="webworker" />
import { BUILTIN_FUNCTIONS } from '../../shared/sql/analyze/builtin-functions.js';
import { complete } from '../../shared/sql/services/completion.js';
import { formatRange } from '../../shared/sql/services/format/formatter.js';
import { hoverAt } from '../../shared/sql/services/hover.js';
import { definitionAt } from '../../shared/sql/services/definition.js';
import { LineIndex } from '../../shared/sql/services/line-index.js';
import { outline } from '../../shared/sql/services/outline.js';
import { ScriptChecker } from '../../shared/sql/services/script-checker.js';
import type { CheckResponse, Problem, WorkerRequest, WorkerResponse } from './sql-worker-protocol.js';

/**
 * The SQL language worker: all parsing happens here, off the main thread. One checker per
 * file keeps its statement cache, so an edit re-parses only the statements it touched.
 */
const checkers = new Map<number, ScriptChecker>();
const scope = self as unknown as DedicatedWorkerGlobalScope;

function check(fileId: number, text: string, id: number): CheckResponse {
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
  return { type: 'check', id, fileId, problems, statements: result.statements.length, parsed: result.parsed, millis: performance.now() - started };
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  switch (request.type) {
    case 'check':
      response = check(request.fileId, request.text, request.id);
      break;
    case 'outline':
      response = { type: 'outline', id: request.id, items: outline(request.text) };
      break;
    case 'definition':
      response = { type: 'definition', id: request.id, definition: definitionAt(request.text, request.offset) };
      break;
    case 'complete':
      response = { type: 'complete', id: request.id, result: complete(request.text, request.offset, { functions: BUILTIN_FUNCTIONS }) };
      break;
    case 'format': {
      const result = formatRange(request.text, request.start, request.end, { indent: request.tabSize });
      response = { type: 'format', id: request.id, edits: result.edits, skipped: result.skipped.length };
      break;
    }
    case 'hover':
      response = { type: 'hover', id: request.id, hover: hoverAt(request.text, request.offset, { functions: BUILTIN_FUNCTIONS }) };
      break;
  }
  scope.postMessage(response);
};
