import { WeirError, type WeirErrorData } from '../../shared/errors/weir-error.js';

/** Any thrown value as the one error shape, for showing it where it happened. */
export function toErrorData(error: unknown): WeirErrorData {
  if (error instanceof WeirError) return error.toData();
  return { code: 'internal.client', params: { message: error instanceof Error ? error.message : String(error) } };
}
