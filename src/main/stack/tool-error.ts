/**
 * A stack tool (java, mvn, initdb, a daemon) that failed. What the user needs first is the tool's
 * own reason, so `output` keeps what it printed; the command line, long and full of jar paths,
 * is kept apart in `context` for the log only.
 */
export class ToolError extends Error {
  constructor(
    summary: string,
    readonly output: string,
    readonly context?: string,
  ) {
    super(`${summary}\n${lastErrorLines(output).join('\n')}`);
    this.name = 'ToolError';
  }
}

const STACK_FRAME = /^\s+at |^\s*\.\.\. \d+ more$/;
const ERRORISH = /error|exception|fatal|failed|refused|denied|cannot|can't|could not|unable|expected|not found|no such|invalid|permission|already in use|panic/i;

/**
 * The lines that say why a tool failed: the last lines that look like errors (usage text and
 * stack frames dropped), or the last lines at all when none does.
 */
export function lastErrorLines(output: string, max = 6): string[] {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !STACK_FRAME.test(l));
  const errorish = lines.filter((l) => ERRORISH.test(l));
  const picked = (errorish.length > 0 ? errorish : lines).slice(-max);
  return picked.map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l));
}
