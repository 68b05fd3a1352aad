import { useTranslation } from 'react-i18next';
import type { ClusterTest } from '../../shared/contract/clusters-schema.js';
import { ErrorView } from '../errors/ErrorView.js';
import type { ClusterTestState } from '../state/clusters-store.js';
import { HostKeyCheck } from './HostKeyCheck.js';

type Part = 'rest' | 'gateway' | 'resourceManager' | 'ssh';
const PARTS: readonly Part[] = ['rest', 'gateway', 'resourceManager', 'ssh'];

/** "Test connection", part by part: what answered, how fast, and why a part failed. */
export function ClusterTestResult({ clusterId, state }: { clusterId: number; state: ClusterTestState }) {
  const { t } = useTranslation();
  const result = state.result;
  return (
    <section className="test-result" data-testid="cluster-test-result" aria-label={t('clusters.testResult')}>
      <h2>{t('clusters.testResult')}</h2>
      {state.running && <p className="muted">{t('clusters.testing')}</p>}
      {state.error && <ErrorView error={state.error} />}
      {result && !result.ok && (
        <p className="test-verdict" data-testid="cluster-test-failing">
          {t('clusters.savedFailing')}
        </p>
      )}
      {result && (
        <ul className="parts">
          {PARTS.map((part) => {
            const probe = result[part];
            if (!probe) return null;
            return (
              <li key={part} data-testid={`test-part-${part}`} data-ok={probe.ok}>
                <div className="part-head">
                  <span className={`health ${probe.ok ? 'ok' : 'bad'}`} aria-hidden="true" />
                  <strong>{t(`clusters.parts.${part}`)}</strong>
                  <span className="muted">{probe.ok ? t('clusters.partOk', { millis: probe.millis }) : t('clusters.partFailed', { millis: probe.millis })}</span>
                  <span className="muted">{summary(t, result, part)}</span>
                </div>
                {probe.error && <ErrorView error={probe.error} />}
                {part === 'ssh' && result.ssh?.hostKey && <HostKeyCheck clusterId={clusterId} hostKey={result.ssh.hostKey} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function summary(t: (key: string, params?: Record<string, unknown>) => string, result: ClusterTest, part: Part): string {
  if (part === 'rest' && result.rest?.overview) {
    const o = result.rest.overview;
    return t('clusters.overview', { version: o.flinkVersion, available: o.slotsAvailable, total: o.slotsTotal, jobs: o.jobsRunning });
  }
  if (part === 'gateway' && result.gateway?.version) return t('clusters.version', { version: result.gateway.version });
  if (part === 'resourceManager' && result.resourceManager?.version) return t('clusters.hadoopVersion', { version: result.resourceManager.version });
  if (part === 'ssh' && result.ssh?.flinkVersion) return t('clusters.version', { version: result.ssh.flinkVersion });
  return '';
}
