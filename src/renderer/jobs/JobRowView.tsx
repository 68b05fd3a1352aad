import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../errors/ErrorView.js';
import { formatDuration, formatTime } from './format.js';
import type { JobRowModel } from './job-rows.js';
import { StateBadge } from './StateBadge.js';

/** One row of the Jobs table, positioned by the virtualiser; re-renders only when its model changes. */
export const JobRowView = memo(function JobRowView({ row, top, index, onOpen }: { row: JobRowModel; top: number; index: number; onOpen(row: JobRowModel): void }) {
  const { t, i18n } = useTranslation();
  const style = { transform: `translateY(${top}px)` };
  if (row.kind === 'section') {
    return (
      <div className="jobs-row section" role="row" aria-rowindex={index + 2} style={style} data-testid="jobs-section" data-section={row.section ?? ''}>
        <span role="cell">{t(`jobs.sections.${row.section ?? 'apps'}`)}</span>
      </div>
    );
  }
  if (row.kind === 'unreachable') {
    return (
      <div className="jobs-row unreachable" role="row" aria-rowindex={index + 2} style={style} data-testid="jobs-unreachable" data-cluster={row.clusterName}>
        <span role="cell" className="c-cluster">
          {row.clusterName}
        </span>
        <span role="cell" className="c-error">
          {row.error ? <ErrorView error={row.error} compact /> : t('jobs.unreachable')}
        </span>
      </div>
    );
  }
  return (
    <div
      className="jobs-row"
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      style={style}
      data-testid="job-row"
      data-job-id={row.jobId}
      data-name={row.name}
      data-section={row.section ?? ''}
      data-runs={row.runs}
      data-state={row.state ?? ''}
      data-tasks={`${row.tasksRunning}/${row.tasksTotal}`}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(row)}
    >
      <span role="cell" className="c-cluster" title={row.clusterName}>
        {row.clusterName}
      </span>
      <span role="cell" className="c-name" title={`${row.name}\n${row.jobId}`}>
        {row.deploymentId !== null && (
          <span className="weir-mark" title={t('jobs.fromWeir')} data-testid="weir-mark">
            W
          </span>
        )}
        {row.name}
        {row.runs > 1 && <span className="runs">{t('jobs.runs', { count: row.runs })}</span>}
      </span>
      <span role="cell" className="c-state">
        {row.state && <StateBadge state={row.state} />}
      </span>
      <span role="cell" className="c-start">
        {formatTime(row.startTime, i18n.language)}
      </span>
      <span role="cell" className="c-duration">
        {formatDuration(row.durationMs)}
      </span>
      <span role="cell" className="c-tasks">
        {row.tasksRunning}/{row.tasksTotal}
      </span>
    </div>
  );
});
