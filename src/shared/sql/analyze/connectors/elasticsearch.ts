import { SINK_PARALLELISM } from './common.js';
import { opt, type ConnectorSpec, type OptionSpec } from './option.js';

const e = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('elasticsearch', key, type, extra);

/** flink-connector-elasticsearch 3.x sink options shared by versions 6 and 7. */
const SHARED: OptionSpec[] = [
  e('hosts', 'list', { required: true }),
  e('index', 'string', { required: true }),
  e('document-id.key-delimiter', 'string', { default: '_' }),
  e('username', 'string'),
  e('password', 'string'),
  e('failure-handler', 'string', { default: 'fail', deprecated: true }),
  e('sink.delivery-guarantee', 'enum', { values: ['at-least-once', 'exactly-once', 'none'], default: 'at-least-once' }),
  e('sink.flush-on-checkpoint', 'boolean', { default: 'true', deprecated: true }),
  e('sink.bulk-flush.max-actions', 'int', { default: '1000' }),
  e('sink.bulk-flush.max-size', 'memory', { default: '2mb' }),
  e('sink.bulk-flush.interval', 'duration', { default: '1s' }),
  e('sink.bulk-flush.backoff.strategy', 'enum', { values: ['NONE', 'DISABLED', 'CONSTANT', 'EXPONENTIAL'], default: 'NONE' }),
  e('sink.bulk-flush.backoff.max-retries', 'int'),
  e('sink.bulk-flush.backoff.delay', 'duration'),
  e('connection.path-prefix', 'string'),
  e('connection.request-timeout', 'duration'),
  e('connection.timeout', 'duration'),
  e('socket.timeout', 'duration'),
  e('format', 'string', { default: 'json' }),
  SINK_PARALLELISM,
];

export const ELASTICSEARCH_6: ConnectorSpec = {
  name: 'elasticsearch-6',
  formatKeys: ['format'],
  options: [...SHARED, e('document-type', 'string', { required: true })],
};

export const ELASTICSEARCH_7: ConnectorSpec = { name: 'elasticsearch-7', formatKeys: ['format'], options: SHARED };
