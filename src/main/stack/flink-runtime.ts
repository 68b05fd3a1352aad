import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { logFile, startDaemon } from './daemon.js';
import { assembleOnce, copyDependencies, findJava, getJson, hashFiles, jarClasspath, runCommand } from './jvm-tools.js';
import type { StackPorts } from './stack-config.js';
import type { StackPaths } from './stack-part.js';

/**
 * The Flink 1.20 runtime shared by the JobManager, TaskManager and SQL Gateway parts: a lib
 * folder assembled by Maven into the cache (flink-dist itself is not on Maven Central), and a
 * conf folder (config.yaml + log4j) written into the stack's data folder on every prepare.
 */

/** Bump when the assembly recipe changes in a way the pom hash cannot see. */
const RECIPE = 'flink-runtime/1';

/** Slots of the stack's single TaskManager. */
export const TASK_SLOTS = 4;

/** JobManager RPC port (TaskManagers dial it); Flink's default, loopback only. */
export const JOBMANAGER_RPC_PORT = 6123;

/** Flink's default `env.java.opts.all`: what Flink needs opened up on JDK 17. */
export const JAVA17_OPENS: readonly string[] = [
  '--add-exports=java.base/sun.net.util=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED',
  '--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=java.base/java.text=ALL-UNNAMED',
  '--add-opens=java.base/java.time=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED',
];

export interface FlinkLayout {
  /** `<cache>/flink-1.20`: the assembled runtime (lib/ and the pom it came from). */
  readonly home: string;
  readonly lib: string;
  /** `<data>/flink/conf`: FLINK_CONF_DIR of every Flink daemon. */
  readonly conf: string;
  readonly checkpoints: string;
  readonly savepoints: string;
  /** Where `/jars/upload` keeps jars; inside data so uploads survive a restart. */
  readonly webUpload: string;
  readonly tmp: string;
}

export function flinkLayout(paths: StackPaths): FlinkLayout {
  const home = join(paths.cache, 'flink-1.20');
  const data = join(paths.data, 'flink');
  return {
    home,
    lib: join(home, 'lib'),
    conf: join(data, 'conf'),
    checkpoints: join(data, 'checkpoints'),
    savepoints: join(data, 'savepoints'),
    webUpload: join(data, 'web-upload'),
    tmp: join(data, 'tmp'),
  };
}

function flinkPom(paths: StackPaths): string {
  return join(paths.resources, 'stack', 'flink', 'pom.xml');
}

/** Assembles `<cache>/flink-1.20/lib` unless the marker says this pom was already assembled. */
export async function assembleFlinkLib(paths: StackPaths): Promise<boolean> {
  const layout = flinkLayout(paths);
  const pom = flinkPom(paths);
  const hash = hashFiles(join(paths.resources, 'stack', 'flink'), [pom], RECIPE);
  return assembleOnce(layout.home, hash, (tmp) => copyDependencies(pom, tmp, join(tmp, 'lib')));
}

