import { describe, expect, it } from 'vitest';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Logger } from '../app/logger.js';
import { createDispatcher } from './dispatcher.js';
import type { Handlers } from './handlers.js';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not expected in this test');
  };
  const base = Object.fromEntries(
    ['app.info', 'workspaces.list', 'files.list', 'files.create', 'files.read', 'files.save', 'files.rename', 'files.delete', 'files.history', 'files.version', 'settings.get', 'settings.update', 'stack.status', 'stack.up'].map(
      (k) => [k, fail],
    ),
  ) as unknown as Handlers;
  return { ...base, ...overrides };
}

describe('dispatcher', () => {
  it('refuses an unknown method with a typed error', async () => {
    const dispatch = createDispatcher(handlers(), recordingLogger());
    const result = await dispatch('files.format-disk', {});
    expect(result).toEqual({ ok: false, error: { code: 'contract.unknown-method', params: { method: 'files.format-disk' } } });
  });

  it('answers a method nested thousands deep instead of overflowing the stack', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const dispatch = createDispatcher(handlers(), recordingLogger());
    const result = await dispatch(deep as string, {});
    expect(result).toEqual({ ok: false, error: { code: 'contract.unknown-method', params: { method: '(object)' } } });
  });

  it('refuses inherited object keys as methods', async () => {
    const dispatch = createDispatcher(handlers(), recordingLogger());
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
  });

  it.each([
    ['a wrong type', { workspaceId: '1', name: 'a.sql' }, 'workspaceId'],
    ['a missing field', { name: 'a.sql' }, 'workspaceId'],
    ['a path separator in the name', { workspaceId: 1, name: '../etc/passwd' }, 'name'],
    ['an empty name', { workspaceId: 1, name: '   ' }, 'name'],
    ['an unknown key', { workspaceId: 1, name: 'a.sql', owner: 'root' }, '(input)'],
    ['a negative id', { workspaceId: -3, name: 'a.sql' }, 'workspaceId'],
  ])('refuses %s before any service runs', async (_label, input, field) => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({
        'files.create': () => {
          called = true;
          throw new Error('must not run');
        },
      }),
      recordingLogger(),
    );
    const result = await dispatch('files.create', input);
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('contract.invalid-input');
    expect(result.error.params.method).toBe('files.create');
    expect(result.error.params.field).toBe(field);
    expect(result.error.details?.length).toBeGreaterThan(0);
  });

  it('refuses a non-object input', async () => {
    const dispatch = createDispatcher(handlers(), recordingLogger());
    for (const input of ['text', 42, [1, 2], true]) {
      expect(await dispatch('files.read', input)).toMatchObject({ ok: false, error: { code: 'contract.invalid-input' } });
    }
  });

  it('passes parsed input, with defaults applied and names trimmed, to the handler', async () => {
    let seen: unknown;
    const dispatch = createDispatcher(
      handlers({
        'files.create': (input) => {
          seen = input;
          return { id: 1, workspaceId: 1, name: input.name, createdAt: 'x', updatedAt: 'x', size: 0 };
        },
      }),
      recordingLogger(),
    );
    const result = await dispatch('files.create', { workspaceId: 1, name: '  orders.sql ' });
    expect(result.ok).toBe(true);
    expect(seen).toEqual({ workspaceId: 1, name: 'orders.sql', content: '' });
  });

  it('turns a service WeirError into a typed result', async () => {
    const dispatch = createDispatcher(
      handlers({ 'files.read': ({ id }) => { throw new WeirError('files.not-found', { id }); } }),
      recordingLogger(),
    );
    expect(await dispatch('files.read', { id: 7 })).toEqual({ ok: false, error: { code: 'files.not-found', params: { id: 7 } } });
  });

  it('survives an unexpected exception and logs its cause, not the input', async () => {
    const log = recordingLogger();
    const dispatch = createDispatcher(
      handlers({ 'files.save': () => { throw new TypeError('boom'); } }),
      log,
    );
    const result = await dispatch('files.save', { id: 1, content: 'password=hunter2', kind: 'auto' });
    expect(result).toEqual({ ok: false, error: { code: 'internal.unexpected', params: { method: 'files.save' } } });
    expect(log.lines.join('\n')).toContain('files.save failed unexpectedly');
    expect(log.lines.join('\n')).not.toContain('hunter2');
    // the dispatcher still answers afterwards
    expect((await dispatch('nope', {})).ok).toBe(false);
  });
});
