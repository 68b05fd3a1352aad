import { BLACKHOLE } from './blackhole.js';
import { DATAGEN } from './datagen.js';
import { ELASTICSEARCH_6, ELASTICSEARCH_7 } from './elasticsearch.js';
import { FILESYSTEM } from './filesystem.js';
import { FORMATS } from './formats.js';
import { JDBC } from './jdbc.js';
import { KAFKA } from './kafka.js';
import { MYSQL_CDC } from './mysql-cdc.js';
import type { ConnectorSpec, FormatSpec } from './option.js';
import { ORACLE_CDC } from './oracle-cdc.js';
import { POSTGRES_CDC } from './postgres-cdc.js';
import { PRINT } from './print.js';
import { UPSERT_KAFKA } from './upsert-kafka.js';

export { COMMON_OPTIONS } from './common.js';
export { FORMATS, OTHER_FORMATS } from './formats.js';
export type { ConnectorSpec, FormatSpec, OptionSpec, OptionType } from './option.js';
export { findOption, validValue } from './option.js';

/** The connectors whose options are catalogued (and checked). */
export const CONNECTORS: readonly ConnectorSpec[] = [KAFKA, UPSERT_KAFKA, JDBC, MYSQL_CDC, POSTGRES_CDC, ORACLE_CDC, ELASTICSEARCH_6, ELASTICSEARCH_7, FILESYSTEM, DATAGEN, PRINT, BLACKHOLE];

/**
 * Other connectors in use with Flink 1.20 (official, Flink CDC, lakehouse and vendor ones):
 * known names, so not reported as typos, but their options are not checked.
 */
export const OTHER_CONNECTORS = [
  'hbase-1.4', 'hbase-2.2', 'mongodb', 'mongodb-cdc', 'sqlserver-cdc', 'tidb-cdc', 'db2-cdc', 'oceanbase-cdc', 'vitess-cdc', 'pulsar',
  'kinesis', 'firehose', 'dynamodb', 'opensearch', 'opensearch-2', 'elasticsearch-8', 'hive', 'hudi', 'iceberg', 'paimon', 'doris', 'starrocks',
  'clickhouse', 'redis', 'rabbitmq', 'prometheus', 'values', 'datagen-test', 'faker', 'http',
];

const byName = new Map(CONNECTORS.map((c) => [c.name, c]));
const formatByName = new Map(FORMATS.map((f) => [f.name, f]));

export function connectorSpec(name: string): ConnectorSpec | undefined {
  return byName.get(name);
}

export function formatSpec(name: string): FormatSpec | undefined {
  return formatByName.get(name);
}
