import { useTranslation } from 'react-i18next';
import { Field } from '../workbench/Field.js';
import type { ClusterForm } from './cluster-form-model.js';

/** ResourceManager and the SSH edge node of a YARN cluster; the password or key is write-only. */
export function YarnFields({ form, patch }: { form: ClusterForm; patch(p: Partial<ClusterForm>): void }) {
  const { t } = useTranslation();
  const kept = form.sshStored ? t('clusters.form.secretKept') : undefined;
  return (
    <fieldset className="form-grid">
      <legend>{t('clusters.form.connection')}</legend>
      <Field label={t('clusters.form.rmUrl')} wide>
        <input data-testid="cluster-rm-url" placeholder="http://<resourcemanager>:8088" value={form.rmUrl} onChange={(e) => patch({ rmUrl: e.target.value })} required />
      </Field>
      <Field label={t('clusters.form.sshHost')}>
        <input data-testid="cluster-ssh-host" value={form.sshHost} onChange={(e) => patch({ sshHost: e.target.value })} required />
      </Field>
      <Field label={t('clusters.form.sshPort')}>
        <input data-testid="cluster-ssh-port" type="number" min={1} max={65535} value={form.sshPort} onChange={(e) => patch({ sshPort: e.target.value })} />
      </Field>
      <Field label={t('clusters.form.sshUser')}>
        <input data-testid="cluster-ssh-user" value={form.sshUser} onChange={(e) => patch({ sshUser: e.target.value })} required />
      </Field>
      <Field label={t('clusters.form.sshAuth')}>
        <select data-testid="cluster-ssh-auth" value={form.sshAuth} onChange={(e) => patch({ sshAuth: e.target.value as ClusterForm['sshAuth'] })}>
          <option value="password">{t('clusters.form.sshPassword')}</option>
          <option value="key">{t('clusters.form.sshKey')}</option>
        </select>
      </Field>
      {form.sshAuth === 'password' ? (
        <Field label={t('clusters.form.sshPassword')} hint={kept}>
          <input data-testid="cluster-ssh-secret" type="password" autoComplete="off" value={form.sshSecret} onChange={(e) => patch({ sshSecret: e.target.value })} />
        </Field>
      ) : (
        <Field label={t('clusters.form.sshKey')} hint={kept} wide>
          <textarea data-testid="cluster-ssh-secret" rows={4} className="mono secret-text" placeholder="-----BEGIN OPENSSH PRIVATE KEY-----" value={form.sshSecret} onChange={(e) => patch({ sshSecret: e.target.value })} />
        </Field>
      )}
      <Field label={t('clusters.form.flinkHome')} wide>
        <input data-testid="cluster-flink-home" placeholder="/opt/flink" value={form.flinkHome} onChange={(e) => patch({ flinkHome: e.target.value })} required />
      </Field>
    </fieldset>
  );
}
