import { daemonPid, stopDaemon, waitHealthy } from './daemon.js';
import {
  TASK_SLOTS,
  flinkOverview,
  prepareFlinkRuntime,
  resourceParams,
  startFlinkDaemon,
  writeFlinkConf,
} from './flink-runtime.js';
import type { StackPorts } from './stack-config.js';
import type { PartStatus, StackPart, StackPaths } from './stack-part.js';

/**
 * One TaskManager with 4 slots. It has no port of its own worth showing: it is healthy once
 * the JobManager's /overview counts it, so status reports the REST port it registered with.
 */
export function createFlinkTaskManagerPart(paths: StackPaths, ports: StackPorts): StackPart {
  const name = 'flink-taskmanager';

  const registered = async (): Promise<boolean> => {
    const overview = await flinkOverview(ports);
    return overview !== undefined && overview.taskmanagers >= 1 && overview['slots-total'] >= TASK_SLOTS;
  };

  return {
    name,
    port: ports.flinkRest,
    dependsOn: ['flink-jobmanager'],
    async prepare() {
      await prepareFlinkRuntime(paths, ports);
    },
    async start() {
      // Started by an earlier `up` and still coming up: wait for it rather than start a second one.
      if (daemonPid(paths, name) !== undefined) return waitHealthy(paths, name, registered, 120_000);
      const layout = writeFlinkConf(paths, ports);
      // The TaskManagerRunner refuses to start without the memory -D settings computed here.
      const params = await resourceParams(paths, 'GET_TM_RESOURCE_PARAMS');
      startFlinkDaemon(
        paths,
        name,
        params.jvmArgs,
        'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
        [
          '--configDir',
          layout.conf,
          ...params.dynamicArgs,
        ],
      );
      await waitHealthy(paths, name, registered, 120_000);
    },
    async status(): Promise<PartStatus> {
      const pid = daemonPid(paths, name);
      const overview = await flinkOverview(ports);
      // A JobManager that already counts a TaskManager with the slots (started by this stack, or by
      // another Weir home's stack on the same ports) needs no second one: `up` must not add one.
      const healthy = overview !== undefined && overview.taskmanagers >= 1 && overview['slots-total'] >= TASK_SLOTS;
      return {
        name,
        port: ports.flinkRest,
        running: pid !== undefined,
        healthy,
        ...(pid !== undefined ? { pid } : {}),
        detail: overview
          ? `${overview.taskmanagers} TaskManager(s), ${overview['slots-available']}/${overview['slots-total']} slots free`
          : 'JobManager not reachable',
      };
    },
    async stop() {
      await stopDaemon(paths, name);
    },
  };
}
