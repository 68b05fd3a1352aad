import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../app/logger.js';
import { LocalStackService } from './local-stack-service.js';
import { stackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

const log: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A part that is "running" once started; `gate` holds its start until released. */
function part(name: string, events: string[], options: { running?: boolean; dependsOn?: string[]; gate?: Promise<void> } = {}): StackPart {
  let running = options.running ?? false;
  return {
    name,
    port: 1,
    dependsOn: options.dependsOn ?? [],
    prepare: async () => {},
    start: async () => {
      await options.gate;
      running = true;
      events.push(`start ${name}`);
    },
    status: async (): Promise<PartStatus> => ({ name, port: 1, running, healthy: running }),
    stop: async () => {
      running = false;
      events.push(`stop ${name}`);
    },
  };
}

function service(parts: StackPart[]) {
  const home = mkdtempSync(join(tmpdir(), 'weir-local-stack-'));
  const paths: StackPaths = { home, logs: join(home, 'logs'), run: join(home, 'run'), data: join(home, 'data'), cache: join(home, 'cache'), resources: home };
  // Port 9: nothing answers, so status() does not wait on a real JobManager.
  return new LocalStackService(parts, paths, { ...stackPorts({}), flinkRest: 9 }, () => {}, log);
}

describe('local stack service: stopping what the app started', () => {
  it('stops only the parts this process started, in reverse order', async () => {
    const events: string[] = [];
    const stack = service([part('postgres', events, { running: true }), part('jm', events), part('tm', events, { dependsOn: ['jm'] })]);
    await stack.up();
    await stack.settled();
    expect(await stack.stopStarted()).toEqual(['jm', 'tm']);
    expect(events).toEqual(['start jm', 'start tm', 'stop tm', 'stop jm']); // postgres was already running: left alone
    expect(await stack.stopStarted()).toEqual([]);
  });

  it('lets a running up finish its current part, starts no further one, then stops what it started', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stack = service([part('jm', events, { gate }), part('tm', events, { dependsOn: ['jm'] })]);
    await stack.up();
    const stopping = stack.stopStarted();
    release();
    expect(await stopping).toEqual(['jm']);
    expect(events).toEqual(['start jm', 'stop jm']);
  });
});
