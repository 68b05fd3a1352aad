import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionMeta } from '../../shared/contract/contract.js';
import { FLINK_SQL, monaco, monacoTheme } from '../editor/monaco.js';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';

/** Versions of a file, newest first; choosing one diffs it against the current text. */
export function HistoryView({ fileId, dark }: { fileId: number; dark: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useWorkbench((s) => s.report);
  const meta = useWorkbench((s) => s.files.find((f) => f.id === fileId));
  const [versions, setVersions] = useState<readonly VersionMeta[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    let live = true;
    client.call('files.history', { id: fileId }).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        setSelected((current) => current ?? list[1]?.id ?? list[0]?.id ?? null);
      },
      (error: unknown) => report(error),
    );
    return () => {
      live = false;
    };
  }, [client, fileId, meta?.updatedAt, report]);

  useEffect(() => {
    const diff = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      theme: monacoTheme(dark),
    });
    diffRef.current = diff;
    return () => {
      const model = diff.getModel();
      diff.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      diffRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    Promise.all([client.call('files.version', { versionId: selected }), client.call('files.read', { id: fileId })]).then(
      ([version, current]) => {
        const diff = diffRef.current;
        if (!live || !diff) return;
        const old = diff.getModel();
        diff.setModel({
          original: monaco.editor.createModel(version.content, FLINK_SQL),
          modified: monaco.editor.createModel(current.content, FLINK_SQL),
        });
        old?.original.dispose();
        old?.modified.dispose();
      },
      (error: unknown) => report(error),
    );
    return () => {
      live = false;
    };
  }, [client, fileId, selected, report]);

  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="history">
      <ol className="history-list" data-testid="history-list" aria-label={t('history.versions')}>
        {versions.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className={v.id === selected ? 'active' : ''}
              data-testid="history-version"
              onClick={() => setSelected(v.id)}
            >
              <strong>{t('history.version', { number: v.number })}</strong>
              <span>{t(`history.kind.${v.kind}`)}</span>
              <span className="muted">{format.format(new Date(v.createdAt))}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="history-diff">
        <div className="history-diff-header">
          <span>{t('history.selected')}</span>
          <span>{t('history.current')}</span>
        </div>
        <div className="history-diff-editor" ref={host} data-testid="history-diff" />
      </div>
    </div>
  );
}
