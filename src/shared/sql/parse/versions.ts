import type { ParserState } from './parser-state.js';

/** The Flink version that first accepts each piece of syntax (from Flink's release notes and parser history). */
export const SINCE: Record<string, string> = {
  'CREATE TABLE AS': '1.16',
  'REPLACE TABLE AS': '1.18',
  'ANALYZE TABLE': '1.16',
  'DELETE': '1.17',
  'UPDATE': '1.17',
  'ALTER TABLE ADD': '1.17',
  'ALTER TABLE MODIFY': '1.17',
  'ALTER TABLE DROP': '1.17',
  'sql.feature.rename-column': '1.17',
  'SHOW JOBS': '1.17',
  'STOP JOB': '1.17',
  'EXPLAIN PLAN_ADVICE': '1.17',
  'CALL': '1.18',
  'SHOW PROCEDURES': '1.18',
  'TRUNCATE TABLE': '1.18',
  'sql.feature.session-window-tvf': '1.19',
  'sql.feature.named-arguments': '1.19',
  'MATERIALIZED TABLE': '1.20',
  'DESCRIBE CATALOG': '1.20',
  'ALTER CATALOG': '1.20',
  'CREATE CATALOG COMMENT': '1.20',
  'SHOW CREATE CATALOG': '1.20',
  'DISTRIBUTED BY': '1.20',
  'DESCRIBE JOB': '1.20',
  'CREATE OR ALTER MATERIALIZED TABLE': '2.0',
};

/** '1.20' → 120, '2.0' → 200; unknown text falls back to 1.20. */
export function versionNumber(version: string | undefined): number {
  if (!version) return 120;
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return 120;
  return Number(m[1]) * 100 + Number(m[2]);
}

/** Reports syntax the target Flink version does not have yet (parsing goes on). */
export function requireVersion(p: ParserState, feature: string, start: number, end: number): void {
  const since = SINCE[feature];
  if (since === undefined || p.version >= versionNumber(since) || p.failed) return;
  const v = Math.floor(p.version / 100) + '.' + (p.version % 100);
  p.report('sql.unsupported-in-version', { feature, since, version: v }, start, end);
}
