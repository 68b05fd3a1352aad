import { describe, expect, it } from 'vitest';
import type { PartStatus, StackPart } from './stack-part.js';
import { orderParts, stackDown } from './stack.js';

function part(name: string, dependsOn: string[] = [], log: string[] = []): StackPart {
  return {
    name,
    port: 1,
    dependsOn,
    prepare: async () => {},
    start: async () => {},
    status: async (): Promise<PartStatus> => ({ name, port: 1, running: false, healthy: false }),
    stop: async () => {
      log.push(name);
    },
  };
}

describe('stack ordering', () => {
  it('starts dependencies first and pulls them in when a part is named', () => {
    const parts = [part('gateway', ['tm']), part('tm', ['jm']), part('jm'), part('pg')];
    expect(orderParts(parts).map((p) => p.name)).toEqual(['jm', 'tm', 'gateway', 'pg']);
    expect(orderParts(parts, ['gateway']).map((p) => p.name)).toEqual(['jm', 'tm', 'gateway']);
  });

  it('names unknown parts and cycles in its errors', () => {
    expect(() => orderParts([part('a')], ['b'])).toThrow(/unknown stack part "b"; known parts: a/);
    expect(() => orderParts([part('a', ['b']), part('b', ['a'])])).toThrow(/cycle/);
  });

  it('stops in reverse order, and only the parts named', async () => {
    const log: string[] = [];
    const parts = [part('gateway', ['tm'], log), part('tm', ['jm'], log), part('jm', [], log)];
    await stackDown(parts, () => {});
    expect(log).toEqual(['gateway', 'tm', 'jm']);
    log.length = 0;
    await stackDown(parts, () => {}, ['tm']);
    expect(log).toEqual(['tm']);
  });
});
