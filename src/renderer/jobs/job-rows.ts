import { PREVIEW_JOB_PREFIX, type JobRow, type JobsSnapshot, type JobState } from '../../shared/contract/jobs-schema.js';
import type { WeirErrorData } from '../../shared/errors/weir-error.js';

/**
 * The Jobs table's row model, a pure function of the monitor's snapshot, the filter and the
 * clock. Applications come first, one row each (their current run: the newest job of that
 * application the cluster lists, its earlier runs counted), then jobs started outside Weir,
 * then previews named by their file. Rows that did not change keep their identity (given the
 * previous rows), so the memoised row components re-render only where something moved.
 */
export type JobSection = 'apps' | 'outside' | 'previews';

export interface JobRowModel {
  /** clusterId:jobId, clusterId:app:applicationId, clusterId:! (unreachable) or section:name. */
  readonly key: string;
  readonly kind: 'job' | 'unreachable' | 'section';
  readonly section: JobSection | null;
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
  readonly applicationId: number | null;
  /** Runs of the application the cluster still lists (1 for other jobs). */
  readonly runs: number;
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
const SECTIONS: readonly JobSection[] = ['apps', 'outside', 'previews'];

interface Entry {
  readonly clusterName: string;
  readonly job: JobRow;
  readonly runs: number;
  readonly section: JobSection;
}

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
  const bySection = new Map<JobSection, Entry[]>(SECTIONS.map((s) => [s, []]));
  const clusters = [...snapshot.clusters].sort((a, b) => a.clusterName.localeCompare(b.clusterName));
  for (const c of clusters) {
    if (!c.reachable && matches(c.clusterName)) {
      out.push(reuse(previous, { ...blank(`${c.clusterId}:!`, 'unreachable', c.clusterId, c.clusterName), error: c.error }));
    }
    // Jobs last seen on an unreachable cluster are still listed (their state may be stale).
    const apps = new Map<number, JobRow[]>();
    for (const j of c.jobs) {
      if (j.applicationId !== null) {
        const runs = apps.get(j.applicationId);
        if (runs) runs.push(j);
        else apps.set(j.applicationId, [j]);
      }
      else bySection.get(j.preview ? 'previews' : 'outside')!.push({ clusterName: c.clusterName, job: j, runs: 1, section: j.preview ? 'previews' : 'outside' });
    }
    for (const runs of apps.values()) {
      bySection.get('apps')!.push({ clusterName: c.clusterName, job: current(runs), runs: runs.length, section: 'apps' });
    }
  }
  for (const section of SECTIONS) {
    const entries = bySection
      .get(section)!
      .filter((e) => matches(e.job.name, e.job.jobId, stateWords(e.job.state), e.clusterName, e.job.deploymentId !== null ? 'weir' : ''));
    if (entries.length === 0) continue;
    entries.sort(
      (a, b) => a.clusterName.localeCompare(b.clusterName) || (ORDER[a.job.state] ?? 9) - (ORDER[b.job.state] ?? 9) || b.job.startTime - a.job.startTime,
    );
    out.push(reuse(previous, { ...blank(`section:${section}`, 'section', 0, ''), section }));
    for (const { job: j, clusterName, runs } of entries) {
      const end = TERMINAL.has(j.state) && j.endTime > 0 ? j.endTime : now;
      const durationMs = j.startTime > 0 ? Math.max(0, Math.floor((end - j.startTime) / 1000) * 1000) : 0;
      out.push(
        reuse(previous, {
          key: section === 'apps' ? `${j.clusterId}:app:${j.applicationId}` : `${j.clusterId}:${j.jobId}`,
          kind: 'job',
          section,
          clusterId: j.clusterId,
          clusterName,
          jobId: j.jobId,
          name: section === 'previews' ? j.name.slice(PREVIEW_JOB_PREFIX.length) : j.name,
          state: j.state,
          startTime: j.startTime,
          durationMs,
          tasksRunning: j.tasksRunning,
          tasksTotal: j.tasksTotal,
          deploymentId: j.deploymentId,
          applicationId: j.applicationId,
          runs,
          error: null,
        }),
      );
    }
  }
  return out;
}

/** An application's current run: its newest job that has not ended, else its newest job. */
function current(runs: readonly JobRow[]): JobRow {
  if (runs.length === 1) return runs[0]!;
  const newest = [...runs].sort((a, b) => b.startTime - a.startTime);
  return newest.find((j) => !TERMINAL.has(j.state)) ?? newest[0]!;
}

function blank(key: string, kind: JobRowModel['kind'], clusterId: number, clusterName: string): JobRowModel {
  return {
    key,
    kind,
    section: null,
    clusterId,
    clusterName,
    jobId: '',
    name: '',
    state: null,
    startTime: 0,
    durationMs: 0,
    tasksRunning: 0,
    tasksTotal: 0,
    deploymentId: null,
    applicationId: null,
    runs: 0,
    error: null,
  };
}

function reuse(previous: ReadonlyMap<string, JobRowModel> | undefined, row: JobRowModel): JobRowModel {
  const old = previous?.get(row.key);
  if (
    old &&
    old.jobId === row.jobId &&
    old.state === row.state &&
    old.name === row.name &&
    old.durationMs === row.durationMs &&
    old.tasksRunning === row.tasksRunning &&
    old.tasksTotal === row.tasksTotal &&
    old.startTime === row.startTime &&
    old.deploymentId === row.deploymentId &&
    old.runs === row.runs &&
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
