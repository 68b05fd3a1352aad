import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const connected = useWorkbench((s) => s.connected);
  const info = useWorkbench((s) => s.info);
  const cursor = useWorkbench((s) => s.cursor);
  const activeTab = useWorkbench((s) => s.activeTab);
  const open = useWorkbench((s) => s.open);
  const openSettings = useWorkbench((s) => s.openSettings);
  const fileId = activeTab?.startsWith('file:') ? Number(activeTab.slice(5)) : null;
  const file = fileId !== null ? open[fileId] : undefined;
  const saveState = file === undefined ? null : file.saving ? 'saving' : file.content !== file.saved ? 'unsaved' : 'saved';
  return (
    <footer className={`status-bar${connected ? '' : ' offline'}`} data-testid="status-bar">
      <span data-testid="status-connection">{connected ? t('status.connected', { host: info ? t(`status.host.${info.host}`) : '' }) : t('status.disconnected')}</span>
      <span className="status-spacer" />
      {saveState && <span data-testid="status-save">{t(`status.${saveState}`)}</span>}
      {cursor && <span>{t('status.cursor', { line: cursor.line, column: cursor.column })}</span>}
      {file && <span>Flink SQL</span>}
      <button type="button" className="status-button" data-testid="status-language" onClick={openSettings}>
        {t(`settings.languages.${i18n.language}`)}
      </button>
    </footer>
  );
}
