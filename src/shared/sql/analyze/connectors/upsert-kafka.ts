import { KAFKA_CLIENT_OPTIONS } from './kafka.js';
import { opt, type ConnectorSpec } from './option.js';

/** flink-connector-kafka 3.3's 'upsert-kafka': key and value formats are both required. */
export const UPSERT_KAFKA: ConnectorSpec = {
  name: 'upsert-kafka',
  passthrough: ['properties.'],
  formatKeys: ['key.format', 'value.format'],
  requiredOneOf: [['topic', 'topic-pattern'], ['key.format'], ['value.format']],
  options: [
    ...KAFKA_CLIENT_OPTIONS,
    opt('kafka', 'topic-pattern', 'string'),
    opt('upsert-kafka', 'sink.buffer-flush.max-rows', 'int', { default: '0' }),
    opt('upsert-kafka', 'sink.buffer-flush.interval', 'duration', { default: '0 s' }),
  ],
};
