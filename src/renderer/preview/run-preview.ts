import type { WeirClient } from '../../shared/contract/client.js';
import { activeEditor } from '../editor/active-editor.js';
import { clustersStore } from '../state/clusters-store.js';
import type { WorkbenchStore } from '../state/workbench-store.js';
import { previewSql } from '../../shared/sql/services/statement-plan.js';
import { previewStore } from './preview-store.js';

/** "Preview": the selection or the statement at the cursor, on the chosen cluster's SQL Gateway. */
export async function runPreview(workbench: WorkbenchStore, client: WeirClient): Promise<void> {
  const active = activeEditor();
  const model = active?.editor.getModel();
  if (!active || !model) return;
  const selection = active.editor.getSelection();
  const position = active.editor.getPosition();
  const sql = previewSql(
    model.getValue(),
    selection && !selection.isEmpty() ? { start: model.getOffsetAt(selection.getStartPosition()), end: model.getOffsetAt(selection.getEndPosition()) } : null,
    position ? model.getOffsetAt(position) : 0,
  );
  const wb = workbench.getState();
  if (wb.panel !== 'results' || !wb.panelVisible) wb.togglePanel('results');
  const preview = previewStore(client);
  const clusters = clustersStore(client);
  if (!clusters.getState().loaded) await clusters.getState().refresh().catch(() => undefined);
  const withGateway = clusters.getState().clusters.filter((c) => c.gatewayUrl);
  const chosen = withGateway.find((c) => c.id === preview.getState().clusterId) ?? withGateway[0];
  // No cluster with a gateway: the Results panel says so.
  if (!chosen || sql.trim() === '') return;
  const file = wb.files.find((f) => f.id === active.fileId);
  await preview.getState().start(chosen.id, sql, undefined, file?.name);
}
