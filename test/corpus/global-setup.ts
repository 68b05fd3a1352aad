import { flinkQFolders } from './flink-q-folders.js';

/** Fetches Flink's .q scripts once before the test files (run in parallel) read them. */
export default function setup(): void {
  const { present, missing } = flinkQFolders();
  for (const f of present) process.stdout.write(`[corpus] ${f.name} from ${f.source}\n`);
  for (const m of missing) process.stdout.write(`[corpus] without ${m.name}: ${m.why}\n`);
}
