/** Messages between the editor and the SQL language worker. */
export interface CheckRequest {
  readonly id: number;
  readonly fileId: number;
  readonly text: string;
}

export interface Problem {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface CheckResponse {
  readonly id: number;
  readonly fileId: number;
  readonly problems: readonly Problem[];
  readonly statements: number;
  /** Statements re-parsed for this answer (the rest came from the worker's cache). */
  readonly parsed: number;
  readonly millis: number;
}
