import { opt, type FormatSpec, type OptionSpec } from './option.js';

const TIMESTAMP_STANDARD = ['SQL', 'ISO-8601'];
const NULL_KEY_MODE = ['FAIL', 'DROP', 'LITERAL'];

/** Options every JSON-based format has, documented once under 'json'. */
function jsonFamily(doc: string): OptionSpec[] {
  return [
    opt(doc, 'ignore-parse-errors', 'boolean', { default: 'false' }),
    opt(doc, 'timestamp-format.standard', 'enum', { values: TIMESTAMP_STANDARD, default: 'SQL' }),
    opt(doc, 'map-null-key.mode', 'enum', { values: NULL_KEY_MODE, default: 'FAIL' }),
    opt(doc, 'map-null-key.literal', 'string', { default: 'null' }),
    opt(doc, 'encode.decimal-as-plain-number', 'boolean', { default: 'false' }),
    opt(doc, 'encode.ignore-null-fields', 'boolean', { default: 'false' }),
  ];
}

/** Flink 1.20's formats; keys are written `<format>.<key>` (or `key.<format>.<key>` / `value.<format>.<key>`). */
export const FORMATS: readonly FormatSpec[] = [
  {
    name: 'json',
    options: [
      opt('json', 'fail-on-missing-field', 'boolean', { default: 'false' }),
      ...jsonFamily('json'),
      opt('json', 'decode.json-parser.enabled', 'boolean', { default: 'true' }),
    ],
  },
  {
    name: 'csv',
    options: [
      opt('csv', 'field-delimiter', 'string', { default: ',' }),
      opt('csv', 'disable-quote-character', 'boolean', { default: 'false' }),
      opt('csv', 'quote-character', 'string', { default: '"' }),
      opt('csv', 'allow-comments', 'boolean', { default: 'false' }),
      opt('csv', 'ignore-parse-errors', 'boolean', { default: 'false' }),
      opt('csv', 'array-element-delimiter', 'string', { default: ';' }),
      opt('csv', 'escape-character', 'string'),
      opt('csv', 'null-literal', 'string'),
      opt('csv', 'write-bigdecimal-in-scientific-notation', 'boolean', { default: 'true' }),
    ],
  },
  {
    name: 'avro',
    options: [opt('avro', 'codec', 'string'), opt('avro', 'timestamp_mapping.legacy', 'boolean', { default: 'true' })],
  },
  {
    name: 'debezium-json',
    options: [opt('debezium-json', 'schema-include', 'boolean', { default: 'false' }), ...jsonFamily('json')],
  },
  {
    name: 'canal-json',
    options: [...jsonFamily('json'), opt('canal-json', 'database.include', 'string'), opt('canal-json', 'table.include', 'string')],
  },
  { name: 'maxwell-json', options: jsonFamily('json') },
  {
    name: 'raw',
    options: [
      opt('raw', 'charset', 'string', { default: 'UTF-8' }),
      opt('raw', 'endianness', 'enum', { values: ['big-endian', 'little-endian'], default: 'big-endian' }),
    ],
  },
];

/** Formats Flink ships whose options are not catalogued here: their keys are not checked. */
export const OTHER_FORMATS = ['avro-confluent', 'debezium-avro-confluent', 'ogg-json', 'protobuf', 'parquet', 'orc'];
