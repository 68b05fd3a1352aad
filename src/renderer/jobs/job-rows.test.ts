import { describe, expect, it } from 'vitest';
import type { JobsSnapshot, JobState } from '../../shared/contract/jobs-schema.js';
import { buildJobRows, rowIndex } from './job-rows.js';

const NOW = 1_700_000_100_000;

function snapshot(clusters: number, jobsPerCluster: number, tick = 0): JobsSnapshot {
  const states: JobState[] = ['RUNNING', 'FINISHED', 'FAILED', 'CANCELED', 'RESTARTING'];
  return {
    clusters: Array.from({ length: clusters }, (_, c) => ({
      clusterId: c + 1,
      clusterName: `cluster-${c}`,
      reachable: true,
      error: null,
      checkedAt: '',
      jobs: Array.from({ length: jobsPerCluster }, (_, j) => ({
        clusterId: c + 1,
        jobId: (c * 100_000 + j).toString(16).padStart(32, '0'),
        name: `job-${c}-${j}`,
        state: states[(j + (j === 0 ? tick : 0)) % states.length]!,
        startTime: NOW - 60_000 * (j + 1),
        endTime: states[j % states.length] === 'RUNNING' ? -1 : NOW - 1000,
        duration: 0,
        tasksTotal: 4,
        tasksRunning: 4,
        deploymentId: j % 2 === 0 ? j + 1 : null,
        applicationId: j % 2 === 0 ? j + 1 : null,
        preview: false,
      })),
    })),
  };
}

describe('buildJobRows', () => {
  it('lists every job with a client-side duration, and unreachable clusters as a row', () => {
    const snap = snapshot(2, 3);
    snap.clusters.push({ clusterId: 9, clusterName: 'prod', reachable: false, error: { code: 'cluster.unreachable', params: {} }, checkedAt: '', jobs: [] });
    const rows = buildJobRows(snap, '', NOW);
    // 6 jobs (4 of applications, 2 started outside Weir) under 2 section headers, and the unreachable cluster
    expect(rows).toHaveLength(9);
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.section)).toEqual(['apps', 'outside']);
    const running = rows.find((r) => r.name === 'job-0-0')!;
    expect(running.durationMs).toBe(60_000);
    expect(rows.find((r) => r.kind === 'unreachable')?.clusterName).toBe('prod');
  });

  it('filters on every word: name, state, cluster', () => {
    const rows = buildJobRows(snapshot(3, 10), 'cluster-1 running', NOW);
    const jobs = rows.filter((r) => r.kind === 'job');
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((r) => r.clusterName === 'cluster-1' && r.state === 'RUNNING')).toBe(true);
  });

  it('lists an application once, as its current run, and previews apart, named by their file', () => {
    const snap = snapshot(1, 0);
    const job = (id: number, name: string, state: JobState, startTime: number, applicationId: number | null, preview = false) => ({
      clusterId: 1, jobId: id.toString(16).padStart(32, '0'), name, state, startTime, endTime: -1, duration: 0,
      tasksTotal: 2, tasksRunning: 2, deploymentId: applicationId, applicationId, preview,
    });
    snap.clusters[0]!.jobs.push(
      job(1, 'ticks', 'FINISHED', NOW - 5000, 7),
      job(2, 'ticks', 'RUNNING', NOW - 1000, 7),
      job(3, 'ticks', 'RUNNING', NOW - 3000, null),
      job(4, 'weir-preview: ticks.sql', 'RUNNING', NOW - 2000, null, true),
    );
    const rows = buildJobRows(snap, '', NOW);
    expect(rows.map((r) => [r.kind, r.section, r.name, r.jobId.slice(-1), r.runs])).toEqual([
      ['section', 'apps', '', '', 0],
      ['job', 'apps', 'ticks', '2', 2],
      ['section', 'outside', '', '', 0],
      ['job', 'outside', 'ticks', '3', 1],
      ['section', 'previews', '', '', 0],
      ['job', 'previews', 'ticks.sql', '4', 1],
    ]);
  });

  it('matches a state also by the words the table shows for it (运行中 finds RUNNING jobs)', () => {
    const zh = { RUNNING: '运行中', FAILED: '已失败' } as Record<string, string>;
    const text = (state: string) => zh[state] ?? state;
    const jobs = (filter: string) => buildJobRows(snapshot(3, 10), filter, NOW, undefined, text).filter((r) => r.kind === 'job');
    const rows = jobs('运行中');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.state === 'RUNNING')).toBe(true);
    expect(jobs('cluster-1 运行中').every((r) => r.clusterName === 'cluster-1')).toBe(true);
    expect(jobs('running').length).toBe(rows.length);
    expect(buildJobRows(snapshot(3, 10), '运行中', NOW)).toEqual([]);
  });

  it('keeps the identity of unchanged rows across ticks, and is fast on 1,000 jobs of 10 clusters', () => {
    const first = buildJobRows(snapshot(10, 100), '', NOW);
    const next = buildJobRows(snapshot(10, 100, 1), '', NOW, rowIndex(first));
    const before = rowIndex(first);
    const changed = next.filter((r) => before.get(r.key) !== r);
    expect(changed).toHaveLength(10); // job 0 of each cluster changed state
    const started = performance.now();
    let prev = rowIndex(next);
    for (let i = 0; i < 20; i++) prev = rowIndex(buildJobRows(snapshot(10, 100, i), '', NOW + i * 1000, prev));
    const perTick = (performance.now() - started) / 20;
    expect(perTick).toBeLessThan(16);
  });
});
