import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewRow } from '../../shared/contract/jobs-schema.js';

const ROW_HEIGHT = 22;

/** A preview's rows, virtualised: the changelog kind (+I/-U/+U/-D), then one cell per column. */
export function ResultGrid({ columns, rows, offset }: { columns: readonly { name: string; type: string }[]; rows: readonly PreviewRow[]; offset: number }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const template = `48px 56px repeat(${Math.max(1, columns.length)}, minmax(120px, 1fr))`;
  return (
    <div className="result-grid" role="table" aria-label={t('preview.grid')} aria-rowcount={rows.length + 1} data-testid="result-grid">
      <div ref={scroller} className="result-scroller">
        <div className="result-row result-head" role="row" style={{ gridTemplateColumns: template }}>
          <span role="columnheader" className="muted">#</span>
          <span role="columnheader">{t('preview.kind')}</span>
          {columns.map((c) => (
            <span role="columnheader" key={c.name} title={`${c.name} ${c.type}`}>
              {c.name} <span className="muted small">{c.type}</span>
            </span>
          ))}
        </div>
        <div className="result-canvas" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.index}
                className={`result-row kind-${row.kind === '+I' ? 'i' : row.kind === '-D' ? 'd' : row.kind === '-U' ? 'ub' : 'ua'}`}
                role="row"
                data-testid="result-row"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className="muted">{offset + item.index + 1}</span>
                <span role="cell" className="mono">{row.kind}</span>
                {row.fields.map((f, i) => (
                  <span role="cell" key={i} className="mono">
                    {cell(f)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
