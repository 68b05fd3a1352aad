import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain closing line CI reads: `N passed, N failed` (and skipped when any, each by name). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped.push(`${module.moduleId.replace(/^.*?\/test\//, 'test/').replace(/^.*?\/src\//, 'src/')}: ${test.name}`);
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    // A skipped test names what it could not run and why: it never passes silently.
    for (const name of skipped) process.stdout.write(`skipped: ${name}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}\n`);
  }
}
