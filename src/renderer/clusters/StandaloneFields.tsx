import { useTranslation } from 'react-i18next';
import { Field } from '../workbench/Field.js';
import type { ClusterForm, TlsMode } from './cluster-form-model.js';

/** JobManager REST, SQL Gateway, auth header (write-only value) and TLS of a standalone cluster. */
export function StandaloneFields({ form, patch }: { form: ClusterForm; patch(p: Partial<ClusterForm>): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-grid">
      <legend>{t('clusters.form.connection')}</legend>
      <Field label={t('clusters.form.restUrl')} wide>
        <input data-testid="cluster-rest-url" placeholder="http://<jobmanager>:8081" value={form.restUrl} onChange={(e) => patch({ restUrl: e.target.value })} required />
      </Field>
      <Field label={t('clusters.form.gatewayUrl')} hint={t('clusters.form.gatewayHint')} wide>
        <input data-testid="cluster-gateway-url" placeholder="http://<sql-gateway>:8083" value={form.gatewayUrl} onChange={(e) => patch({ gatewayUrl: e.target.value })} />
      </Field>
      <Field label={t('clusters.form.authName')}>
        <input data-testid="cluster-auth-name" placeholder="Authorization" value={form.authName} onChange={(e) => patch({ authName: e.target.value })} />
      </Field>
      <Field label={t('clusters.form.authValue')} hint={form.authStored ? t('clusters.form.secretKept') : undefined}>
        <input data-testid="cluster-auth-value" type="password" autoComplete="off" value={form.authValue} onChange={(e) => patch({ authValue: e.target.value })} />
      </Field>
      <Field label={t('clusters.form.tls')} wide>
        <select data-testid="cluster-tls" value={form.tlsMode} onChange={(e) => patch({ tlsMode: e.target.value as TlsMode })}>
          <option value="system">{t('clusters.form.tlsSystem')}</option>
          <option value="ca">{t('clusters.form.tlsCa')}</option>
          <option value="skip">{t('clusters.form.tlsSkip')}</option>
        </select>
      </Field>
      {form.tlsMode === 'ca' && (
        <Field label={t('clusters.form.caPem')} hint={form.caStored ? t('clusters.form.secretKept') : undefined} wide>
          <textarea data-testid="cluster-ca-pem" rows={4} className="mono" placeholder="-----BEGIN CERTIFICATE-----" value={form.caPem} onChange={(e) => patch({ caPem: e.target.value })} />
        </Field>
      )}
      {form.tlsMode === 'skip' && (
        <p className="warning wide" role="alert" data-testid="tls-skip-warning">
          {t('clusters.form.tlsSkipWarning')}
        </p>
      )}
    </fieldset>
  );
}
