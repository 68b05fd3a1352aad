import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newKafkaClusterId } from './kafka-cluster-id.js';
import { daemonPid, logFile, startDaemon, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import { assembleOnce, copyDependencies, findJava, hashFiles, jarClasspath, runCommand } from './jvm-tools.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * A one-node Kafka 3.8 in KRaft mode (broker and controller in one process) on loopback:
 * clients on ports.kafka, the controller quorum on ports.kafkaController. Topics are created
 * on first use, so Flink jobs and tests need no admin step.
 */

const RECIPE = 'kafka/1';

interface KafkaLayout {
  readonly home: string;
  readonly lib: string;
  readonly config: string;
  readonly logDirs: string;
  readonly clusterIdFile: string;
}

function kafkaLayout(paths: StackPaths): KafkaLayout {
  const home = join(paths.cache, 'kafka-3.8');
  const data = join(paths.data, 'kafka');
  return {
    home,
    lib: join(home, 'lib'),
    config: join(data, 'config'),
    logDirs: join(data, 'logs'),
    clusterIdFile: join(data, 'cluster.id'),
  };
}

/** Forward slashes: java.util.Properties reads a backslash as an escape (Windows paths). */
const prop = (path: string) => path.replaceAll('\\', '/');

function writeKafkaConfig(paths: StackPaths, ports: StackPorts, layout: KafkaLayout): void {
  mkdirSync(layout.config, { recursive: true });
  mkdirSync(layout.logDirs, { recursive: true });
  const server = [
    '# Written by Weir for the local stack: one KRaft node on loopback.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.kafkaController}`,
    `listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${prop(layout.logDirs)}`,
    'num.partitions=1',
    'auto.create.topics.enable=true',
    // One node: internal topics cannot have more than one replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    // Consumers of a new group start at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    'log.segment.bytes=67108864',
    '',
  ].join('\n');
  writeFileSync(join(layout.config, 'server.properties'), server);
  writeFileSync(
    join(layout.config, 'log4j.properties'),
    [
      'log4j.rootLogger=INFO, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.kafka=INFO',
      'log4j.logger.org.apache.kafka=INFO',
      'log4j.logger.kafka.request.logger=WARN',
      'log4j.logger.state.change.logger=WARN',
      '',
    ].join('\n'),
  );
}

/** The KRaft cluster id, made once per data folder. */
function clusterId(layout: KafkaLayout): string {
  if (existsSync(layout.clusterIdFile)) {
    const kept = readFileSync(layout.clusterIdFile, 'utf8').trim();
    // An id with a leading "-" (made before this fix) never formatted any storage: replace it.
    if (kept && !kept.startsWith('-')) return kept;
  }
  const id = newKafkaClusterId();
  writeFileSync(layout.clusterIdFile, `${id}\n`);
  return id;
}

function jvmArgs(paths: StackPaths, layout: KafkaLayout): string[] {
  return [
    // kafka-server-start.sh uses 1 GiB; a local one-node broker needs half.
    '-Xms256m',
    '-Xmx512m',
    // kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS.
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=${pathToFileURL(join(layout.config, 'log4j.properties')).href}`,
    `-Dkafka.logs.dir=${paths.logs}`,
    '-classpath',
    jarClasspath(layout.lib),
  ];
}

/**
 * Health probe speaking Kafka's protocol: a Metadata request (v4, all topics) must come back
 * listing at least one broker, which a broker only does once it has joined the KRaft quorum.
 */
export function kafkaMetadataOk(port: number, host = '127.0.0.1', timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const clientId = Buffer.from('weir-stack');
    const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
    let o = 0;
    o = body.writeInt16BE(3, o); // api key: Metadata
    o = body.writeInt16BE(4, o); // api version 4 (request header v1, not flexible)
    o = body.writeInt32BE(1, o); // correlation id
    o = body.writeInt16BE(clientId.length, o);
    o += clientId.copy(body, o);
    o = body.writeInt32BE(-1, o); // topics: null = all
    body.writeInt8(0, o); // allow_auto_topic_creation = false
    const frame = Buffer.concat([Buffer.alloc(4), body]);
    frame.writeInt32BE(body.length, 0);

    let received = Buffer.alloc(0);
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write(frame));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length < 4 + size) return;
      // correlation id (4), throttle_time_ms (4), then the brokers array's length.
      if (size < 12 || received.readInt32BE(4) !== 1) return done(false);
      done(received.readInt32BE(12) >= 1);
    });
  });
}

async function assembleKafkaLib(paths: StackPaths): Promise<boolean> {
  const layout = kafkaLayout(paths);
  const pom = join(paths.resources, 'stack', 'kafka', 'pom.xml');
  const hash = hashFiles(join(paths.resources, 'stack', 'kafka'), [pom], RECIPE);
  return assembleOnce(layout.home, hash, (tmp) => copyDependencies(pom, tmp, join(tmp, 'lib')));
}

export function createKafkaPart(paths: StackPaths, ports: StackPorts): StackPart {
  const name = 'kafka';
  const layout = kafkaLayout(paths);
  const answers = () => kafkaMetadataOk(ports.kafka);

  return {
    name,
    port: ports.kafka,
    async prepare() {
      await assembleKafkaLib(paths);
      writeKafkaConfig(paths, ports, layout);
      // KRaft log dirs must be formatted once (meta.properties) before the first start.
      if (!existsSync(join(layout.logDirs, 'meta.properties'))) {
        await runCommand(
          findJava(),
          [
            ...jvmArgs(paths, layout),
            'kafka.tools.StorageTool',
            'format',
            '--ignore-formatted',
            '-t',
            clusterId(layout),
            '-c',
            join(layout.config, 'server.properties'),
          ],
          { timeoutMs: 120_000 },
        );
      }
    },
    async start() {
      // Started by an earlier `up` and still coming up: wait for it rather than start a second one.
      if (daemonPid(paths, name) !== undefined) return waitHealthy(paths, name, answers, 120_000);
      for (const port of [ports.kafka, ports.kafkaController]) {
        if (await tcpOpen(port)) {
          throw new Error(`port ${port} is taken by another program; free it or set WEIR_STACK_KAFKA_PORT / WEIR_STACK_KAFKA_CONTROLLER_PORT`);
        }
      }
      writeKafkaConfig(paths, ports, layout);
      startDaemon(paths, {
        name,
        command: findJava(),
        args: [...jvmArgs(paths, layout), 'kafka.Kafka', join(layout.config, 'server.properties')],
        cwd: paths.data,
      });
      await waitHealthy(paths, name, answers, 120_000);
    },
    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, name);
      const healthy = await answers();
      return {
        name,
        port: ports.kafka,
        running: pid !== undefined,
        healthy,
        ...(pid !== undefined ? { pid } : {}),
        detail: healthy ? `Kafka 3.8 (KRaft) at 127.0.0.1:${ports.kafka}` : `no Kafka answer on 127.0.0.1:${ports.kafka}; log: ${logFile(paths, name)}`,
      };
    },
    async stop() {
      // A clean KRaft shutdown can take a while (controlled shutdown, log flush).
      await stopDaemon(paths, name, 30_000);
    },
  };
}
