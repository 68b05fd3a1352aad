/**
 * Backpressure for one WebSocket. Calls run at most `maxInFlight` at a time; while calls wait,
 * or more than `pauseAboveBytes` of replies wait to be read by the client, the socket stops
 * reading (the client's sends then block in TCP, not in our memory). A client that keeps asking
 * without reading is closed once its unread bytes would pass `closeAboveBytes`, so one slow
 * socket can hold at most about that much memory and never starves the others.
 */
export interface SocketLimits {
  readonly maxInFlight: number;
  /** Messages already read when the socket paused; more than this is a client that ignores limits. */
  readonly maxQueuedCalls: number;
  readonly pauseAboveBytes: number;
  readonly closeAboveBytes: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxInFlight: 8,
  maxQueuedCalls: 512,
  pauseAboveBytes: 1024 * 1024,
  closeAboveBytes: 64 * 1024 * 1024,
};

/** The part of a `ws` WebSocket used here (a fake in tests). */
export interface CallSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(text: string): void;
  pause(): void;
  resume(): void;
  close(code: number, reason: string): void;
  /** Drops the connection at once: a client that does not read would never see a close frame. */
  terminate(): void;
}

const OPEN = 1;
export const CLOSE_TOO_SLOW = 1008;
const DRAIN_POLL_MS = 25;

export class SocketCalls {
  private readonly queue: string[] = [];
  private inFlight = 0;
  private paused = false;
  private drainTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly socket: CallSocket,
    /** Answers one raw message with the text to send back; must not throw. */
    private readonly answer: (message: string) => Promise<string>,
    private readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {}

  receive(message: string): void {
    if (this.closed) return;
    if (this.queue.length >= this.limits.maxQueuedCalls) return this.close('too many calls');
    this.queue.push(message);
    this.pump();
  }

  /** Sends a reply or an event unless it would leave too much unread for this client. */
  send(text: string): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    const queued = this.socket.bufferedAmount;
    if (queued > 0 && queued + text.length > this.limits.closeAboveBytes) {
      this.dispose();
      this.socket.terminate();
      return;
    }
    this.socket.send(text);
  }

  dispose(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.drainTimer) clearInterval(this.drainTimer);
    this.drainTimer = null;
  }

  get stats(): { inFlight: number; queued: number; paused: boolean } {
    return { inFlight: this.inFlight, queued: this.queue.length, paused: this.paused };
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.limits.maxInFlight && this.queue.length > 0 && !this.backedUp()) {
      const message = this.queue.shift()!;
      this.inFlight++;
      void this.answer(message).then(
        (reply) => this.settle(reply),
        () => this.settle(null),
      );
    }
    this.flow();
  }

  private settle(reply: string | null): void {
    this.inFlight--;
    if (reply !== null) this.send(reply);
    this.pump();
  }

  private backedUp(): boolean {
    return this.socket.bufferedAmount > this.limits.pauseAboveBytes;
  }

  /** Reads again only when nothing waits; polls the unread bytes while they are what holds us. */
  private flow(): void {
    if (this.closed) return;
    const hold = this.queue.length > 0 || this.inFlight >= this.limits.maxInFlight || this.backedUp();
    if (hold && !this.paused) {
      this.paused = true;
      this.socket.pause();
    } else if (!hold && this.paused) {
      this.paused = false;
      this.socket.resume();
    }
    const waitingForClient = this.backedUp();
    if (waitingForClient && !this.drainTimer) {
      this.drainTimer = setInterval(() => this.pump(), DRAIN_POLL_MS);
    } else if (!waitingForClient && this.drainTimer) {
      clearInterval(this.drainTimer);
      this.drainTimer = null;
    }
  }

  private close(reason: string): void {
    this.dispose();
    this.socket.close(CLOSE_TOO_SLOW, reason);
  }
}
