import type { CompletionResult } from '../../shared/sql/services/completion.js';
import type { Definition } from '../../shared/sql/services/definition.js';
import type { TextEdit } from '../../shared/sql/services/format/formatter.js';
import type { HoverInfo } from '../../shared/sql/services/hover.js';
import type { OutlineItem } from '../../shared/sql/services/outline.js';

/** Messages between the editor and the SQL language worker. */
export type WorkerRequest =
  | { readonly type: 'check'; readonly id: number; readonly fileId: number; readonly text: string }
  | { readonly type: 'outline'; readonly id: number; readonly text: string }
  | { readonly type: 'definition'; readonly id: number; readonly text: string; readonly offset: number }
  | { readonly type: 'complete'; readonly id: number; readonly text: string; readonly offset: number }
  | { readonly type: 'hover'; readonly id: number; readonly text: string; readonly offset: number }
  | { readonly type: 'format'; readonly id: number; readonly text: string; readonly start: number; readonly end: number; readonly tabSize: number };

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
  readonly type: 'check';
  readonly id: number;
  readonly fileId: number;
  readonly problems: readonly Problem[];
  readonly statements: number;
  /** Statements re-parsed for this answer (the rest came from the worker's cache). */
  readonly parsed: number;
  readonly millis: number;
}

export type WorkerResponse =
  | CheckResponse
  | { readonly type: 'outline'; readonly id: number; readonly items: readonly OutlineItem[] }
  | { readonly type: 'definition'; readonly id: number; readonly definition: Definition | null }
  | { readonly type: 'complete'; readonly id: number; readonly result: CompletionResult }
  | { readonly type: 'hover'; readonly id: number; readonly hover: HoverInfo | null }
  | { readonly type: 'format'; readonly id: number; readonly edits: readonly TextEdit[]; readonly skipped: number };
