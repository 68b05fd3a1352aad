import type { CallResponse, CallResult, EventMessage, Transport } from '../../shared/contract/wire.js';

/**
 * The browser host's transport: one WebSocket to the page's own origin (the session cookie
 * rides along). Reconnects with back-off; calls made while disconnected wait for the socket,
 * calls in flight when it drops fail with `transport.disconnected`.
 */
/** Close code of the browser host when a session ends (src/main/hosts/browser-host.ts). */
const SESSION_ENDED = 4401;

export function wsTransport(url: string, onState: (connected: boolean) => void): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let delay = 250;
  const pending = new Map<number, (result: CallResult) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let ready: Promise<WebSocket> = connect();

  function connect(): Promise<WebSocket> {
    return new Promise((resolve) => {
      const open = () => {
        const ws = new WebSocket(url);
        ws.onopen = () => {
          delay = 250;
          socket = ws;
          onState(true);
          resolve(ws);
        };
        ws.onmessage = (message) => {
          const data = JSON.parse(String(message.data)) as CallResponse | EventMessage;
          if ('event' in data) {
            for (const listener of listeners) listener(data.event, data.payload);
          } else {
            pending.get(data.id)?.(data);
            pending.delete(data.id);
          }
        };
        ws.onclose = (event) => {
          // The host ended this browser's session (expired or token rotated): show its login page.
          if (event.code === SESSION_ENDED) return location.reload();
          if (socket === ws) {
            socket = null;
            onState(false);
            for (const [, settle] of pending) settle({ ok: false, error: { code: 'transport.disconnected', params: {} } });
            pending.clear();
            ready = connect();
          } else {
            setTimeout(open, delay);
            delay = Math.min(delay * 2, 5000);
          }
        };
      };
      open();
    });
  }

  return {
    async call(method, input) {
      const ws = socket ?? (await ready);
      const id = nextId++;
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
