import { describe, expect, it } from 'vitest';
import { javaError } from './java-error.js';

describe('java errors', () => {
  it('put the innermost cause first and keep the whole trace', () => {
    const text = [
      'org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.',
      '\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler.java:114)',
      'Caused by: java.util.concurrent.CompletionException: org.apache.flink.util.FlinkRuntimeException: Could not execute application.',
      '\t... 3 more',
      'Caused by: org.apache.flink.table.api.ValidationException: Object \'missing_table\' not found',
      '\tat org.apache.flink.table.planner.catalog.SqlCatalogViewTable.convertToRel(SqlCatalogViewTable.java:70)',
    ].join('\n');
    const error = javaError(text)!;
    expect(error.root).toBe("Object 'missing_table' not found (ValidationException)");
    expect(error.trace).toHaveLength(6);
  });

  it('reads a wrapper that repeats its cause, and leaves plain text alone', () => {
    expect(javaError('java.lang.RuntimeException: java.io.IOException: No space left on device')!.root).toBe('No space left on device (RuntimeException)');
    expect(javaError('Internal server error.')).toBeNull();
  });
});
