import { opt, type OptionSpec } from './option.js';

const c = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('cdc', key, type, extra);

/** Options of the incremental-snapshot framework shared by Flink CDC 3.x's database sources. */
export const CDC_COMMON_OPTIONS: readonly OptionSpec[] = [
  c('hostname', 'string', { required: true }),
  c('username', 'string', { required: true }),
  c('password', 'string', { required: true }),
  c('database-name', 'string', { required: true }),
  c('table-name', 'string', { required: true }),
  c('scan.incremental.snapshot.chunk.size', 'int', { default: '8096' }),
  c('scan.snapshot.fetch.size', 'int', { default: '1024' }),
  c('connect.timeout', 'duration', { default: '30s' }),
  c('connect.max-retries', 'int', { default: '3' }),
  c('connection.pool.size', 'int', { default: '20' }),
  c('heartbeat.interval', 'duration', { default: '30s' }),
  c('chunk-meta.group.size', 'int', { default: '1000' }),
  c('chunk-key.even-distribution.factor.upper-bound', 'double', { default: '1000.0' }),
  c('chunk-key.even-distribution.factor.lower-bound', 'double', { default: '0.05' }),
  c('scan.incremental.snapshot.chunk.key-column', 'string'),
  c('scan.incremental.close-idle-reader.enabled', 'boolean', { default: 'false' }),
  c('scan.incremental.snapshot.backfill.skip', 'boolean', { default: 'false' }),
  c('scan.incremental.snapshot.unbounded-chunk-first.enabled', 'boolean', { default: 'false' }),
  c('scan.newly-added-table.enabled', 'boolean', { default: 'false' }),
];
