import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionMeta } from '../../shared/contract/contract.js';
import { DiffView } from '../editor/DiffView.js';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';

/** A deploy version says how its deployment went: one that failed is never labelled "deployed". */
function versionLabel(v: VersionMeta): string {
  if (v.kind !== 'deploy') return v.kind;
  if (v.deployStatus === 'failed') return 'deployFailed';
  if (v.deployStatus === 'submitting') return 'deployUnconfirmed';
  return 'deploy';
}

/** Versions of a file, newest first; choosing one diffs it against the current text. */
export function HistoryView({ fileId, dark }: { fileId: number; dark: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useWorkbench((s) => s.report);
  const meta = useWorkbench((s) => s.files.find((f) => f.id === fileId));
  const [versions, setVersions] = useState<readonly VersionMeta[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [texts, setTexts] = useState<{ original: string; modified: string } | null>(null);

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
    if (selected === null) return;
    let live = true;
    Promise.all([client.call('files.version', { versionId: selected }), client.call('files.read', { id: fileId })]).then(
      ([version, current]) => {
        if (live) setTexts({ original: version.content, modified: current.content });
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
              <span data-testid="history-kind" className={v.deployStatus === 'failed' ? 'bad' : undefined}>
                {t(`history.kind.${versionLabel(v)}`)}
              </span>
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
        <DiffView className="history-diff-editor" testId="history-diff" original={texts?.original ?? ''} modified={texts?.modified ?? ''} dark={dark} />
      </div>
    </div>
  );
}
