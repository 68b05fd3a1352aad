import { useTranslation } from 'react-i18next';
import type { DeployPlan } from '../../shared/contract/apps-schema.js';

/**
 * What the deploy will do to the job of the same name already running: an upgrade (stop with
 * savepoint, start from it), with the reasons its state may not restore; or why it cannot.
 */
export function UpgradeNotice({ plan, cluster }: { plan: DeployPlan; cluster: string }) {
  const { t } = useTranslation();
  const job = plan.running.map((j) => j.jobId).join(', ');
  const ours = plan.running.some((j) => j.fromApplication);
  if (plan.running.length > 1) {
    return (
      <div className="warning wide" data-testid="deploy-upgrade" data-upgrade="impossible">
        {t('deploy.upgrade.manyRunning', { count: plan.running.length, name: plan.name, cluster })}
      </div>
    );
  }
  return (
    <div className="upgrade-notice wide" data-testid="deploy-upgrade" data-upgrade="possible">
      <p>
        <strong>{t(ours ? 'deploy.upgrade.running' : 'deploy.upgrade.runningOutside', { name: plan.name, cluster, job })}</strong>
      </p>
      <p>{t('deploy.upgrade.explain')}</p>
      {plan.compatibility.length > 0 && (
        <div className="warning" data-testid="deploy-compat">
          <p>{t('deploy.upgrade.compatTitle')}</p>
          <ul>
            {plan.compatibility.map((w) => (
              <li key={w.code} data-testid="deploy-compat-warning" data-code={w.code}>
                {t(`deploy.upgrade.compat.${w.code}`, { detail: w.detail })}
              </li>
            ))}
          </ul>
          <p className="muted small">{t('deploy.upgrade.compatHint')}</p>
        </div>
      )}
    </div>
  );
}
