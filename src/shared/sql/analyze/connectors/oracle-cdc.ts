import { CDC_COMMON_OPTIONS } from './cdc-common.js';
import { opt, type ConnectorSpec } from './option.js';

const o = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('oracle-cdc', key, type, extra);

/** Flink CDC 3.x 'oracle-cdc': hostname may be replaced by a JDBC url. */
export const ORACLE_CDC: ConnectorSpec = {
  name: 'oracle-cdc',
  passthrough: ['debezium.', 'jdbc.properties.'],
  requiredOneOf: [['hostname', 'url']],
  options: [
    ...CDC_COMMON_OPTIONS.map((c) => (c.key === 'hostname' ? { ...c, required: false } : c)),
    o('port', 'int', { default: '1521' }),
    o('url', 'string'),
    o('schema-name', 'string', { required: true }),
    o('scan.incremental.snapshot.enabled', 'boolean', { default: 'true' }),
    o('scan.startup.mode', 'enum', { values: ['initial', 'snapshot', 'latest-offset'], default: 'initial' }),
  ],
};
