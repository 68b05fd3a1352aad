import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, RestartPolicy } from '../../../shared/contract/apps-schema.js';
import { useWorkbench } from '../../state/store-context.js';
import { useClient } from '../../state/use-client.js';

/** The application's restart policy: off, or restart a failed run up to N times within a window. */
export function RestartPolicyForm({ app, onSaved }: { app: ApplicationDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useWorkbench((s) => s.report);
  const policy = app.restartPolicy;
  const [on, setOn] = useState(policy.mode === 'on-failure');
  const [max, setMax] = useState(String(policy.mode === 'on-failure' ? policy.maxRestarts : 3));
  const [window, setWindow] = useState(String(policy.mode === 'on-failure' ? policy.windowMinutes : 30));
  const [busy, setBusy] = useState(false);
  const next: RestartPolicy | null = !on
    ? { mode: 'off' }
    : Number.isInteger(Number(max)) && Number(max) >= 1 && Number.isInteger(Number(window)) && Number(window) >= 1
      ? { mode: 'on-failure', maxRestarts: Number(max), windowMinutes: Number(window) }
      : null;
  const save = async () => {
    if (!next) return;
    setBusy(true);
    try {
      await client.call('apps.setRestartPolicy', { id: app.id, policy: next });
      onSaved();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="restart-policy"
      data-testid="restart-policy"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <input type="checkbox" data-testid="restart-policy-on" checked={on} onChange={(e) => setOn(e.target.checked)} /> {t('jobs.page.policy.on')}
      </label>
      {on && (
        <>
          <label>
            {t('jobs.page.policy.max')} <input type="number" min={1} max={100} data-testid="restart-policy-max" value={max} onChange={(e) => setMax(e.target.value)} />
          </label>
          <label>
            {t('jobs.page.policy.window')} <input type="number" min={1} data-testid="restart-policy-window" value={window} onChange={(e) => setWindow(e.target.value)} />
          </label>
        </>
      )}
      <button type="submit" data-testid="restart-policy-save" disabled={busy || !next}>
        {t('jobs.page.policy.save')}
      </button>
    </form>
  );
}
