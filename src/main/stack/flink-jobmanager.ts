import { daemonPid, stopDaemon, tcpOpen, waitHealthy } from './daemon.js';
import { flinkOverview, prepareFlinkRuntime, resourceParams, startFlinkDaemon, writeFlinkConf } from './flink-runtime.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/** The Flink 1.20 JobManager of a standalone session cluster; REST API and web UI on flinkRest. */
export function createFlinkJobManagerPart(paths: StackPaths, ports: StackPorts): StackPart {
  const name = 'flink-jobmanager';
  const url = `http://127.0.0.1:${ports.flinkRest}`;
  const answers = async () => (await flinkOverview(ports)) !== undefined;

  const status = async (): Promise<PartStatus> => {
    const pid = daemonPid(paths, name);
    const overview = await flinkOverview(ports);
    return {
      name,
      port: ports.flinkRest,
      running: pid !== undefined,
      healthy: overview !== undefined,
      ...(pid !== undefined ? { pid } : {}),
      detail: overview ? `Flink ${overview['flink-version']} at ${url}` : `no answer from ${url}/overview`,
    };
  };

  return {
    name,
    port: ports.flinkRest,
    async prepare() {
      await prepareFlinkRuntime(paths, ports);
    },
    async start() {
      // Started by an earlier `up` and still coming up: wait for it rather than start a second one.
      if (daemonPid(paths, name) !== undefined) return waitHealthy(paths, name, answers, 120_000);
      if (await tcpOpen(ports.flinkRest)) {
        throw new Error(`port ${ports.flinkRest} is taken by another program; free it or set WEIR_STACK_FLINK_PORT`);
      }
      const layout = writeFlinkConf(paths, ports);
      // Same -Xmx/-Xms/metaspace and -D jobmanager.memory.* as bin/jobmanager.sh would pass.
      const params = await resourceParams(paths, 'GET_JM_RESOURCE_PARAMS');
      startFlinkDaemon(
        paths,
        name,
        params.jvmArgs,
        'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint',
        [
          '--configDir',
          layout.conf,
          '--executionMode',
          'cluster',
          ...params.dynamicArgs,
        ],
      );
      await waitHealthy(paths, name, answers, 120_000);
    },
    status,
    async stop() {
      await stopDaemon(paths, name);
    },
  };
}
