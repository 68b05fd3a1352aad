import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runPreview } from '../preview/run-preview.js';
import { useWorkbenchStore } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { VIEWS } from './ActivityBar.js';

export interface Command {
  readonly id: string;
  readonly label: string;
  readonly keys?: string;
  readonly matches?: (e: KeyboardEvent) => boolean;
  run(): void;
}

/** Every command of the workbench, for the palette and the global shortcuts. */
export function useCommands(): Command[] {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const client = useClient();
  return useMemo(() => {
    const s = () => store.getState();
    const activeFile = () => {
      const key = s().activeTab;
      return key?.startsWith('file:') ? Number(key.slice(5)) : null;
    };
    const commands: Command[] = [
      {
        id: 'file.new',
        label: t('commands.newFile'),
        run: () => {
          s().showView('explorer');
          document.querySelector<HTMLButtonElement>('[data-testid="new-file"]')?.click();
        },
      },
      {
        id: 'file.save',
        label: t('commands.save'),
        keys: 'Ctrl+S',
        matches: (e) => (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 's',
        run: () => {
          const id = activeFile();
          if (id !== null) void s().saveNow(id);
        },
      },
      {
        id: 'file.history',
        label: t('commands.history'),
        run: () => {
          const id = activeFile();
          if (id !== null) s().openHistory(id);
        },
      },
      {
        id: 'deploy.open',
        label: t('commands.deploy'),
        run: () => {
          const id = activeFile();
          if (id !== null) void s().openDeploy(id);
        },
      },
      { id: 'deploy.jar', label: t('commands.deployJar'), run: () => s().openJarDeploy() },
      {
        id: 'preview.run',
        label: t('commands.preview'),
        keys: 'Ctrl+Enter',
        run: () => void runPreview(store, client),
      },
      { id: 'cluster.add', label: t('commands.addCluster'), run: () => s().openCluster(null) },
      { id: 'results.show', label: t('commands.results'), run: () => s().togglePanel('results') },
      {
        id: 'panel.toggle',
        label: t('commands.togglePanel'),
        keys: 'Ctrl+J',
        matches: (e) => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'j',
        run: () => s().togglePanel(),
      },
      {
        id: 'side.toggle',
        label: t('commands.toggleSide'),
        keys: 'Ctrl+B',
        matches: (e) => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'b',
        run: () => s().showView(s().view),
      },
      { id: 'settings.open', label: t('commands.settings'), keys: 'Ctrl+,', matches: (e) => (e.ctrlKey || e.metaKey) && e.key === ',', run: () => s().openSettings() },
      { id: 'theme.dark', label: t('commands.themeDark'), run: () => void s().updateSettings({ theme: 'dark' }) },
      { id: 'theme.light', label: t('commands.themeLight'), run: () => void s().updateSettings({ theme: 'light' }) },
      { id: 'language.zh', label: t('commands.languageZh'), run: () => void s().updateSettings({ locale: 'zh-CN' }) },
      { id: 'language.en', label: t('commands.languageEn'), run: () => void s().updateSettings({ locale: 'en' }) },
      { id: 'output.show', label: t('commands.output'), run: () => s().togglePanel('output') },
      ...VIEWS.map((view) => ({ id: `view.${view}`, label: t('commands.showView', { view: t(`views.${view}.title`) }), run: () => s().showView(view) })),
    ];
    return commands;
  }, [t, store, client]);
}
