import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Ten "clusters" answering /jobs/overview (and /jobs/{id}) from a reply recorded on the real
 * local cluster (bench/fixtures/jobs-overview.local.json), grown to 100 jobs each by cloning its
 * entries with new ids and names. `tick()` moves a few jobs to another state, as a live fleet does.
 */
type RecordedJob = { jid: string; name: string; state: string; 'start-time': number; 'end-time': number; duration: number; 'last-modification': number; tasks: Record<string, number> };

export interface OverviewHarness {
  readonly urls: string[];
  readonly jobIds: string[][];
  tick(): void;
  /** Requests served since the last call. */
  takeRequests(): number;
  close(): Promise<void>;
}

const STATES = ['RUNNING', 'RUNNING', 'RUNNING', 'RESTARTING', 'FAILING', 'CANCELED', 'FINISHED', 'FAILED'];

export async function startOverviewHarness(clusters: number, jobsPerCluster: number): Promise<OverviewHarness> {
  const recorded = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'jobs-overview.local.json'), 'utf8')) as { jobs: RecordedJob[] }).jobs;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const fleets: RecordedJob[][] = [];
  for (let c = 0; c < clusters; c++) {
    const jobs: RecordedJob[] = [];
    for (let i = 0; i < jobsPerCluster; i++) {
      const base = recorded[i % recorded.length]!;
      const jid = (c * 100_000 + i).toString(16).padStart(32, '0');
      jobs.push({ ...base, jid, name: `${base.name}-${c}-${i}`, state: i % 3 === 0 ? base.state : 'RUNNING', tasks: { ...base.tasks } });
    }
    fleets.push(jobs);
  }
  let requests = 0;
  const servers: Server[] = [];
  const urls: string[] = [];
  for (const jobs of fleets) {
    const server = createServer((req, res) => {
      requests++;
      const one = /^\/jobs\/([0-9a-f]{32})$/.exec(req.url ?? '');
      const body = one ? jobs.find((j) => j.jid === one[1]) : req.url === '/jobs/overview' ? { jobs } : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { errors: ['Not found'] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    urls,
    jobIds: fleets.map((jobs) => jobs.map((j) => j.jid)),
    tick() {
      for (const jobs of fleets) {
        for (let n = 0; n < 2; n++) {
          const job = jobs[Math.floor(random() * jobs.length)]!;
          job.state = STATES[Math.floor(random() * STATES.length)]!;
          job['last-modification'] = Date.now();
        }
      }
    },
    takeRequests() {
      const n = requests;
      requests = 0;
      return n;
    },
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
