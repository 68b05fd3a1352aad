// Editor core with its features but no language services (the full import pulls the 7 MB
// TypeScript worker). Flink SQL is highlighted by our own lexer; every worker is a bundled
// file of our own origin.
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { FLINK_SQL, registerFlinkSql } from './flink-sql-language.js';
import { registerSqlProviders } from './sql-providers.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };
registerFlinkSql();
registerSqlProviders();

export { FLINK_SQL, monaco };

export function fileUri(fileId: number): monaco.Uri {
  return monaco.Uri.parse(`weir:/files/${fileId}.sql`);
}

/** One model per open file, created on first use and kept so undo history survives tab switches. */
export function modelFor(fileId: number, content: string): monaco.editor.ITextModel {
  const uri = fileUri(fileId);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(content, FLINK_SQL, uri);
}

export function disposeModel(fileId: number): void {
  monaco.editor.getModel(fileUri(fileId))?.dispose();
}

export function monacoTheme(dark: boolean): string {
  return dark ? 'vs-dark' : 'vs';
}
