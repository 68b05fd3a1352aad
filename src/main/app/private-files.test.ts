import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from './logger.js';

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('the log and its folder are owner-only', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'weir-home-')), 'home');
    fileLogger(join(home, 'logs', 'weir.log')).info('started');
    expect(statSync(join(home, 'logs')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'logs', 'weir.log')).mode & 0o777).toBe(0o600);
  });
});
