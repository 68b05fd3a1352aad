import { opt, type OptionSpec } from './option.js';

/** Keys every table accepts: the factory identifier and the watermark options Flink 1.18+ reads itself. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  opt('common', 'connector', 'string', { required: true }),
  opt('common', 'property-version', 'int', { deprecated: true }),
  opt('common', 'scan.watermark.emit.strategy', 'enum', { values: ['on-event', 'on-periodic'], default: 'on-periodic' }),
  opt('common', 'scan.watermark.alignment.group', 'string'),
  opt('common', 'scan.watermark.alignment.max-drift', 'duration'),
  opt('common', 'scan.watermark.alignment.update-interval', 'duration', { default: '1s' }),
  opt('common', 'scan.watermark.idle-timeout', 'duration'),
];

export const SINK_PARALLELISM = opt('common', 'sink.parallelism', 'int');
export const SCAN_PARALLELISM = opt('common', 'scan.parallelism', 'int');
