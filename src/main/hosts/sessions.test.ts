import { describe, expect, it } from 'vitest';
import { SessionStore } from './sessions.js';

describe('browser sessions', () => {
  const limits = { idleMs: 1000, maxAgeMs: 5000, rotateMs: 500, maxSessions: 3 };

  it('gives every login its own session', () => {
    const store = new SessionStore(() => 0, limits);
    const a = store.create();
    const b = store.create();
    expect(a.id).not.toBe(b.id);
    expect(store.find(a.id)).toBe(a);
    expect(store.find('nope')).toBeNull();
    expect(store.find(undefined)).toBeNull();
  });

  it('ends a session after idling and at its maximum age, even when used', () => {
    let now = 0;
    const store = new SessionStore(() => now, limits);
    const idle = store.create();
    const busy = store.create();
    for (now = 0; now < 4900; now += 900) expect(store.find(busy.id)).toBe(busy);
    expect(store.find(idle.id)).toBeNull();
    now = 5000;
    expect(store.find(busy.id)).toBeNull();
  });

  it('rotates an old id: the old cookie stops working, the session goes on', () => {
    let now = 0;
    const store = new SessionStore(() => now, limits);
    const s = store.create();
    const first = s.id;
    expect(store.rotate(s)).toBe(false);
    now = 600;
    expect(store.rotate(s)).toBe(true);
    expect(store.find(first)).toBeNull();
    expect(store.find(s.id)).toBe(s);
    expect(store.cookieMaxAge(s)).toBe(4);
  });

  it('keeps memory bounded: the oldest logins give way', () => {
    const store = new SessionStore(() => 0, limits);
    const first = store.create();
    for (let i = 0; i < 10; i++) store.create();
    expect(store.size).toBe(3);
    expect(store.find(first.id)).toBeNull();
    store.endAll();
    expect(store.size).toBe(0);
  });
});
