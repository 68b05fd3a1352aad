/**
 * The one error shape of Weir. A code names the failure (`files.name-taken`); the message and
 * the hint are i18n keys derived from it (`errors.<code>.message`, `errors.<code>.hint`) and
 * filled with params, so the UI, the CLI and the contract show the same words in either
 * language. The cause stays on the main side, for the log only.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

export interface WeirErrorData {
  readonly code: string;
  readonly params: ErrorParams;
  /** Extra lines shown under the message (validation issues, a reply's first bytes). */
  readonly details?: readonly string[];
}

export class WeirError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly details: readonly string[];

  constructor(code: string, params: ErrorParams = {}, options: { cause?: unknown; details?: readonly string[] } = {}) {
    super(`${code} ${JSON.stringify(params)}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WeirError';
    this.code = code;
    this.params = params;
    this.details = options.details ?? [];
  }

  toData(): WeirErrorData {
    return this.details.length > 0
      ? { code: this.code, params: this.params, details: this.details }
      : { code: this.code, params: this.params };
  }

  static fromData(data: WeirErrorData): WeirError {
    return new WeirError(data.code, data.params, { details: data.details ?? [] });
  }
}

export function isWeirErrorData(value: unknown): value is WeirErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.params === 'object' && v.params !== null;
}

/** i18n keys of an error's message and hint. */
export function errorMessageKey(code: string): string {
  return `errors.${code}.message`;
}

export function errorHintKey(code: string): string {
  return `errors.${code}.hint`;
}
