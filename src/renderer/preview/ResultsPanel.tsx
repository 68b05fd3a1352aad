import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../errors/ErrorView.js';
import { useClusters } from '../state/clusters-store.js';
import { usePreview } from './preview-store.js';
import { ResultGrid } from './ResultGrid.js';

/** The bottom panel's "Results" tab: the preview's cluster, status, row count, Cancel and the grid. */
export function ResultsPanel() {
  const { t } = useTranslation();
  const clusters = useClusters((s) => s.clusters);
  const loaded = useClusters((s) => s.loaded);
  const refresh = useClusters((s) => s.refresh);
  const clusterId = usePreview((s) => s.clusterId);
  const setCluster = usePreview((s) => s.setCluster);
  const running = usePreview((s) => s.running);
  const columns = usePreview((s) => s.columns);
  const rows = usePreview((s) => s.rows);
  const received = usePreview((s) => s.received);
  const dropped = usePreview((s) => s.dropped);
  const maxRows = usePreview((s) => s.maxRows);
  const error = usePreview((s) => s.error);
  const cancel = usePreview((s) => s.cancel);
  const withGateway = clusters.filter((c) => c.gatewayUrl);

  useEffect(() => {
    if (!loaded) void refresh().catch(() => undefined);
  }, [loaded, refresh]);

  return (
    <div className="results" data-testid="results">
      <div className="results-toolbar">
        <label className="inline">
          {t('preview.cluster')}
          <select data-testid="preview-cluster" value={clusterId ?? withGateway[0]?.id ?? ''} onChange={(e) => setCluster(Number(e.target.value))}>
            {withGateway.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="preview-status" data-running={running}>
          {running ? t('preview.running', { count: received }) : t('preview.rows', { count: received, kept: rows.length })}
          {dropped > 0 && ` · ${t('preview.dropped', { dropped, max: maxRows })}`}
        </span>
        <button type="button" data-testid="preview-cancel" disabled={!running} onClick={() => void cancel()}>
          {t('preview.cancel')}
        </button>
      </div>
      {withGateway.length === 0 && loaded && <p className="muted">{t('preview.noGateway')}</p>}
      {error && <ErrorView error={error} />}
      {columns.length === 0 && !running && !error && withGateway.length > 0 && <p className="muted">{t('preview.hint')}</p>}
      {columns.length > 0 && <ResultGrid columns={columns} rows={rows} offset={Math.max(0, received - rows.length)} />}
    </div>
  );
}
