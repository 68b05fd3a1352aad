import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDiagnostic } from '../../shared/i18n/translator.js';
import { runPreview } from '../preview/run-preview.js';
import { useWorkbench, useWorkbenchStore } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { setActiveEditor } from './active-editor.js';
import { modelFor, monaco, monacoTheme } from './monaco.js';
import { SQL_SUGGEST_OPTIONS } from './sql-providers.js';
import { sqlLanguage } from './sql-language-client.js';
import type { Problem } from './sql-worker-protocol.js';

/** Typing pause before a re-check; the worker answers in a few ms, so this is about batching keys. */
const CHECK_DELAY_MS = 120;

const SEVERITY: Record<Problem['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

/** The Monaco editor of one open SQL file: edits go to the store (autosave), text to the SQL worker. */
export function SqlEditor({ fileId, dark }: { fileId: number; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const store = useWorkbenchStore();
  const client = useClient();
  const { t, i18n } = useTranslation();
  const reveal = useWorkbench((s) => s.reveal);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: true },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderWhitespace: 'selection',
      theme: monacoTheme(dark),
      ...SQL_SUGGEST_OPTIONS,
    });
    editorRef.current = editor;
    editor.onDidChangeCursorPosition((e) => store.getState().setCursor({ line: e.position.lineNumber, column: e.position.column }));
    return () => {
      store.getState().setCursor(null);
      editor.dispose();
      editorRef.current = null;
    };
    // The editor is created once; theme and file changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(dark));
  }, [dark]);

  useEffect(() => {
    const editor = editorRef.current;
    const file = store.getState().open[fileId];
    if (!editor || !file) return;
    const model = modelFor(fileId, file.content);
    editor.setModel(model);
    editor.focus();
    setActiveEditor(fileId, editor);

    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const version = model.getVersionId();
      void sqlLanguage()
        .check(fileId, model.getValue())
        .then((answer) => {
          if (!answer || model.isDisposed() || model.getVersionId() !== version) return;
          monaco.editor.setModelMarkers(
            model,
            'weir-sql',
            answer.problems.map((p) => ({
              severity: SEVERITY[p.severity],
              message: describeDiagnostic(i18n, p.code, p.params),
              code: p.code,
              startLineNumber: p.line,
              startColumn: p.column,
              endLineNumber: p.endLine,
              endColumn: p.endColumn,
            })),
          );
          store.getState().setProblems(fileId, answer.problems);
        });
    };
    check();
    const changes = model.onDidChangeContent(() => {
      store.getState().edit(fileId, model.getValue());
      clearTimeout(timer);
      timer = setTimeout(check, CHECK_DELAY_MS);
    });
    const save = editor.addAction({
      id: 'weir.save',
      label: t('commands.save'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => void store.getState().saveNow(fileId),
    });
    // Shift+Alt+F on every platform (Monaco's Linux default is Ctrl+Shift+I).
    const format = editor.addAction({
      id: 'weir.format',
      label: t('commands.format'),
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      run: () => editor.getAction('editor.action.formatDocument')?.run(),
    });
    const preview = editor.addAction({
      id: 'weir.preview',
      label: t('commands.preview'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      run: () => void runPreview(store, client),
    });
    const deploy = editor.addAction({
      id: 'weir.deploy',
      label: t('commands.deploy'),
      contextMenuGroupId: 'navigation',
      run: () => void store.getState().openDeploy(fileId),
    });
    return () => {
      clearTimeout(timer);
      changes.dispose();
      save.dispose();
      format.dispose();
      preview.dispose();
      deploy.dispose();
      setActiveEditor(fileId, null);
    };
    // Re-check when the language changes so marker texts follow it.
  }, [fileId, store, client, t, i18n.language]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal.fileId !== fileId) return;
    editor.revealPositionInCenter({ lineNumber: reveal.line, column: reveal.column });
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.focus();
  }, [reveal, fileId]);

  return <div className="sql-editor" ref={host} data-testid="sql-editor" data-file-id={fileId} />;
}
