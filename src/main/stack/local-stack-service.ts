import { request } from 'undici';
import type { LocalCluster, LocalStack } from '../../shared/contract/contract.js';
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
  private lastError: string | null = null;
  /** Parts this process started (not those it found running): what quitting the app may stop. */
  private readonly startedHere = new Set<string>();
  private abort = new AbortController();

  constructor(
    private readonly parts: readonly StackPart[],
    private readonly paths: StackPaths,
    private readonly ports: StackPorts,
    private readonly emit: EventSink,
    private readonly log: Logger,
  ) {}

  async status(): Promise<LocalStack> {
    const [parts, local] = await Promise.all([stackStatus(this.parts), this.localCluster()]);
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
            this.lastError = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 12).join('\n');
            this.log.error('stack: up failed', error);
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

  private async localCluster(): Promise<LocalCluster | null> {
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
