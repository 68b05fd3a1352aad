import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { describeDiagnostic, describeError, fillIn } from '../../shared/i18n/translator.js';
import { ResultsPanel } from '../preview/ResultsPanel.js';
import { useWorkbench } from '../state/store-context.js';
import type { OutputLine, PanelId } from '../state/workbench-store.js';

const PANELS: readonly PanelId[] = ['problems', 'output', 'results'];

export function BottomPanel() {
  const { t, i18n } = useTranslation();
  const panel = useWorkbench((s) => s.panel);
  const problems = useWorkbench((s) => s.problems);
  const files = useWorkbench((s) => s.files);
  const revealAt = useWorkbench((s) => s.revealAt);
  const all = files.flatMap((file) => (problems[file.id] ?? []).map((problem) => ({ file, problem })));
  const output = useWorkbench((s) => s.output);
  const togglePanel = useWorkbench((s) => s.togglePanel);
  return (
    <section className="bottom-panel" data-testid="bottom-panel">
      <div className="panel-tabs" role="tablist">
        {PANELS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={panel === id} className={panel === id ? 'active' : ''} data-testid={`panel-${id}`} onClick={() => togglePanel(id)}>
            {t(`panel.${id}`)}
            {id === 'problems' && all.length > 0 && <span className="badge">{all.length}</span>}
          </button>
        ))}
      </div>
      <div className="panel-body">
        {panel === 'problems' && all.length === 0 && <p className="muted">{t('panel.noProblems')}</p>}
        {panel === 'problems' && all.length > 0 && (
          <ul className="problems" data-testid="problems">
            {all.slice(0, 1000).map(({ file, problem }, i) => (
              <li
                key={i}
                className={`problem ${problem.severity}`}
                data-testid="problem"
                data-code={problem.code}
                onClick={() => void revealAt(file.id, problem.line, problem.column)}
              >
                <span className="problem-icon" aria-label={t(`panel.severity.${problem.severity}`)}>{problem.severity === 'error' ? '✖' : problem.severity === 'warning' ? '⚠' : 'ℹ'}</span>
                <span className="problem-message">{describeDiagnostic(i18n, problem.code, problem.params)}</span>
                <span className="muted">
                  {file.name} [{problem.line}:{problem.column}]
                </span>
              </li>
            ))}
          </ul>
        )}
        {panel === 'results' && <ResultsPanel />}
        {panel === 'output' && (
          <pre className="output" data-testid="output">
            {output.map((line, i) => (
              <div key={i} className={line.level}>
                {line.time.slice(11, 19)} {outputText(i18n, line)}
              </div>
            ))}
          </pre>
        )}
      </div>
    </section>
  );
}

/** An Output line in the current language: errors with their code, keys with their parameters. */
function outputText(i18n: I18n, line: OutputLine): string {
  if (line.error) return `${describeError(i18n, line.error).message} [${line.error.code}]`;
  if (line.key) return fillIn(i18n, line.key, line.params ?? {});
  return line.text ?? '';
}
