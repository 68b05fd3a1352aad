import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeirErrorData } from '../../../shared/errors/weir-error.js';
import { toErrorData } from '../../errors/error-data.js';
import { ErrorView } from '../../errors/ErrorView.js';
import { useClient } from '../../state/use-client.js';
import { formatBytes } from '../format.js';

type LogEntry = { source: string; name: string; size: number };

/** The cluster's JobManager and TaskManager log files; one opens read-only below the list. */
export function LogsSection({ clusterId }: { clusterId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const [logs, setLogs] = useState<readonly LogEntry[] | null>(null);
  const [chosen, setChosen] = useState<LogEntry | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<WeirErrorData | null>(null);

  useEffect(() => {
    let live = true;
    client.call('jobs.logs', { clusterId }).then(
      (list) => live && setLogs(list),
      (e: unknown) => live && setError(toErrorData(e)),
    );
    return () => {
      live = false;
    };
  }, [client, clusterId]);

  const open = async (entry: LogEntry) => {
    setChosen(entry);
    setText(null);
    setError(null);
    try {
      setText((await client.call('jobs.logFile', { clusterId, source: entry.source, name: entry.name })).text);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <div className="logs" data-testid="logs">
      {error && <ErrorView error={error} />}
      {logs === null && !error && <p className="muted">{t('jobs.page.loading')}</p>}
      {logs && logs.length === 0 && <p className="muted">{t('jobs.page.logs.none')}</p>}
      <ul className="log-list">
        {logs?.map((l) => (
          <li key={`${l.source}/${l.name}`}>
            <button type="button" className={chosen === l ? 'active' : ''} data-testid="log-file" onClick={() => void open(l)}>
              <span className="mono">{l.source}</span> {l.name} <span className="muted">{formatBytes(l.size)}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <pre className="log-text" data-testid="log-text" aria-label={chosen.name}>
          {text ?? t('jobs.page.loading')}
        </pre>
      )}
    </div>
  );
}
