import { randomBytes } from 'node:crypto';

/**
 * Browser sessions, one per login (each exchange of the printed token for a cookie). A session
 * ends after a while without use or at its maximum age, whichever comes first; its id is replaced
 * now and then so a cookie copied from a browser stops working soon. Memory is bounded: the
 * oldest sessions give way to new logins.
 */
export interface SessionLimits {
  readonly idleMs: number;
  readonly maxAgeMs: number;
  /** A session's id older than this is swapped for a new one on its next page load. */
  readonly rotateMs: number;
  readonly maxSessions: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  idleMs: 12 * 3600_000,
  maxAgeMs: 7 * 24 * 3600_000,
  rotateMs: 3600_000,
  maxSessions: 1000,
};

export interface Session {
  id: string;
  readonly createdAt: number;
  issuedAt: number;
  lastSeen: number;
}

export class SessionStore {
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly now: () => number = Date.now,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  create(): Session {
    while (this.byId.size >= this.limits.maxSessions) this.byId.delete(this.byId.keys().next().value!);
    const t = this.now();
    const session: Session = { id: newId(), createdAt: t, issuedAt: t, lastSeen: t };
    this.byId.set(session.id, session);
    return session;
  }

  /** The live session with this id, marked as used; null when unknown or expired. */
  find(id: string | undefined): Session | null {
    if (id === undefined) return null;
    const session = this.byId.get(id);
    if (!session) return null;
    if (!this.alive(session)) {
      this.byId.delete(id);
      return null;
    }
    session.lastSeen = this.now();
    return session;
  }

  alive(session: Session): boolean {
    const t = this.now();
    return this.byId.get(session.id) === session && t - session.lastSeen < this.limits.idleMs && t - session.createdAt < this.limits.maxAgeMs;
  }

  touch(session: Session): void {
    session.lastSeen = this.now();
  }

  /** Gives the session a new id when its current one is old; true when it changed. */
  rotate(session: Session): boolean {
    if (this.now() - session.issuedAt < this.limits.rotateMs) return false;
    this.byId.delete(session.id);
    session.id = newId();
    session.issuedAt = this.now();
    this.byId.set(session.id, session);
    return true;
  }

  /** Seconds the cookie may live: no longer than the session itself. */
  cookieMaxAge(session: Session): number {
    return Math.max(0, Math.floor((session.createdAt + this.limits.maxAgeMs - this.now()) / 1000));
  }

  sweep(): void {
    for (const session of [...this.byId.values()]) if (!this.alive(session)) this.byId.delete(session.id);
  }

  endAll(): void {
    this.byId.clear();
  }

  get size(): number {
    return this.byId.size;
  }
}

function newId(): string {
  return randomBytes(24).toString('base64url');
}
