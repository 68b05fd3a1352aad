import type { EventName, EventPayload } from '../../shared/contract/contract.js';

/** Where services push contract events; the host fans them out to every connected window. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
