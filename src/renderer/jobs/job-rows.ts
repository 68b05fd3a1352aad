import type { JobsSnapshot, JobState } from '../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';

/**
 * The Jobs table's row model, a pure function of the monitor's snapshot, the filter and the
 * clock. Rows that did not change keep their identity (given the previous rows), so the
 * memoised row components re-render only where something moved.
 */
export interface JobRowModel {
  /** clusterId:jobId, or clusterId:! for a cluster that could not be reached. */
  readonly key: string;
  readonly kind: 'job' | 'unreachable';
  readonly clusterId: number;
  readonly clusterName: string;
  readonly jobId: string;
  readonly name: string;
  readonly state: JobState | null;
  readonly startTime: number;
  /** Whole seconds, so a running job's row changes once a second. */
  readonly durationMs: number;
  readonly tasksRunning: number;
  readonly tasksTotal: number;
  readonly deploymentId: number | null;
  readonly error: WeirErrorData | null;
}

/**
 * Whitespace-separated words; every word must occur in the job's name, id, state or cluster.
 * A state matches as Flink writes it (RUNNING) and as the table shows it (运行中).
 */
export type JobFilter = string;

/** The words the table shows for a state, in the user's language. */
export type StateText = (state: JobState) => string;

const TERMINAL = new Set<JobState>(['FAILED', 'CANCELED', 'FINISHED', 'SUSPENDED']);
const ORDER: Partial<Record<JobState, number>> = { FAILING: 0, RESTARTING: 1, RUNNING: 2, INITIALIZING: 3, CREATED: 3, RECONCILING: 3, CANCELLING: 4 };

export function buildJobRows(
  snapshot: JobsSnapshot | null,
  filter: JobFilter,
  now: number,
  previous?: ReadonlyMap<string, JobRowModel>,
  stateText?: StateText,
): JobRowModel[] {
  if (!snapshot) return [];
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = new Map<JobState, string>();
  const stateWords = (state: JobState): string => {
    if (words.length === 0 || !stateText) return state;
    let text = shown.get(state);
    if (text === undefined) shown.set(state, (text = `${state} ${stateText(state)}`));
    return text;
  };
  const matches = (...fields: string[]) => {
    if (words.length === 0) return true;
    const hay = fields.join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const out: JobRowModel[] = [];
  const clusters = [...snapshot.clusters].sort((a, b) => a.clusterName.localeCompare(b.clusterName));
  for (const c of clusters) {
    if (!c.reachable) {
      if (matches(c.clusterName)) {
        out.push(reuse(previous, {
          key: `${c.clusterId}:!`,
          kind: 'unreachable',
          clusterId: c.clusterId,
          clusterName: c.clusterName,
          jobId: '',
          name: '',
          state: null,
          startTime: 0,
          durationMs: 0,
          tasksRunning: 0,
          tasksTotal: 0,
          deploymentId: null,
          error: c.error,
        }));
      }
      // Jobs last seen on an unreachable cluster are still listed (their state may be stale).
    }
    const jobs = c.jobs.filter((j) => matches(j.name, j.jobId, stateWords(j.state), c.clusterName, j.deploymentId !== null ? 'weir' : ''));
    jobs.sort((a, b) => (ORDER[a.state] ?? 9) - (ORDER[b.state] ?? 9) || b.startTime - a.startTime);
    for (const j of jobs) {
      const end = TERMINAL.has(j.state) && j.endTime > 0 ? j.endTime : now;
      const durationMs = j.startTime > 0 ? Math.max(0, Math.floor((end - j.startTime) / 1000) * 1000) : 0;
      out.push(reuse(previous, {
        key: `${c.clusterId}:${j.jobId}`,
        kind: 'job',
        clusterId: c.clusterId,
        clusterName: c.clusterName,
        jobId: j.jobId,
        name: j.name,
        state: j.state,
        startTime: j.startTime,
        durationMs,
        tasksRunning: j.tasksRunning,
        tasksTotal: j.tasksTotal,
        deploymentId: j.deploymentId,
        error: null,
      }));
    }
  }
  return out;
}

function reuse(previous: ReadonlyMap<string, JobRowModel> | undefined, row: JobRowModel): JobRowModel {
  const old = previous?.get(row.key);
  if (
    old &&
    old.state === row.state &&
    old.name === row.name &&
    old.durationMs === row.durationMs &&
    old.tasksRunning === row.tasksRunning &&
    old.tasksTotal === row.tasksTotal &&
    old.startTime === row.startTime &&
    old.deploymentId === row.deploymentId &&
    old.clusterName === row.clusterName &&
    old.error === row.error
  ) {
    return old;
  }
  return row;
}

export function rowIndex(rows: readonly JobRowModel[]): Map<string, JobRowModel> {
  return new Map(rows.map((r) => [r.key, r]));
}
