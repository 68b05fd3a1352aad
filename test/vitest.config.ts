import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Three projects: unit (no services, seconds), integration (the real local stack, brought up
 * once by the global setup) and e2e (Debian's Chromium against the built browser host).
 * Projects run one after another (unit, e2e, integration) and files one at a time in the slow
 * projects: the machines have two cores, and JVMs and Chromium should not fight over them.
 */
export default defineConfig({
  root,
  test: {
    reporters: ['default', join(root, 'test/summary-reporter.ts')],
    projects: [
      {
        test: {
          name: 'unit',
          root,
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          globalSetup: [join(root, 'test/corpus/global-setup.ts')],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          root,
          sequence: { groupOrder: 2 },
          // Browser tests that need the real stack (*.stack.test.ts) run here, after its global setup.
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.stack.test.ts'],
          globalSetup: [join(root, 'test/corpus/global-setup.ts'), join(root, 'test/integration/global-setup.ts')],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/**/*.stack.test.ts', '**/node_modules/**'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
