import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';
import type { ViewId } from '../state/workbench-store.js';
import { Icon } from './Icon.js';

export const VIEWS: readonly ViewId[] = ['explorer', 'datasources', 'resources', 'clusters', 'jobs', 'schedules', 'lineage'];

export function ActivityBar() {
  const { t } = useTranslation();
  const view = useWorkbench((s) => s.view);
  const sideVisible = useWorkbench((s) => s.sideVisible);
  const showView = useWorkbench((s) => s.showView);
  const openSettings = useWorkbench((s) => s.openSettings);
  return (
    <nav className="activity-bar" aria-label={t('workbench.activityBar')}>
      {VIEWS.map((id) => (
        <button
          key={id}
          type="button"
          className={`activity${view === id && sideVisible ? ' active' : ''}`}
          title={t(`views.${id}.title`)}
          aria-label={t(`views.${id}.title`)}
          data-testid={`activity-${id}`}
          onClick={() => showView(id)}
        >
          <Icon name={id} />
        </button>
      ))}
      <div className="activity-spacer" />
      <button type="button" className="activity" title={t('settings.title')} aria-label={t('settings.title')} data-testid="activity-settings" onClick={openSettings}>
        <Icon name="settings" />
      </button>
    </nav>
  );
}
