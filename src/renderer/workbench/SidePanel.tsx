import { useTranslation } from 'react-i18next';
import { ClustersView } from '../clusters/ClustersView.js';
import { ExplorerView } from '../explorer/ExplorerView.js';
import { JobsView } from '../jobs/JobsView.js';
import { useWorkbench } from '../state/store-context.js';
import { PlaceholderView } from '../views/PlaceholderView.js';

export function SidePanel() {
  const { t } = useTranslation();
  const view = useWorkbench((s) => s.view);
  return (
    <aside className={`side-panel${view === 'jobs' ? ' wide' : ''}`} data-testid={`view-${view}`}>
      <header className="side-title">{t(`views.${view}.title`)}</header>
      {view === 'explorer' ? <ExplorerView /> : view === 'clusters' ? <ClustersView /> : view === 'jobs' ? <JobsView /> : <PlaceholderView view={view} />}
    </aside>
  );
}
