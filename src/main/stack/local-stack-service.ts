import { request } from 'undici';
import type { LocalCluster, LocalStack } from '../../shared/contract/contract.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { EventSink } from '../app/events.js';
import type { Logger } from '../app/logger.js';
import type { StackPorts } from './stack-config.js';
import type { StackPart, StackPaths } from './stack-part.js';
import { stackDown, stackStatus, stackUp } from './stack.js';

/**
 * The local stack as the workbench sees it: the "Local" cluster while its JobManager answers,
 * and a background `up` (the app's embedded default when no cluster is configured).
 */
export class LocalStackService {
  private starting: Promise<void> | null = null;
  private lastError: LocalStack['lastError'] = null;
  /** Parts this process started (not those it found running): what quitting the app may stop. */
  private readonly startedHere = new Set<string>();
  private abort = new AbortController();

  constructor(
    private readonly parts: readonly StackPart[],
    private readonly paths: StackPaths,
    private readonly ports: StackPorts,
    private readonly emit: EventSink,
    private readonly log: Logger,
    /** Called whenever the local JobManager answers (registers it as the cluster "Local" once). */
    private readonly onLocal: (local: LocalCluster) => void = () => {},
  ) {}

  async status(): Promise<LocalStack> {
    const [parts, local] = await Promise.all([stackStatus(this.parts), this.local()]);
    return { parts, local, starting: this.starting !== null, lastError: this.lastError, logs: this.paths.logs };
  }

  /** Starts every part not yet healthy; returns at once, announcing each step as `stack.changed`. */
  async up(): Promise<LocalStack> {
    if (!this.starting) {
      this.lastError = null;
      this.abort = new AbortController();
      const control = { starting: (name: string) => void this.startedHere.add(name), signal: this.abort.signal };
      this.starting = stackUp(
        this.paths,
        this.parts,
        (line) => {
          this.log.info(`stack: ${line}`);
          void this.announce();
        },
        undefined,
        control,
      )
        .then(
          () => this.log.info('stack: up'),
          (error: unknown) => {
            const failure = error instanceof WeirError ? error : new WeirError('stack.failed', { reason: String(error) }, { cause: error });
            const { code, params, details } = failure.toData();
            this.lastError = { code, params: { ...params }, ...(details ? { details: [...details] } : {}) };
            this.log.error(`stack: up failed: ${failure.code} ${JSON.stringify(failure.params)} ${failure.details.join(' | ')}`);
          },
        )
        .finally(() => {
          this.starting = null;
          void this.announce();
        });
    }
    return this.status();
  }

  /**
   * Stops what this process started, in reverse order, after letting a running `up` finish
   * the part it is on (no further parts start). Parts found already running are left alone.
   */
  async stopStarted(): Promise<readonly string[]> {
    this.abort.abort();
    await this.starting;
    const names = [...this.startedHere];
    if (names.length === 0) return [];
    await stackDown(this.parts, (line) => this.log.info(`stack: ${line}`), names);
    this.startedHere.clear();
    return names;
  }

  /** Resolves when a running `up` has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await this.starting;
  }

  private async announce(): Promise<void> {
    this.emit('stack.changed', await this.status());
  }

  /** The "Local" cluster when its JobManager answers (and registered once as a cluster then). */
  async local(): Promise<LocalCluster | null> {
    const local = await this.probeLocal();
    if (local) {
      try {
        this.onLocal(local);
      } catch (error) {
        this.log.error('stack: could not register the Local cluster', error);
      }
    }
    return local;
  }

  private async probeLocal(): Promise<LocalCluster | null> {
    const restUrl = `http://127.0.0.1:${this.ports.flinkRest}`;
    try {
      const response = await request(`${restUrl}/overview`, { headersTimeout: 2000, bodyTimeout: 2000 });
      if (response.statusCode !== 200) {
        await response.body.dump();
        return null;
      }
      const o = (await response.body.json()) as Record<string, unknown>;
      const num = (key: string) => (typeof o[key] === 'number' ? (o[key] as number) : 0);
      return {
        restUrl,
        gatewayUrl: `http://127.0.0.1:${this.ports.sqlGateway}`,
        flinkVersion: typeof o['flink-version'] === 'string' ? (o['flink-version'] as string) : '?',
        taskManagers: num('taskmanagers'),
        slotsTotal: num('slots-total'),
        slotsAvailable: num('slots-available'),
        jobsRunning: num('jobs-running'),
      };
    } catch {
      return null;
    }
  }
}
