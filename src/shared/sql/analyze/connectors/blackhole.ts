import type { ConnectorSpec } from './option.js';

/** Flink 1.20's 'blackhole' sink takes no options besides 'connector'. */
export const BLACKHOLE: ConnectorSpec = { name: 'blackhole', options: [] };
