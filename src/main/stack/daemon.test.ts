import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daemonPid, startDaemon, stopDaemon, waitHealthy } from './daemon.js';
import type { StackPaths } from './stack-part.js';

function paths(): StackPaths {
  const home = mkdtempSync(join(tmpdir(), 'weir-daemon-'));
  return { home, logs: join(home, 'logs'), run: join(home, 'run'), data: join(home, 'data'), cache: join(home, 'cache'), resources: home };
}

describe('daemons', () => {
  it('fails a start with the last lines of the log when the process dies', async () => {
    const p = paths();
    startDaemon(p, { name: 'broken', command: 'sh', args: ['-c', 'echo "FATAL: port 5432 is in use"; exit 3'] });
    await expect(waitHealthy(p, 'broken', async () => false, 10_000)).rejects.toThrow(/broken exited during start-up[\s\S]*FATAL: port 5432 is in use/);
  });

  it('fails a start that never becomes healthy, naming the wait and the log', async () => {
    const p = paths();
    startDaemon(p, { name: 'slow', command: 'sh', args: ['-c', 'echo starting; sleep 30'] });
    await expect(waitHealthy(p, 'slow', async () => false, 1000)).rejects.toThrow(/slow was not healthy after 1 s[\s\S]*starting/);
    await stopDaemon(p, 'slow', 2000);
    expect(daemonPid(p, 'slow')).toBeUndefined();
  });

  it('stops only its own process, found by its pid file', async () => {
    const p = paths();
    const pid = startDaemon(p, { name: 'sleeper', command: 'sleep', args: ['30'] });
    expect(daemonPid(p, 'sleeper')).toBe(pid);
    await stopDaemon(p, 'sleeper', 2000);
    expect(daemonPid(p, 'sleeper')).toBeUndefined();
    await stopDaemon(p, 'never-started'); // a no-op
  });
});
