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
  /** A cluster's Java stack trace, shown folded below the details (its root cause is the first detail). */
  readonly trace?: readonly string[];
}

export class WeirError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly details: readonly string[];
  readonly trace: readonly string[];

  constructor(code: string, params: ErrorParams = {}, options: { cause?: unknown; details?: readonly string[]; trace?: readonly string[] } = {}) {
    super(`${code} ${JSON.stringify(params)}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WeirError';
    this.code = code;
    this.params = params;
    this.details = options.details ?? [];
    this.trace = options.trace ?? [];
  }

  toData(): WeirErrorData {
    return {
      code: this.code,
      params: this.params,
      ...(this.details.length > 0 ? { details: this.details } : {}),
      ...(this.trace.length > 0 ? { trace: this.trace } : {}),
    };
  }

  static fromData(data: WeirErrorData): WeirError {
    return new WeirError(data.code, data.params, { details: data.details ?? [], trace: data.trace ?? [] });
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
