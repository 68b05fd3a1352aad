import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { WeirError } from '../../shared/errors/weir-error.js';
import { logFile } from './daemon.js';
import type { StackPaths } from './stack-part.js';
import { lastErrorLines, ToolError } from './tool-error.js';

/**
 * Why a part of the stack did not start, as the user should read it: the part, the tool's own
 * last error lines, the log file and what to do. Everything else (the command line, the whole
 * output) goes to the part's log, never first on the screen.
 */
export function partFailure(paths: StackPaths, part: string, error: unknown): WeirError {
  if (error instanceof WeirError && error.code === 'stack.part-failed') return error;
  const log = logFile(paths, part);
  const message = error instanceof Error ? error.message : String(error);
  const summary = message.split('\n')[0]!;
  const reason = error instanceof ToolError ? [...lastErrorLines(error.output), `(${summary})`] : lastErrorLines(message, 8);
  try {
    mkdirSync(dirname(log), { recursive: true });
    const detail = error instanceof ToolError ? `${error.context ? `command: ${error.context}\n` : ''}${error.output}` : (error instanceof Error ? (error.stack ?? message) : message);
    appendFileSync(log, `\n[weir ${new Date().toISOString()}] ${part} could not start: ${summary}\n${detail}\n`);
  } catch {
    // The log folder itself may be the problem; the error below still says why.
  }
  return new WeirError('stack.part-failed', { part, log }, { cause: error, details: reason });
}
