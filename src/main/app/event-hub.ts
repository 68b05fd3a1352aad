import type { EventName, EventPayload } from '../../shared/contract/contract.js';
import type { EventSink } from './events.js';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Fans service events out to every connected window, whichever transport carries it. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  readonly emit: EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of this.listeners) listener(event, payload);
  };

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
