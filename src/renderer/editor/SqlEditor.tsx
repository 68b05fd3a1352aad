import { useEffect, useRef } from 'react';
import { useWorkbenchStore } from '../state/store-context.js';
import { modelFor, monaco, monacoTheme } from './monaco.js';

/** The Monaco editor of one open SQL file; every change goes to the store, which autosaves it. */
export function SqlEditor({ fileId, dark }: { fileId: number; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const store = useWorkbenchStore();

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: true },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderWhitespace: 'selection',
      theme: monacoTheme(dark),
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
    const changes = model.onDidChangeContent(() => store.getState().edit(fileId, model.getValue()));
    const save = editor.addAction({
      id: 'weir.save',
      label: 'Save',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => void store.getState().saveNow(fileId),
    });
    return () => {
      changes.dispose();
      save.dispose();
    };
  }, [fileId, store]);

  return <div className="sql-editor" ref={host} data-testid="sql-editor" data-file-id={fileId} />;
}
