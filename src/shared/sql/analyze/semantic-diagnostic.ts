/** A problem found by name binding and option checks; same shape as a syntax diagnostic. */
export interface SemanticDiagnostic {
  severity: 'error' | 'warning';
  code: SemanticCode;
  /** When a did-you-mean is offered, `context: 'suggest'` selects the locale's `message_suggest`. */
  params: Record<string, string | number>;
  start: number;
  end: number;
}

/** Every code the analyzer emits; the locale files must have an entry for each. */
export const SEMANTIC_CODES = [
  'sql.unknown-table',
  'sql.unknown-column',
  'sql.ambiguous-column',
  'sql.unknown-function',
  'sql.insert-column-count',
  'sql.insert-type-mismatch',
  'sql.unknown-connector-option',
  'sql.missing-connector-option',
  'sql.bad-option-value',
  'sql.unknown-connector',
  'sql.invalid-table-options',
  /** a statement whose analysis ran out of stack (see script-checker's guard) */
  'sql.too-deep',
] as const;

export type SemanticCode = (typeof SEMANTIC_CODES)[number];

/** "'a', 'b'" for messages. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

/** Params with the did-you-mean added when there is one. */
export function withSuggestions(params: Record<string, string | number>, suggestions: readonly string[]): Record<string, string | number> {
  return suggestions.length === 0 ? params : { ...params, context: 'suggest', suggestion: quoteList(suggestions) };
}
