import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';
import type { Command } from './commands.js';

/** Ctrl+Shift+P / F1: type to filter, arrows to move, Enter to run, Escape to close. */
export function CommandPalette({ commands }: { commands: readonly Command[] }) {
  const { t } = useTranslation();
  const open = useWorkbench((s) => s.paletteOpen);
  const setPalette = useWorkbench((s) => s.setPalette);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (open) {
      setQuery('');
      setIndex(0);
    }
  }, [open]);

  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w) || c.id.includes(w)));
  }, [commands, query]);

  if (!open) return null;
  const run = (command: Command | undefined) => {
    setPalette(false);
    command?.run();
  };
  return (
    <div className="palette-backdrop" onClick={() => setPalette(false)}>
      <div className="palette" role="dialog" aria-label={t('palette.title')} data-testid="palette" onClick={(e) => e.stopPropagation()}>
        <input
          autoFocus
          data-testid="palette-input"
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setPalette(false);
            if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, matches.length - 1));
            if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
            if (e.key === 'Enter') run(matches[index]);
          }}
        />
        <ul>
          {matches.map((c, i) => (
            <li key={c.id} className={i === index ? 'active' : ''} data-testid="palette-item" onMouseEnter={() => setIndex(i)} onClick={() => run(c)}>
              <span>{c.label}</span>
              {c.keys && <kbd>{c.keys}</kbd>}
            </li>
          ))}
          {matches.length === 0 && <li className="muted">{t('palette.none')}</li>}
        </ul>
      </div>
    </div>
  );
}
