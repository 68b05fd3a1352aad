import { daemonPid, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import { prepareFlinkRuntime, startFlinkDaemon, writeFlinkConf } from './flink-runtime.js';
import { getJson } from './jvm-tools.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * The Flink SQL Gateway (REST endpoint, API v1 to v3) in front of the local session cluster.
 * It reads the same config.yaml, so it submits to rest.address:rest.port of the JobManager.
 */
export function createSqlGatewayPart(paths: StackPaths, ports: StackPorts): StackPart {
  const name = 'sql-gateway';
  const url = `http://127.0.0.1:${ports.sqlGateway}`;

  const info = async (): Promise<{ productName?: string; version?: string } | undefined> => {
    const body = (await getJson(`${url}/v1/info`)) as { productName?: string; version?: string } | undefined;
    return body && typeof body.version === 'string' ? body : undefined;
  };
  const answers = async () => (await info()) !== undefined;

  return {
    name,
    port: ports.sqlGateway,
    dependsOn: ['flink-taskmanager'],
    async prepare() {
      await prepareFlinkRuntime(paths, ports);
    },
    async start() {
      // Started by an earlier `up` and still coming up: wait for it rather than start a second one.
      if (daemonPid(paths, name) !== undefined) return waitHealthy(paths, name, answers, 120_000);
      if (await tcpOpen(ports.sqlGateway)) {
        throw new Error(`port ${ports.sqlGateway} is taken by another program; free it or set WEIR_STACK_GATEWAY_PORT`);
      }
      writeFlinkConf(paths, ports);
      startFlinkDaemon(
        paths,
        name,
        [
          // sql-gateway.sh leaves the heap to the JVM default (a quarter of RAM); planning needs
          // far less, and the machine is shared with the rest of the stack.
          '-Xms128m',
          '-Xmx768m',
        ],
        'org.apache.flink.table.gateway.SqlGateway',
        [],
      );
      await waitHealthy(paths, name, answers, 120_000);
    },
    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, name);
      const body = await info();
      return {
        name,
        port: ports.sqlGateway,
        running: pid !== undefined,
        healthy: body !== undefined,
        ...(pid !== undefined ? { pid } : {}),
        detail: body ? `${body.productName ?? 'Flink SQL Gateway'} ${body.version ?? ''} at ${url}`.trim() : `no answer from ${url}/v1/info`,
      };
    },
    async stop() {
      await stopDaemon(paths, name);
    },
  };
}
