import { SCAN_PARALLELISM, SINK_PARALLELISM } from './common.js';
import { opt, type ConnectorSpec } from './option.js';

const k = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('kafka', key, type, extra);

/** Options shared by 'kafka' and 'upsert-kafka' (flink-connector-kafka 3.3). */
export const KAFKA_CLIENT_OPTIONS = [
  k('properties.bootstrap.servers', 'string', { required: true }),
  k('properties.group.id', 'string'),
  k('topic', 'list'),
  k('key.format', 'string'),
  k('value.format', 'string'),
  k('key.fields-prefix', 'string'),
  k('value.fields-include', 'enum', { values: ['ALL', 'EXCEPT_KEY'], default: 'ALL' }),
  k('sink.delivery-guarantee', 'enum', { values: ['at-least-once', 'exactly-once', 'none'], default: 'at-least-once' }),
  k('sink.transactional-id-prefix', 'string'),
  SINK_PARALLELISM,
  SCAN_PARALLELISM,
];

export const KAFKA: ConnectorSpec = {
  name: 'kafka',
  passthrough: ['properties.'],
  formatKeys: ['format', 'key.format', 'value.format'],
  requiredOneOf: [['topic', 'topic-pattern'], ['format', 'value.format']],
  options: [
    ...KAFKA_CLIENT_OPTIONS,
    k('topic-pattern', 'string'),
    k('format', 'string'),
    k('key.fields', 'list'),
    k('scan.startup.mode', 'enum', { values: ['earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'], default: 'group-offsets' }),
    k('scan.startup.specific-offsets', 'string'),
    k('scan.startup.timestamp-millis', 'long'),
    k('scan.bounded.mode', 'enum', { values: ['unbounded', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'], default: 'unbounded' }),
    k('scan.bounded.specific-offsets', 'string'),
    k('scan.bounded.timestamp-millis', 'long'),
    k('scan.topic-partition-discovery.interval', 'duration', { default: '5 min' }),
    k('sink.partitioner', 'string', { default: 'default' }),
    k('sink.semantic', 'enum', { values: ['at-least-once', 'exactly-once', 'none'], deprecated: true }),
  ],
};
