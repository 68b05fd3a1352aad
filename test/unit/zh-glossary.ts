/**
 * The zh-CN glossary: one term per concept, the one Chinese Flink engineers know from StreamPark,
 * Dinky and the Flink docs. `refuse` lists the words the chosen term replaces; the terminology
 * test fails on any of them in a zh-CN string. `files` narrows a term to some locale files (the
 * CLI's "[选项]" are command-line options, not WITH 参数), `except` keeps a legitimate use.
 */
export interface GlossaryTerm {
  readonly concept: string;
  readonly use: string;
  readonly refuse: readonly RegExp[];
  readonly files?: readonly LocaleFile[];
  readonly except?: RegExp;
}

export type LocaleFile = 'main' | 'sql' | 'sql-connectors' | 'sql-functions';

export const GLOSSARY: readonly GlossaryTerm[] = [
  { concept: 'Flink standalone (session) cluster', use: 'Standalone 集群', refuse: [/独立集群/, /Standalone Session 集群/, /独立模式/] },
  { concept: 'Flink SQL Gateway', use: 'SQL Gateway', refuse: [/网关/, /(?<!SQL )Gateway(?! 地址)(?![-\w])/] },
  // 资源管理器 alone is the Explorer's title; YARN's is ResourceManager.
  { concept: 'YARN ResourceManager', use: 'ResourceManager', refuse: [/YARN 资源管理器/, /资源管理器地址/, /资源管理器（/] },
  { concept: 'task slot', use: 'Slot', refuse: [/槽位/, /插槽/, /任务槽/] },
  { concept: "Weir's SQL runner jar", use: 'Runner JAR', refuse: [/运行器 ?JAR/, /执行器 ?JAR/] },
  { concept: 'TLS', use: 'TLS', refuse: [/传输层安全/, /SSL\/TLS/] },
  { concept: 'source / sink operators', use: 'Source / Sink 算子', refuse: [/源算子/, /汇算子/, /数据汇/, /接收器算子/] },
  { concept: 'adding a cluster or part', use: '添加', refuse: [/登记/] },
  { concept: 'triggering a savepoint', use: '触发保存点', refuse: [/做保存点/, /创建保存点/, /生成保存点/, /打保存点/] },
  { concept: 'stop with savepoint', use: '停止并触发保存点', refuse: [/带保存点停止/, /停止并保存状态/, /（带保存点）/, /可带保存点/] },
  { concept: "Weir's catalog file (catalog.sqlite)", use: '元数据库', refuse: [/目录库/] },
  { concept: 'table column', use: '列', refuse: [/字段/], except: /(JSON|CSV) 字段/ },
  { concept: 'connector / WITH option', use: '参数', refuse: [/选项/], files: ['sql', 'sql-connectors', 'sql-functions'] },
  { concept: 'a stored secret (password, token, secret variable)', use: '机密', refuse: [/密钥项/, /密钥只从/, /密钥变量/, /保存的密钥(?!文件)/] },
  { concept: 'a reply to a request', use: '响应', refuse: [/应答/] },
  { concept: 'shuffle-by-partition (groups rows of a partition, the opposite of scattering)', use: '按分区列重新分发', refuse: [/打散/] },
];

/** Fixed wordings: the info severity is 信息 (提示 is a diagnostic's hint). */
export const FIXED: Readonly<Record<string, string>> = {
  'panel.severity.info': '信息',
  'cli.check.info': '信息',
  'clusters.kind.standalone': 'Standalone 集群',
  'jobs.page.actions.savepoint': '触发保存点',
  'jobs.page.actions.stop': '停止并触发保存点',
};

/** Product and protocol names kept as they are in both languages. */
export const PRODUCT_NAMES: readonly string[] = [
  'Weir', 'Flink', 'Apache', 'SQL', 'Gateway', 'JobManager', 'TaskManager', 'ResourceManager', 'YARN', 'Hadoop', 'HDFS', 'Slot',
  'Runner', 'JAR', 'TLS', 'SSH', 'REST', 'API', 'HTTP', 'HTTPS', 'JSON', 'CSV', 'Avro', 'HTML', 'PEM', 'CA', 'URL', 'JDBC', 'CDC',
  'Kafka', 'MySQL', 'PostgreSQL', 'MariaDB', 'Oracle', 'ClickHouse', 'Elasticsearch', 'OpenSearch', 'DataHub', 'OpenLineage',
  'Catalog', 'Source', 'Sink', 'UDF', 'TVF', 'Java', 'Scala', 'Python', 'Maven', 'Debian', 'OpenSSH', 'MaxSessions', 'Standalone',
  'Session', 'Local', 'English', 'Ctrl', 'Shift', 'Enter', 'Main-Class', 'cron', 'zip', 'hint', 'UTC', 'ID', 'IDE', 'MB', 'ms', 'GNOME', 'Keyring', 'KWallet', 'SQLite',
];
