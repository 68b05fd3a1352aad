import { SINK_PARALLELISM } from './common.js';
import { opt, type ConnectorSpec } from './option.js';

/** Flink 1.20's 'print' sink. */
export const PRINT: ConnectorSpec = {
  name: 'print',
  options: [opt('print', 'print-identifier', 'string'), opt('print', 'standard-error', 'boolean', { default: 'false' }), SINK_PARALLELISM],
};
