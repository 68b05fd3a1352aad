import type { StackPart, StackPaths } from './stack-part.js';
import type { StackPorts } from './stack-config.js';
import { createPostgresPart } from './postgres.js';
import { createMariadbPart } from './mariadb.js';
import { createClickhousePart } from './clickhouse.js';
import { createSshServerPart } from './ssh-server.js';
import { createKafkaPart } from './kafka.js';
import { createFlinkJobManagerPart } from './flink-jobmanager.js';
import { createFlinkTaskManagerPart } from './flink-taskmanager.js';
import { createSqlGatewayPart } from './sql-gateway.js';

/**
 * Every part of the local stack, in start order (dependencies are also declared per part).
 * Each part lives in its own file and is built by a factory taking paths and ports.
 */
export function createStackParts(paths: StackPaths, ports: StackPorts): StackPart[] {
  void paths;
  void ports;
  return [
    createPostgresPart(paths, ports),
    createMariadbPart(paths, ports),
    createClickhousePart(paths, ports),
    createSshServerPart(paths, ports),
    createKafkaPart(paths, ports),
    createFlinkJobManagerPart(paths, ports),
    createFlinkTaskManagerPart(paths, ports),
    createSqlGatewayPart(paths, ports),
  ];
}
