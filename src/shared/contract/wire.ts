import type { WeirErrorData } from '../errors/weir-error.js';

/** Messages on a transport. IPC carries results and events as-is; WebSocket as JSON text. */
export interface CallRequest {
  readonly id: number;
  readonly method: string;
  readonly input: unknown;
}

export type CallResult = { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly error: WeirErrorData };

export type CallResponse = CallResult & { readonly id: number };

export interface EventMessage {
  readonly event: string;
  readonly payload: unknown;
}

/** What the renderer needs from a transport; the client adds the types. */
export interface Transport {
  call(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}
