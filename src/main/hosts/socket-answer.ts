import type { CallResponse } from '../../shared/contract/wire.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Dispatch } from '../api/dispatcher.js';
import type { Logger } from '../app/logger.js';

/**
 * Turns one raw WebSocket message into the text of its reply, whatever it holds: not JSON, no
 * id, a `method` nested thousands deep, an output that cannot be serialised. Never throws.
 */
export async function answerMessage(raw: string, dispatch: Dispatch, log: Logger): Promise<string> {
  let id = -1;
  let request: unknown;
  try {
    request = JSON.parse(raw);
  } catch {
    return failure(id, 'contract.malformed-message');
  }
  try {
    if (typeof request !== 'object' || request === null || Array.isArray(request)) return failure(id, 'contract.malformed-message');
    const { id: given, method, input } = request as Record<string, unknown>;
    if (typeof given !== 'number' || !Number.isSafeInteger(given)) return failure(id, 'contract.malformed-message');
    id = given;
    if (typeof method !== 'string') return failure(id, 'contract.malformed-message');
    const result = await dispatch(method, input);
    return JSON.stringify({ id, ...result } satisfies CallResponse);
  } catch (error) {
    log.error('a socket message could not be answered', error);
    return failure(id, 'internal.unexpected', { method: '(socket)' });
  }
}

function failure(id: number, code: string, params: Record<string, string> = {}): string {
  return JSON.stringify({ id, ok: false, error: new WeirError(code, params).toData() } satisfies CallResponse);
}
