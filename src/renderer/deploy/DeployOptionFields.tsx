import { useTranslation } from 'react-i18next';
import { Field } from '../workbench/Field.js';
import type { DeployForm } from './deploy-form.js';

/** The options every deploy takes (name, parallelism, savepoint, Flink configuration), for both dialogs. */
export function DeployOptionFields({ form, patch, badLines }: { form: DeployForm; patch(p: Partial<DeployForm>): void; badLines: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('deploy.jobName')}>
        <input data-testid="deploy-job-name" value={form.jobName} onChange={(e) => patch({ jobName: e.target.value })} />
      </Field>
      <Field label={t('deploy.parallelism')}>
        <input data-testid="deploy-parallelism" type="number" min={1} placeholder={t('deploy.parallelismDefault')} value={form.parallelism} onChange={(e) => patch({ parallelism: e.target.value })} />
      </Field>
      <Field label={t('deploy.restore')}>
        <select data-testid="deploy-restore" value={form.restore} onChange={(e) => patch({ restore: e.target.value as DeployForm['restore'] })}>
          <option value="none">{t('deploy.restoreNone')}</option>
          <option value="latest">{t('deploy.restoreLatest')}</option>
          <option value="path">{t('deploy.restorePath')}</option>
        </select>
      </Field>
      {form.restore === 'path' ? (
        <Field label={t('deploy.savepointPath')}>
          <input data-testid="deploy-savepoint-path" className="mono" placeholder="file:///…/savepoint-…" value={form.savepointPath} onChange={(e) => patch({ savepointPath: e.target.value })} />
        </Field>
      ) : (
        <span />
      )}
      <label className="check wide">
        <input type="checkbox" data-testid="deploy-allow-non-restored" checked={form.allowNonRestoredState} onChange={(e) => patch({ allowNonRestoredState: e.target.checked })} />
        {t('deploy.allowNonRestored')}
      </label>
      <Field label={t('deploy.flinkConfig')} hint={t('deploy.flinkConfigHint')} wide>
        <textarea data-testid="deploy-flink-config" className="mono" rows={4} placeholder="execution.checkpointing.interval=30s" value={form.flinkConfig} onChange={(e) => patch({ flinkConfig: e.target.value })} />
      </Field>
      {badLines.length > 0 && <p className="warning wide">{t('deploy.badConfigLines', { lines: badLines.join(', ') })}</p>}
    </>
  );
}
