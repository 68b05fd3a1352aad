import { useTranslation } from 'react-i18next';
import { ClusterEditor } from '../clusters/ClusterEditor.js';
import { FileEditor } from '../editor/FileEditor.js';
import { HistoryView } from '../history/HistoryView.js';
import { JobPage } from '../jobs/page/JobPage.js';
import { useClusters } from '../state/clusters-store.js';
import { SettingsView } from '../settings/SettingsView.js';
import { useWorkbench } from '../state/store-context.js';
import type { Tab } from '../state/workbench-store.js';

export function EditorArea({ dark }: { dark: boolean }) {
  const { t } = useTranslation();
  const tabs = useWorkbench((s) => s.tabs);
  const activeKey = useWorkbench((s) => s.activeTab);
  const open = useWorkbench((s) => s.open);
  const files = useWorkbench((s) => s.files);
  const activate = useWorkbench((s) => s.activate);
  const closeTab = useWorkbench((s) => s.closeTab);
  const clusters = useClusters((s) => s.clusters);
  const active = tabs.find((tab) => tab.key === activeKey) ?? null;

  const title = (tab: Tab): string => {
    if (tab.kind === 'settings') return t('settings.title');
    if (tab.kind === 'job') return t('jobs.page.tabTitle', { name: tab.name });
    if (tab.kind === 'cluster') return clusters.find((c) => c.id === tab.clusterId)?.name ?? t('clusters.form.new');
    const name = open[tab.fileId]?.meta.name ?? files.find((f) => f.id === tab.fileId)?.name ?? '';
    return tab.kind === 'history' ? t('history.tabTitle', { name }) : name;
  };

  return (
    <section className="editor-area">
      <div className="tabs" role="tablist">
        {tabs.map((tab) => {
          const file = tab.kind === 'file' ? open[tab.fileId] : undefined;
          const dirty = file !== undefined && file.content !== file.saved;
          return (
            <div
              key={tab.key}
              role="tab"
              aria-selected={tab.key === activeKey}
              className={`tab${tab.key === activeKey ? ' active' : ''}`}
              data-testid="editor-tab"
              data-key={tab.key}
              onClick={() => activate(tab.key)}
              onAuxClick={(e) => e.button === 1 && closeTab(tab.key)}
            >
              <span>{title(tab)}</span>
              {dirty && <span className="dirty" title={t('editor.unsaved')}>●</span>}
              <button type="button" className="tab-close" aria-label={t('editor.closeTab')} onClick={(e) => { e.stopPropagation(); closeTab(tab.key); }}>
                ×
              </button>
            </div>
          );
        })}
      </div>
      <div className="editor-body">
        {active === null && (
          <div className="welcome" data-testid="welcome">
            <h1>Weir</h1>
            <p>{t('welcome.tagline')}</p>
            <p className="muted">{t('welcome.hint')}</p>
          </div>
        )}
        {active?.kind === 'file' && <FileEditor fileId={active.fileId} dark={dark} />}
        {active?.kind === 'history' && <HistoryView fileId={active.fileId} dark={dark} />}
        {active?.kind === 'settings' && <SettingsView />}
        {active?.kind === 'cluster' && <ClusterEditor key={active.key} tabKey={active.key} clusterId={active.clusterId} />}
        {active?.kind === 'job' && <JobPage key={`${active.key}:${active.jobId}`} clusterId={active.clusterId} jobId={active.jobId} dark={dark} />}
      </div>
    </section>
  );
}
