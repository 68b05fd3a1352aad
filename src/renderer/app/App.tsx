import { useEffect } from 'react';
import { useLocaleSetting } from '../i18n/use-locale.js';
import { useWorkbench, useWorkbenchStore } from '../state/store-context.js';
import { DeployDialog } from '../deploy/DeployDialog.js';
import { JarDeployDialog } from '../deploy/JarDeployDialog.js';
import { useDarkTheme } from '../theme/use-theme.js';
import { ActivityBar } from '../workbench/ActivityBar.js';
import { BottomPanel } from '../workbench/BottomPanel.js';
import { CommandPalette } from '../workbench/CommandPalette.js';
import { EditorArea } from '../workbench/EditorArea.js';
import { Notifications } from '../workbench/Notifications.js';
import { SidePanel } from '../workbench/SidePanel.js';
import { StatusBar } from '../workbench/StatusBar.js';
import { useCommands } from '../workbench/commands.js';

/** The VS Code-like frame: activity bar, side panel, editors, bottom panel, status bar. */
export function App() {
  const settings = useWorkbench((s) => s.settings);
  const sideVisible = useWorkbench((s) => s.sideVisible);
  const panelVisible = useWorkbench((s) => s.panelVisible);
  const dialog = useWorkbench((s) => s.dialog);
  useLocaleSetting(settings.locale);
  const dark = useDarkTheme(settings.theme);
  const commands = useCommands();
  const store = useWorkbenchStore();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if ((mod && e.shiftKey && e.key.toLowerCase() === 'p') || e.key === 'F1') {
        e.preventDefault();
        store.getState().setPalette(true);
        return;
      }
      for (const command of commands) {
        if (command.matches?.(e)) {
          e.preventDefault();
          command.run();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, store]);

  return (
    <div className="workbench" data-testid="workbench">
      <div className="workbench-main">
        <ActivityBar />
        {sideVisible && <SidePanel />}
        <div className="workbench-center">
          <EditorArea dark={dark} />
          {panelVisible && <BottomPanel />}
        </div>
      </div>
      <StatusBar />
      <CommandPalette commands={commands} />
      {dialog?.kind === 'deploy' && <DeployDialog key={dialog.fileId} fileId={dialog.fileId} />}
      {dialog?.kind === 'deployJar' && <JarDeployDialog />}
      <Notifications />
    </div>
  );
}