/** Writes conf/config.yaml and the log4j files; cheap, so every prepare rewrites them. */
export function writeFlinkConf(paths: StackPaths, ports: StackPorts): FlinkLayout {
  const layout = flinkLayout(paths);
  // An empty plugins/ keeps Flink from warning that the plugins directory is missing.
  const plugins = join(layout.home, 'plugins');
  for (const dir of [layout.conf, layout.checkpoints, layout.savepoints, layout.webUpload, layout.tmp, plugins]) {
    mkdirSync(dir, { recursive: true });
  }
  const fileUrl = (dir: string) => pathToFileURL(dir).href;
  // JSON is valid YAML 1.2, and Flink 1.20 reads config.yaml with a standard YAML parser:
  // writing JSON avoids quoting rules for Windows paths and values with colons.
  const config: Record<string, string | number | boolean> = {
    'env.java.opts.all': JAVA17_OPENS.join(' '),
    'jobmanager.rpc.address': '127.0.0.1',
    'jobmanager.rpc.port': JOBMANAGER_RPC_PORT,
    'jobmanager.bind-host': '127.0.0.1',
    // A 2-core, 24 GiB machine also runs databases, Kafka and a browser: a 1 GiB JobManager
    // (which also plans the SQL runner's jobs) and one 2.5 GiB TaskManager with 4 slots.
    'jobmanager.memory.process.size': '1024m',
    'jobmanager.execution.failover-strategy': 'region',
    'taskmanager.bind-host': '127.0.0.1',
    'taskmanager.host': '127.0.0.1',
    'taskmanager.numberOfTaskSlots': TASK_SLOTS,
    'taskmanager.memory.process.size': '2560m',
    'parallelism.default': 1,
    // Everything is on loopback: a restarted JobManager gets its TaskManager back in seconds
    // instead of the default 50 s it takes the TaskManager to give the old one up.
    'heartbeat.timeout': 15000,
    // Five beats per timeout, as Flink's defaults have (10 s / 50 s): a slow beat is not a loss.
    'heartbeat.interval': 3000,
    'rest.address': '127.0.0.1',
    'rest.bind-address': '127.0.0.1',
    'rest.port': ports.flinkRest,
    'web.upload.dir': layout.webUpload,
    'io.tmp.dirs': layout.tmp,
    // 1.20 names (state.checkpoints.dir / state.savepoints.dir are their deprecated aliases).
    'execution.checkpointing.dir': fileUrl(layout.checkpoints),
    'execution.checkpointing.savepoint-dir': fileUrl(layout.savepoints),
    'sql-gateway.endpoint.rest.address': '127.0.0.1',
    'sql-gateway.endpoint.rest.bind-address': '127.0.0.1',
    'sql-gateway.endpoint.rest.port': ports.sqlGateway,
  };
  writeFileSync(join(layout.conf, 'config.yaml'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(join(layout.conf, 'log4j.properties'), LOG4J_DAEMON);
  writeFileSync(join(layout.conf, 'log4j-cli.properties'), LOG4J_QUIET);
  return layout;
}

// Daemons log to stdout, which startDaemon sends to `<logs>/<daemon>.log`; `-Dlog.file` names
// that same file so the REST API's log view (/jobmanager/log) shows it too.
const LOG4J_DAEMON = `# Written by Weir for the local stack.
monitorInterval = 30
rootLogger.level = INFO
rootLogger.appenderRef.console.ref = ConsoleAppender
appender.console.name = ConsoleAppender
appender.console.type = CONSOLE
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.pekko.name = org.apache.pekko
logger.pekko.level = INFO
logger.kafka.name = org.apache.kafka
logger.kafka.level = WARN
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = OFF
`;

// For the short-lived BashJavaUtils runs whose stdout is parsed.
const LOG4J_QUIET = `rootLogger.level = WARN
rootLogger.appenderRef.console.ref = ConsoleAppender
appender.console.name = ConsoleAppender
appender.console.type = CONSOLE
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %-5p %c - %m%n
`;

/** Assemble (cached) and write conf: what each Flink part's prepare() does. */
export async function prepareFlinkRuntime(paths: StackPaths, ports: StackPorts): Promise<FlinkLayout> {
  await assembleFlinkLib(paths);
  return writeFlinkConf(paths, ports);
}

export function flinkClasspath(paths: StackPaths): string {
  return jarClasspath(flinkLayout(paths).lib);
}

/** Environment of the Flink JVMs: the variables Flink's own scripts export. */
export function flinkEnv(paths: StackPaths): NodeJS.ProcessEnv {
  const layout = flinkLayout(paths);
  return {
    ...process.env,
    FLINK_HOME: layout.home,
    FLINK_CONF_DIR: layout.conf,
    FLINK_LIB_DIR: layout.lib,
    FLINK_OPT_DIR: join(layout.home, 'opt'),
    FLINK_PLUGINS_DIR: join(layout.home, 'plugins'),
    FLINK_LOG_DIR: paths.logs,
  };
}

/** JVM flags common to every Flink daemon: JDK 17 opens and logging into the stack's log folder. */
export function flinkJvmFlags(paths: StackPaths, daemon: string): string[] {
  const layout = flinkLayout(paths);
  const log4j = pathToFileURL(join(layout.conf, 'log4j.properties')).href;
  return [
    ...JAVA17_OPENS,
    `-Dlog.file=${logFile(paths, daemon)}`,
    `-Dlog4j.configuration=${log4j}`,
    `-Dlog4j.configurationFile=${log4j}`,
    `-Djava.io.tmpdir=${layout.tmp}`,
  ];
}

export interface ResourceParams {
  /** JVM memory flags (-Xmx, -Xms, -XX:MaxDirectMemorySize, -XX:MaxMetaspaceSize). */
  readonly jvmArgs: string[];
  /** `-D key=value` pairs for the entrypoint, split into separate arguments. */
  readonly dynamicArgs: string[];
}

/**
 * Computes memory settings the way Flink's scripts do: BashJavaUtils prints lines prefixed
 * `BASH_JAVA_UTILS_EXEC_RESULT:`, first the JVM flags, then the `-D` settings. The TaskManager
 * refuses to start without the latter (cpu cores, task heap, managed memory, network min=max).
 */
export async function resourceParams(
  paths: StackPaths,
  command: 'GET_TM_RESOURCE_PARAMS' | 'GET_JM_RESOURCE_PARAMS',
): Promise<ResourceParams> {
  const layout = flinkLayout(paths);
  const log4j = pathToFileURL(join(layout.conf, 'log4j-cli.properties')).href;
  const { stdout } = await runCommand(
    findJava(),
    [
      `-Dlog4j.configurationFile=${log4j}`,
      '-classpath',
      flinkClasspath(paths),
      'org.apache.flink.runtime.util.bash.BashJavaUtils',
      command,
      '--configDir',
      layout.conf,
    ],
    { env: flinkEnv(paths), timeoutMs: 60_000 },
  );
  const prefix = 'BASH_JAVA_UTILS_EXEC_RESULT:';
  const results = stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
  if (results.length < 2) throw new Error(`BashJavaUtils ${command} printed no result:\n${stdout}`);
  const split = (line: string) => line.split(/\s+/).filter((s) => s.length > 0);
  return { jvmArgs: split(results[0]!), dynamicArgs: split(results[results.length - 1]!) };
}

export interface FlinkOverview {
  readonly taskmanagers: number;
  readonly 'slots-total': number;
  readonly 'slots-available': number;
  readonly 'jobs-running': number;
  readonly 'flink-version': string;
}

/** Reads `/overview` of the local JobManager; undefined when it does not answer. */
export async function flinkOverview(ports: StackPorts): Promise<FlinkOverview | undefined> {
  const body = (await getJson(`http://127.0.0.1:${ports.flinkRest}/overview`)) as Partial<FlinkOverview> | undefined;
  return body && typeof body['flink-version'] === 'string' ? (body as FlinkOverview) : undefined;
}

/** Starts one Flink JVM as a stack daemon: our JVM flags, the assembled classpath, Flink's env. */
export function startFlinkDaemon(
  paths: StackPaths,
  name: string,
  jvmArgs: readonly string[],
  mainClass: string,
  mainArgs: readonly string[],
): void {
  startDaemon(paths, {
    name,
    command: findJava(),
    args: [...jvmArgs, ...flinkJvmFlags(paths, name), '-classpath', flinkClasspath(paths), mainClass, ...mainArgs],
    cwd: paths.data,
    env: flinkEnv(paths),
  });
}
