import { CDC_COMMON_OPTIONS } from './cdc-common.js';
import { opt, type ConnectorSpec } from './option.js';

const m = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('mysql-cdc', key, type, extra);

/** Flink CDC 3.x 'mysql-cdc'. */
export const MYSQL_CDC: ConnectorSpec = {
  name: 'mysql-cdc',
  passthrough: ['debezium.', 'jdbc.properties.'],
  options: [
    ...CDC_COMMON_OPTIONS,
    m('port', 'int', { default: '3306' }),
    m('server-id', 'string'),
    m('server-time-zone', 'string'),
    m('scan.incremental.snapshot.enabled', 'boolean', { default: 'true' }),
    m('scan.startup.mode', 'enum', { values: ['initial', 'snapshot', 'latest-offset', 'earliest-offset', 'specific-offset', 'timestamp'], default: 'initial' }),
    m('scan.startup.specific-offset.file', 'string'),
    m('scan.startup.specific-offset.pos', 'long'),
    m('scan.startup.specific-offset.gtid-set', 'string'),
    m('scan.startup.specific-offset.skip-events', 'long'),
    m('scan.startup.specific-offset.skip-rows', 'long'),
    m('scan.startup.timestamp-millis', 'long'),
    m('scan.parse.online.schema.changes.enabled', 'boolean', { default: 'false' }),
    m('scan.read-changelog-as-append-only.enabled', 'boolean', { default: 'false' }),
    m('use.legacy.json.format', 'boolean', { default: 'true' }),
  ],
};
