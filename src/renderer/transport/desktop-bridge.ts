import type { CallResult, Transport } from '../../shared/contract/wire.js';

/** What the desktop preload exposes on `window.weirBridge` (see src/main/desktop/desktop-preload.ts). */
export interface DesktopBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    weirBridge?: DesktopBridge;
  }
}

export function desktopTransport(bridge: DesktopBridge): Transport {
  return { call: (method, input) => bridge.call(method, input), subscribe: (listener) => bridge.subscribe(listener) };
}
