import type { CheckedStatement } from './script-checker.js';

/**
 * How many Flink jobs a checked script starts when its statements run in order: each INSERT
 * outside a statement-set block, each EXECUTE / CTAS / query, and each statement-set block.
 */
export function countJobs(statements: readonly CheckedStatement[]): number {
  let jobs = 0;
  let inSet = false;
  for (const s of statements) {
    switch (s.kind) {
      case 'BeginStatementSet':
        inSet = true;
        break;
      case 'EndStatementSet':
        if (inSet) jobs++;
        inSet = false;
        break;
      case 'Insert':
        if (!inSet) jobs++;
        break;
      case 'StatementSet':
      case 'Execute':
      case 'CreateTableAs':
      case 'Query':
        jobs++;
        break;
    }
  }
  return jobs;
}
