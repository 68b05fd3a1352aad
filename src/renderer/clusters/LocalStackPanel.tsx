import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalStack } from '../../shared/contract/contract.js';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';

const REFRESH_MS = 5000;

/** The local stack: its "Local" Flink cluster (which can be registered as a cluster) and its parts. */
export function LocalStackPanel() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useWorkbench((s) => s.report);
  const clusters = useClusters((s) => s.clusters);
  const save = useClusters((s) => s.save);
  const [stack, setStack] = useState<LocalStack | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      client.call('stack.status', {}).then(
        (next) => live && setStack(next),
        () => undefined, // a failed poll is retried at the next tick
      );
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const off = client.on('stack.changed', (next) => live && setStack(next));
    return () => {
      live = false;
      clearInterval(timer);
      off();
    };
  }, [client]);

  const start = () => client.call('stack.up', {}).then(setStack, (error: unknown) => report(error));
  const local = stack?.local ?? null;
  const registered = local ? clusters.find((c) => c.restUrl === local.restUrl.replace(/\/+$/, '')) : undefined;

  const addAsCluster = async () => {
    if (!local) return;
    setAdding(true);
    try {
      await save(undefined, { kind: 'standalone', name: 'Local', restUrl: local.restUrl, gatewayUrl: local.gatewayUrl, variables: [] });
    } catch (error) {
      report(error);
    } finally {
      setAdding(false);
    }
  };

  return (
    <>
      {local ? (
        <div className="cluster-card" data-testid="cluster-local">
          <div className="cluster-name">
            <span className="health ok" aria-hidden="true" /> {t('clusters.local.name')}
            <span className="kind-tag">{t('clusters.local.stack')}</span>
          </div>
          <div className="muted">{t('clusters.local.summary', { version: local.flinkVersion, taskManagers: local.taskManagers })}</div>
          <div className="muted">{t('clusters.local.slots', { available: local.slotsAvailable, total: local.slotsTotal, jobs: local.jobsRunning })}</div>
          <div className="muted mono">{local.restUrl}</div>
          <div className="card-actions">
            {registered ? (
              <span className="muted small">{t('clusters.local.registered', { name: registered.name })}</span>
            ) : (
              <button type="button" data-testid="add-local-cluster" disabled={adding} onClick={() => void addAsCluster()}>
                {t('clusters.local.add')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="placeholder">
          <p>{stack?.starting ? t('clusters.local.starting') : t('clusters.local.none')}</p>
          {stack && !stack.starting && (
            <button type="button" data-testid="stack-up" onClick={() => void start()}>
              {t('clusters.local.start')}
            </button>
          )}
          {stack?.lastError && (
            <>
              <p className="stack-error-title">{t('clusters.local.failed')}</p>
              <pre className="stack-error">{stack.lastError}</pre>
            </>
          )}
        </div>
      )}
      {stack && (
        <details className="stack-parts" open={!local}>
          <summary>{t('clusters.local.parts')}</summary>
          <ul>
            {stack.parts.map((p) => (
              <li key={p.name} data-testid="stack-part" data-healthy={p.healthy}>
                <span className={`health ${p.healthy ? 'ok' : p.running ? 'warn' : 'off'}`} aria-hidden="true" />
                <span className="mono">{p.name}</span> <span className="muted">:{p.port}</span>
              </li>
            ))}
          </ul>
          <div className="muted small">{t('clusters.local.logs', { dir: stack.logs })}</div>
        </details>
      )}
    </>
  );
}
