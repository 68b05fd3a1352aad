import { CDC_COMMON_OPTIONS } from './cdc-common.js';
import { opt, type ConnectorSpec } from './option.js';

const p = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('postgres-cdc', key, type, extra);

/** Flink CDC 3.x 'postgres-cdc'. */
export const POSTGRES_CDC: ConnectorSpec = {
  name: 'postgres-cdc',
  passthrough: ['debezium.', 'jdbc.properties.'],
  options: [
    ...CDC_COMMON_OPTIONS,
    p('port', 'int', { default: '5432' }),
    p('schema-name', 'string', { required: true }),
    p('slot.name', 'string', { required: true }),
    p('decoding.plugin.name', 'string', { default: 'decoderbufs' }),
    p('changelog-mode', 'enum', { values: ['all', 'upsert'], default: 'all' }),
    p('scan.incremental.snapshot.enabled', 'boolean', { default: 'false' }),
    p('scan.startup.mode', 'enum', { values: ['initial', 'snapshot', 'latest-offset', 'committed-offset'], default: 'initial' }),
    p('scan.lsn-commit.checkpoints-num-delay', 'int', { default: '3' }),
    p('scan.include-partitioned-tables.enabled', 'boolean', { default: 'false' }),
  ],
};
