/** A syntax problem. `code` is an i18n key (resources/locales/sql/*.json, without the 'sql.' prefix). */
export interface SyntaxDiagnostic {
  severity: 'error' | 'warning';
  code: string;
  params: Record<string, string | number>;
  start: number;
  end: number;
}

/** Every code the parser emits; the locale files must have an entry for each. */
export const SYNTAX_CODES = [
  'sql.unexpected-token',
  'sql.unexpected-end',
  'sql.expected-identifier',
  'sql.expected-expression',
  'sql.expected-data-type',
  'sql.expected-query',
  'sql.expected-statement',
  'sql.missing-identifier',
  'sql.missing-expression',
  'sql.missing-data-type',
  'sql.missing-query',
  'sql.reserved-word',
  'sql.unknown-statement',
  'sql.unterminated-string',
  'sql.unterminated-identifier',
  'sql.unterminated-comment',
  'sql.double-quoted',
  'sql.unknown-char',
  'sql.fullwidth-char',
  'sql.unclosed-paren',
  'sql.unmatched-paren',
  'sql.missing-comma',
  'sql.missing-semicolon',
  'sql.option-missing-equals',
  'sql.option-missing-value',
  'sql.option-not-string',
  'sql.single-part-name',
  'sql.statement-set-unclosed',
  'sql.statement-set-empty',
  'sql.statement-set-only-insert',
  'sql.end-without-begin',
  'sql.unsupported-in-version',
  'sql.invalid-hint',
  'sql.not-allowed',
  'sql.invalid-literal',
  'sql.expected-row-count',
  'sql.quantifier-without-argument',
  'sql.too-deep',
] as const;

export type SyntaxCode = (typeof SYNTAX_CODES)[number];
