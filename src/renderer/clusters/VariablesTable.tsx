import { useTranslation } from 'react-i18next';
import { newVariableRow, type VariableRow } from './cluster-form-model.js';

/** Per-cluster `${name}` variables; secret values are write-only (shown as •••• once stored). */
export function VariablesTable({ rows, onChange }: { rows: readonly VariableRow[]; onChange(rows: VariableRow[]): void }) {
  const { t } = useTranslation();
  const update = (key: number, p: Partial<VariableRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));
  return (
    <fieldset className="variables">
      <legend>{t('clusters.variables.title')}</legend>
      <p className="field-hint">{t('clusters.variables.hint')}</p>
      <table className="grid" data-testid="variables">
        <thead>
          <tr>
            <th scope="col">{t('clusters.variables.name')}</th>
            <th scope="col">{t('clusters.variables.value')}</th>
            <th scope="col">{t('clusters.variables.secret')}</th>
            <th scope="col">
              <span className="sr-only">{t('clusters.variables.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} data-testid="variable-row">
              <td>
                <input aria-label={t('clusters.variables.nameOf', { n: i + 1 })} data-testid="variable-name" className="mono" value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} />
              </td>
              <td>
                <input
                  aria-label={t('clusters.variables.valueOf', { n: i + 1 })}
                  data-testid="variable-value"
                  type={r.secret ? 'password' : 'text'}
                  autoComplete="off"
                  placeholder={r.secret && r.stored ? '••••' : ''}
                  value={r.value}
                  onChange={(e) => update(r.key, { value: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('clusters.variables.secretOf', { n: i + 1 })}
                  data-testid="variable-secret"
                  checked={r.secret}
                  // A stored secret cannot turn public: its value is never read back.
                  disabled={r.stored}
                  onChange={(e) => update(r.key, { secret: e.target.checked })}
                />
              </td>
              <td>
                <button type="button" aria-label={t('clusters.variables.remove')} data-testid="variable-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="variable-add" onClick={() => onChange([...rows, newVariableRow()])}>
        {t('clusters.variables.add')}
      </button>
    </fieldset>
  );
}
