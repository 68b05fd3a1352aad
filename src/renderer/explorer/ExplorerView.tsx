import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';

/** Files of the workspace: create, rename (F2), delete (with confirmation), open, history. */
export function ExplorerView() {
  const { t } = useTranslation();
  const files = useWorkbench((s) => s.files);
  const activeTab = useWorkbench((s) => s.activeTab);
  const createFile = useWorkbench((s) => s.createFile);
  const renameFile = useWorkbench((s) => s.renameFile);
  const deleteFile = useWorkbench((s) => s.deleteFile);
  const openFile = useWorkbench((s) => s.openFile);
  const openHistory = useWorkbench((s) => s.openHistory);
  const openDeploy = useWorkbench((s) => s.openDeploy);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const submitCreate = async (name: string) => {
    if ((await createFile(name)) !== null) setCreating(false);
  };
  const submitRename = async (id: number, name: string) => {
    if (await renameFile(id, name)) setRenaming(null);
  };

  return (
    <div className="explorer">
      <div className="explorer-actions">
        <button type="button" data-testid="new-file" onClick={() => setCreating(true)}>
          {t('explorer.newFile')}
        </button>
      </div>
      {creating && (
        <NameInput
          initial="untitled.sql"
          label={t('explorer.newFileName')}
          testId="new-file-name"
          onSubmit={submitCreate}
          onCancel={() => setCreating(false)}
        />
      )}
      {files.length === 0 && !creating && <p className="placeholder">{t('explorer.empty')}</p>}
      <ul className="file-list" role="tree" aria-label={t('views.explorer.title')}>
        {files.map((file) =>
          renaming === file.id ? (
            <li key={file.id}>
              <NameInput
                initial={file.name}
                label={t('explorer.rename')}
                testId="rename-file-name"
                onSubmit={(name) => submitRename(file.id, name)}
                onCancel={() => setRenaming(null)}
              />
            </li>
          ) : (
            <li
              key={file.id}
              role="treeitem"
              aria-selected={activeTab === `file:${file.id}`}
              className={`file${activeTab === `file:${file.id}` ? ' active' : ''}`}
              data-testid="file-item"
              data-name={file.name}
              tabIndex={0}
              onClick={() => void openFile(file.id)}
              onKeyDown={(e) => {
                if (e.key === 'F2') setRenaming(file.id);
                if (e.key === 'Enter') void openFile(file.id);
                if (e.key === 'Delete') setConfirming(file.id);
              }}
            >
              <span className="file-name">{file.name}</span>
              {confirming === file.id ? (
                <span className="file-confirm">
                  {t('explorer.confirmDelete')}
                  <button type="button" data-testid="confirm-delete" onClick={(e) => { e.stopPropagation(); setConfirming(null); void deleteFile(file.id); }}>
                    {t('common.delete')}
                  </button>
                  <button type="button" onClick={(e) => { e.stopPropagation(); setConfirming(null); }}>
                    {t('common.cancel')}
                  </button>
                </span>
              ) : (
                <span className="file-tools">
                  <button type="button" title={t('explorer.deploy')} aria-label={t('explorer.deploy')} data-testid="file-deploy" onClick={(e) => { e.stopPropagation(); void openDeploy(file.id); }}>
                    ⇪
                  </button>
                  <button type="button" title={t('explorer.history')} aria-label={t('explorer.history')} data-testid="file-history" onClick={(e) => { e.stopPropagation(); openHistory(file.id); }}>
                    ⟲
                  </button>
                  <button type="button" title={t('explorer.rename')} aria-label={t('explorer.rename')} data-testid="file-rename" onClick={(e) => { e.stopPropagation(); setRenaming(file.id); }}>
                    ✎
                  </button>
                  <button type="button" title={t('common.delete')} aria-label={t('common.delete')} data-testid="file-delete" onClick={(e) => { e.stopPropagation(); setConfirming(file.id); }}>
                    ✕
                  </button>
                </span>
              )}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function NameInput(props: { initial: string; label: string; testId: string; onSubmit(name: string): void; onCancel(): void }) {
  const [value, setValue] = useState(props.initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(value);
  };
  return (
    <form className="name-input" onSubmit={submit}>
      <input
        autoFocus
        aria-label={props.label}
        data-testid={props.testId}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onFocus={(e) => e.target.setSelectionRange(0, Math.max(0, value.lastIndexOf('.')) || value.length)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      />
    </form>
  );
}
