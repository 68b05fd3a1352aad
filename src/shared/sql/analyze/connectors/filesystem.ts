import { SINK_PARALLELISM } from './common.js';
import { opt, type ConnectorSpec } from './option.js';

const f = (key: string, type: Parameters<typeof opt>[2], extra?: Parameters<typeof opt>[3]) => opt('filesystem', key, type, extra);

/** Flink 1.20's 'filesystem' connector (partition commit and compaction included). */
export const FILESYSTEM: ConnectorSpec = {
  name: 'filesystem',
  formatKeys: ['format'],
  requiredOneOf: [['format']],
  options: [
    f('path', 'string', { required: true }),
    f('format', 'string'),
    f('partition.default-name', 'string', { default: '__DEFAULT_PARTITION__' }),
    f('source.monitor-interval', 'duration'),
    f('source.path.regex-pattern', 'string'),
    f('source.report-statistics', 'enum', { values: ['NONE', 'ALL'], default: 'ALL' }),
    f('sink.rolling-policy.file-size', 'memory', { default: '128MB' }),
    f('sink.rolling-policy.rollover-interval', 'duration', { default: '30 min' }),
    f('sink.rolling-policy.check-interval', 'duration', { default: '1 min' }),
    f('sink.rolling-policy.inactivity-interval', 'duration'),
    f('sink.shuffle-by-partition.enable', 'boolean', { default: 'false' }),
    f('sink.partition-commit.trigger', 'enum', { values: ['process-time', 'partition-time'], default: 'process-time' }),
    f('sink.partition-commit.delay', 'duration', { default: '0 s' }),
    f('sink.partition-commit.watermark-time-zone', 'string', { default: 'UTC' }),
    f('sink.partition-commit.policy.kind', 'string'),
    f('sink.partition-commit.policy.class', 'string'),
    f('sink.partition-commit.policy.class.parameters', 'list'),
    f('sink.partition-commit.success-file.name', 'string', { default: '_SUCCESS' }),
    f('partition.time-extractor.kind', 'string', { default: 'default' }),
    f('partition.time-extractor.class', 'string'),
    f('partition.time-extractor.timestamp-pattern', 'string'),
    f('partition.time-extractor.timestamp-formatter', 'string', { default: 'yyyy-MM-dd HH:mm:ss' }),
    f('auto-compaction', 'boolean', { default: 'false' }),
    f('compaction.file-size', 'memory'),
    f('compaction.parallelism', 'int'),
    SINK_PARALLELISM,
  ],
};
