import { appendFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { privateDir, tightenIfPresent } from './private-files.js';

/**
 * Plain line log. Callers pass codes, names and ids, never call inputs: inputs may carry
 * passwords, and the log must stay safe to attach to a bug report.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export function fileLogger(file: string, echo: (line: string) => void = () => {}): Logger {
  privateDir(dirname(file));
  tightenIfPresent(file);
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}`;
    try {
      appendFileSync(file, line + '\n', { mode: 0o600 });
    } catch {
      /* logging must never take the app down */
    }
    echo(line);
  };
  return {
    info: (m) => write('INFO ', m),
    warn: (m) => write('WARN ', m),
    error: (m, cause) => write('ERROR', cause instanceof Error ? `${m}: ${cause.stack ?? cause.message}` : m),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
