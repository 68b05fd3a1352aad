import { SCAN_PARALLELISM } from './common.js';
import { opt, type ConnectorSpec } from './option.js';

const d = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('datagen', key, type, extra);

/** Flink 1.20's 'datagen'; `#` is a column name. */
export const DATAGEN: ConnectorSpec = {
  name: 'datagen',
  options: [
    d('rows-per-second', 'long', { default: '10000' }),
    d('number-of-rows', 'long'),
    SCAN_PARALLELISM,
    d('fields.#.kind', 'enum', { values: ['random', 'sequence'], default: 'random' }),
    d('fields.#.min', 'string'),
    d('fields.#.max', 'string'),
    d('fields.#.max-past', 'duration', { default: '0' }),
    d('fields.#.length', 'int', { default: '100' }),
    d('fields.#.var-len', 'boolean', { default: 'false' }),
    d('fields.#.start', 'string'),
    d('fields.#.end', 'string'),
    d('fields.#.null-rate', 'double', { default: '0' }),
  ],
};
