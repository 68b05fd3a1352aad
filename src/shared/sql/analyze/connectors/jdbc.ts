import { SCAN_PARALLELISM, SINK_PARALLELISM } from './common.js';
import { opt, type ConnectorSpec } from './option.js';

const j = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('jdbc', key, type, extra);

/** flink-connector-jdbc 3.3. */
export const JDBC: ConnectorSpec = {
  name: 'jdbc',
  options: [
    j('url', 'string', { required: true }),
    j('table-name', 'string', { required: true }),
    j('driver', 'string'),
    j('username', 'string'),
    j('password', 'string'),
    j('compatible-mode', 'string'),
    j('connection.max-retry-timeout', 'duration', { default: '60s' }),
    j('scan.partition.column', 'string'),
    j('scan.partition.num', 'int'),
    j('scan.partition.lower-bound', 'long'),
    j('scan.partition.upper-bound', 'long'),
    j('scan.fetch-size', 'int', { default: '0' }),
    j('scan.auto-commit', 'boolean', { default: 'true' }),
    j('lookup.cache', 'enum', { values: ['NONE', 'PARTIAL'], default: 'NONE' }),
    j('lookup.partial-cache.max-rows', 'long'),
    j('lookup.partial-cache.expire-after-write', 'duration'),
    j('lookup.partial-cache.expire-after-access', 'duration'),
    j('lookup.partial-cache.cache-missing-key', 'boolean', { default: 'true' }),
    j('lookup.max-retries', 'int', { default: '3' }),
    j('lookup.cache.max-rows', 'long', { deprecated: true }),
    j('lookup.cache.ttl', 'duration', { deprecated: true }),
    j('lookup.cache.caching-missing-key', 'boolean', { deprecated: true, default: 'true' }),
    j('sink.buffer-flush.max-rows', 'int', { default: '100' }),
    j('sink.buffer-flush.interval', 'duration', { default: '1s' }),
    j('sink.max-retries', 'int', { default: '3' }),
    SINK_PARALLELISM,
    SCAN_PARALLELISM,
  ],
};
