import type { monaco } from './monaco.js';

/** The Monaco editor of the file tab in front, for commands that need its selection and cursor. */
let current: { fileId: number; editor: monaco.editor.IStandaloneCodeEditor } | null = null;

export function setActiveEditor(fileId: number, editor: monaco.editor.IStandaloneCodeEditor | null): void {
  if (editor) current = { fileId, editor };
  else if (current?.fileId === fileId) current = null;
}

export function activeEditor(): { fileId: number; editor: monaco.editor.IStandaloneCodeEditor } | null {
  return current;
}
