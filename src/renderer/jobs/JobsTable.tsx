import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobRowModel } from './job-rows.js';
import { JobRowView } from './JobRowView.js';

export const JOB_ROW_HEIGHT = 26;

/**
 * Every job of every cluster as a virtualised table: only the visible rows are in the DOM,
 * so 10,000 jobs cost what 40 do. Pure props (no store), so a bench page can render it alone.
 */
export function JobsTable({ rows, onOpen }: { rows: readonly JobRowModel[]; onOpen(row: JobRowModel): void }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => JOB_ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]!.key,
  });
  return (
    <div className="jobs-table" role="table" aria-label={t('jobs.table')} aria-rowcount={rows.length + 1} data-testid="jobs-table">
      <div className="jobs-row jobs-head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="c-cluster">{t('jobs.columns.cluster')}</span>
        <span role="columnheader" className="c-name">{t('jobs.columns.name')}</span>
        <span role="columnheader" className="c-state">{t('jobs.columns.state')}</span>
        <span role="columnheader" className="c-start">{t('jobs.columns.start')}</span>
        <span role="columnheader" className="c-duration">{t('jobs.columns.duration')}</span>
        <span role="columnheader" className="c-tasks">{t('jobs.columns.tasks')}</span>
      </div>
      <div className="jobs-scroller" ref={scroller} role="rowgroup">
        <div className="jobs-canvas" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => (
            <JobRowView key={item.key} row={rows[item.index]!} top={item.start} index={item.index} onOpen={onOpen} />
          ))}
        </div>
      </div>
    </div>
  );
}
