import { useTranslation } from 'react-i18next';
import { runPreview } from '../preview/run-preview.js';
import { useWorkbench, useWorkbenchStore } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { SqlEditor } from './SqlEditor.js';

/** A SQL file tab: the toolbar (Preview, Deploy…) over the editor. */
export function FileEditor({ fileId, dark }: { fileId: number; dark: boolean }) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const client = useClient();
  const openDeploy = useWorkbench((s) => s.openDeploy);
  return (
    <div className="file-editor">
      <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <button type="button" data-testid="preview-run" title={t('commands.preview') + ' (Ctrl+Enter)'} onClick={() => void runPreview(store, client)}>
          ▶ {t('editor.preview')}
        </button>
        <button type="button" data-testid="deploy-open" onClick={() => void openDeploy(fileId)}>
          ⇪ {t('editor.deploy')}
        </button>
      </div>
      <div className="editor-host">
        <SqlEditor fileId={fileId} dark={dark} />
      </div>
    </div>
  );
}
