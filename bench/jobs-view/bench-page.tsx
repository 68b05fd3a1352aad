import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { JobsSnapshot } from '../../src/shared/contract/jobs-schema.js';
import { createTranslator } from '../../src/shared/i18n/translator.js';
import { buildJobRows, rowIndex, type JobRowModel } from '../../src/renderer/jobs/job-rows.js';
import { JobsTable } from '../../src/renderer/jobs/JobsTable.js';
import '../../src/renderer/theme/workbench.css';

/**
 * The Jobs table alone in a page, for the benchmark: `apply` builds the rows of a snapshot and
 * renders them synchronously, layout included, and returns the milliseconds it took. `applyPlain`
 * does the same with a plain table of every row: the anchor, what a table without
 * virtualisation or row reuse costs.
 */
const translator = createTranslator('zh-CN');
const root = createRoot(document.getElementById('ours')!);
const plainRoot = createRoot(document.getElementById('plain')!);
let previous: Map<string, JobRowModel> | undefined;
const noop = () => undefined;

function measure(render: () => void): number {
  const started = performance.now();
  flushSync(render);
  void document.body.offsetHeight; // force style and layout into the measurement
  return performance.now() - started;
}

function PlainTable({ snapshot, now }: { snapshot: JobsSnapshot; now: number }) {
  return (
    <table>
      <tbody>
        {snapshot.clusters.flatMap((c) =>
          c.jobs.map((j) => (
            <tr key={`${c.clusterId}:${j.jobId}`}>
              <td>{c.clusterName}</td>
              <td>{j.name}</td>
              <td>{j.state}</td>
              <td>{new Date(j.startTime).toLocaleString('zh-CN')}</td>
              <td>{Math.round((now - j.startTime) / 1000)} s</td>
              <td>
                {j.tasksRunning}/{j.tasksTotal}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

declare global {
  interface Window {
    weirBench: { apply(snapshot: JobsSnapshot, now: number): number; applyPlain(snapshot: JobsSnapshot, now: number): number };
  }
}

window.weirBench = {
  apply(snapshot, now) {
    return measure(() => {
      const rows = buildJobRows(snapshot, '', now, previous);
      previous = rowIndex(rows);
      root.render(
        <I18nextProvider i18n={translator}>
          <JobsTable rows={rows} onOpen={noop} />
        </I18nextProvider>,
      );
    });
  },
  applyPlain(snapshot, now) {
    return measure(() => plainRoot.render(<PlainTable snapshot={snapshot} now={now} />));
  },
};
