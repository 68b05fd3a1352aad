import { useTranslation } from 'react-i18next';

/** A job state as a coloured badge; data-state keeps Flink's own name for tests and scripts. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <span className={`state-badge state-${state.toLowerCase()}`} data-testid="state-badge" data-state={state} title={state}>
      {t(`jobs.states.${state}`, { defaultValue: state })}
    </span>
  );
}
