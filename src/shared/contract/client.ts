import { WeirError } from '../errors/weir-error.js';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './contract.js';
import type { Transport } from './wire.js';

/** The typed client: the only way the renderer (and the e2e tests) reach the main side. */
export interface WeirClient {
  call<K extends CallName>(method: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): WeirClient {
  return {
    async call(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw WeirError.fromData(result.error);
      return result.output as never;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
