import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WeirError } from '../../shared/errors/weir-error.js';
import { createTranslator, describeError } from '../../shared/i18n/translator.js';
import { runCommand } from './jvm-tools.js';
import type { StackPart, StackPaths } from './stack-part.js';
import { stackUp } from './stack.js';

function paths(): StackPaths {
  const home = mkdtempSync(join(tmpdir(), 'weir-part-failure-'));
  return { home, logs: join(home, 'logs'), run: join(home, 'run'), data: join(home, 'data'), cache: join(home, 'cache'), resources: home };
}

// What kafka-storage printed when it got an id starting with '-': a usage block, then the reason.
const KAFKA_STORAGE = [
  'echo "usage: kafka-storage format [-h] --config CONFIG --cluster-id CLUSTER_ID [--add-scram ADD_SCRAM] [--ignore-formatted]" >&2',
  'echo "" >&2',
  'echo "kafka-storage: error: argument --cluster-id/-t: expected one argument" >&2',
  'exit 1',
].join('; ');

function failingPart(): StackPart {
  const classpath = Array.from({ length: 60 }, (_, i) => `/var/cache/weir/stack/kafka/lib/kafka-dependency-${i}.jar`).join(':');
  return {
    name: 'kafka',
    port: 19092,
    prepare: async () => {
      await runCommand('sh', ['-c', KAFKA_STORAGE, '-classpath', classpath, 'kafka.tools.StorageTool', 'format', '-t', '-Xq1']);
    },
    start: async () => {},
    status: async () => ({ name: 'kafka', port: 19092, running: false, healthy: false }),
    stop: async () => {},
  };
}

async function failure(p: StackPaths): Promise<WeirError> {
  const error = await stackUp(p, [failingPart()], () => {}).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WeirError);
  return error as WeirError;
}

describe('a stack part that fails to start', () => {
  it("says which part, then the tool's own reason, the log file and what to do; never the command line first", async () => {
    const p = paths();
    const error = await failure(p);
    expect(error.code).toBe('stack.part-failed');
    expect(error.params.part).toBe('kafka');
    expect(error.details[0]).toBe('kafka-storage: error: argument --cluster-id/-t: expected one argument');
    expect(error.details.join('\n')).not.toContain('-classpath');
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = describeError(createTranslator(locale), error.toData());
      expect(text.message).toContain('kafka');
      expect(text.message).not.toContain('.jar');
      expect(text.hint).toContain(join(p.logs, 'kafka.log'));
    }
    expect(describeError(createTranslator('zh-CN'), error.toData()).message).toMatch(/本地环境无法启动 kafka/);
  });

  it('keeps the whole output and the command line in the part\'s log for whoever needs them', async () => {
    const p = paths();
    await failure(p);
    const log = readFileSync(join(p.logs, 'kafka.log'), 'utf8');
    expect(log).toContain('kafka could not start');
    expect(log).toContain('command: sh -c');
    expect(log).toContain('usage: kafka-storage format');
  });
});
