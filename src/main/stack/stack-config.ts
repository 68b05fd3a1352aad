import { join, resolve } from 'node:path';
import { outsideAsar } from '../app/outside-asar.js';
import { weirHome } from '../app/weir-home.js';
import type { StackPaths } from './stack-part.js';

/** Loopback ports of the local stack. Each can be moved with an env variable (tests, clashes). */
export interface StackPorts {
  readonly flinkRest: number;
  readonly sqlGateway: number;
  readonly postgres: number;
  readonly mariadb: number;
  readonly kafka: number;
  readonly kafkaController: number;
  readonly clickhouseHttp: number;
  readonly clickhouseTcp: number;
  readonly ssh: number;
}

const DEFAULT_PORTS: StackPorts = {
  flinkRest: 8081,
  sqlGateway: 8083,
  postgres: 15432,
  mariadb: 13306,
  kafka: 19092,
  kafkaController: 19093,
  clickhouseHttp: 18123,
  clickhouseTcp: 19000,
  ssh: 12222,
};

const ENV_NAMES: Record<keyof StackPorts, string> = {
  flinkRest: 'WEIR_STACK_FLINK_PORT',
  sqlGateway: 'WEIR_STACK_GATEWAY_PORT',
  postgres: 'WEIR_STACK_POSTGRES_PORT',
  mariadb: 'WEIR_STACK_MARIADB_PORT',
  kafka: 'WEIR_STACK_KAFKA_PORT',
  kafkaController: 'WEIR_STACK_KAFKA_CONTROLLER_PORT',
  clickhouseHttp: 'WEIR_STACK_CLICKHOUSE_HTTP_PORT',
  clickhouseTcp: 'WEIR_STACK_CLICKHOUSE_TCP_PORT',
  ssh: 'WEIR_STACK_SSH_PORT',
};

export function stackPorts(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const ports = { ...DEFAULT_PORTS } as Record<keyof StackPorts, number>;
  for (const key of Object.keys(ENV_NAMES) as (keyof StackPorts)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === '') continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${ENV_NAMES[key]}=${raw} is not a TCP port; use a number from 1 to 65535`);
    }
    ports[key] = port;
  }
  return ports;
}

export function stackPaths(resourcesDir: string, env: NodeJS.ProcessEnv = process.env): StackPaths {
  // As root, PostgreSQL runs as the `postgres` user, who cannot enter /root: keep the stack in /var/lib.
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const fallback = runningAsRoot && !env.WEIR_HOME ? '/var/lib/weir/stack' : join(weirHome(env), 'stack');
  const home = env.WEIR_STACK_HOME ? resolve(env.WEIR_STACK_HOME) : fallback;
  return {
    home,
    logs: join(home, 'logs'),
    run: join(home, 'run'),
    data: join(home, 'data'),
    cache: env.WEIR_STACK_CACHE ? resolve(env.WEIR_STACK_CACHE) : join(home, 'cache'),
    // psql, mariadb, mvn read these files: never a path inside app.asar.
    resources: outsideAsar(resolve(resourcesDir)),
  };
}
