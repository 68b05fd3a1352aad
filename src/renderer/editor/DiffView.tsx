import { useEffect, useRef } from 'react';
import { FLINK_SQL, monaco, monacoTheme } from './monaco.js';

/** A read-only side-by-side Monaco diff of two SQL texts. */
export function DiffView({
  original,
  modified,
  dark,
  testId,
  className = 'diff-view',
}: {
  original: string;
  modified: string;
  dark: boolean;
  testId?: string;
  className?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    const diff = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
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
    // created once; texts are set below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const diff = diffRef.current;
    if (!diff) return;
    const old = diff.getModel();
    diff.setModel({ original: monaco.editor.createModel(original, FLINK_SQL), modified: monaco.editor.createModel(modified, FLINK_SQL) });
    old?.original.dispose();
    old?.modified.dispose();
  }, [original, modified]);

  return <div className={className} ref={host} data-testid={testId} />;
}
