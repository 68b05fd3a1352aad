import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';
import type { PanelId } from '../state/workbench-store.js';

const PANELS: readonly PanelId[] = ['problems', 'output'];

export function BottomPanel() {
  const { t } = useTranslation();
  const panel = useWorkbench((s) => s.panel);
  const output = useWorkbench((s) => s.output);
  const togglePanel = useWorkbench((s) => s.togglePanel);
  return (
    <section className="bottom-panel" data-testid="bottom-panel">
      <div className="panel-tabs" role="tablist">
        {PANELS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={panel === id} className={panel === id ? 'active' : ''} data-testid={`panel-${id}`} onClick={() => togglePanel(id)}>
            {t(`panel.${id}`)}
          </button>
        ))}
      </div>
      <div className="panel-body">
        {panel === 'problems' && <p className="muted">{t('panel.noProblems')}</p>}
        {panel === 'output' && (
          <pre className="output" data-testid="output">
            {output.map((line, i) => (
              <div key={i} className={line.level}>
                {line.time.slice(11, 19)} {line.text}
              </div>
            ))}
          </pre>
        )}
      </div>
    </section>
  );
}
