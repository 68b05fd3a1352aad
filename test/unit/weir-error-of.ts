import { WeirError } from '../../src/shared/errors/weir-error.js';

/** The WeirError `fn` throws; other exceptions propagate, and no exception fails the test. */
export function weirErrorOf(fn: () => unknown): WeirError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WeirError) return error;
    throw error;
  }
  throw new Error('expected a WeirError, but nothing was thrown');
}

/** The code of the WeirError `fn` throws. */
export function errorCode(fn: () => unknown): string {
  return weirErrorOf(fn).code;
}
