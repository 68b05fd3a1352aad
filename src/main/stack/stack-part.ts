/**
 * One part of the local stack (a Flink JobManager, PostgreSQL, ...). Parts are started
 * as detached daemons so that `weir stack up` can return while they keep running, and a
 * later `weir stack down` (another process) can stop exactly what `up` started.
 */
export interface StackPaths {
  /** Root of the stack's state: `$WEIR_HOME/stack` unless WEIR_STACK_HOME is set. */
  readonly home: string;
  /** One log file per daemon: `<logs>/<daemon>.log`. */
  readonly logs: string;
  /** One pid file per daemon: `<run>/<daemon>.pid`. */
  readonly run: string;
  /** Data directories (database clusters, Kafka logs, checkpoints). */
  readonly data: string;
  /** Downloads and assembled runtimes that survive `down` (Flink lib, Kafka lib). */
  readonly cache: string;
  /** The project's `resources/` folder (poms, seeds, the SQL runner module). */
  readonly resources: string;
}

export interface PartStatus {
  readonly name: string;
  /** Main port the part listens on (loopback). */
  readonly port: number;
  readonly running: boolean;
  readonly healthy: boolean;
  readonly pid?: number;
  /** Short human detail: version, URL, or why it is unhealthy. */
  readonly detail?: string;
}

export interface StackPart {
  /** Stable name used in CLI output, pid and log files: `postgres`, `flink-jobmanager`. */
  readonly name: string;
  /** Main port, shown by `status`. */
  readonly port: number;
  /** Names of parts that must be healthy before this one starts. */
  readonly dependsOn?: readonly string[];
  /** Idempotent, cached set-up: download, assemble, init data dirs, seed. */
  prepare(): Promise<void>;
  /** Start the daemon(s) and resolve once healthy; reject with the log's tail otherwise. */
  start(): Promise<void>;
  /** Cheap health probe (a query, an HTTP GET), never throws. */
  status(): Promise<PartStatus>;
  /** Stop only what this part started (by pid file); a no-op when not running. */
  stop(): Promise<void>;
}
