import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../errors/ErrorView.js';
import { useClient } from '../state/use-client.js';
import { Field } from '../workbench/Field.js';
import { Modal } from '../workbench/Modal.js';
import { DeployOptionFields } from './DeployOptionFields.js';
import { useDeployDialog } from './use-deploy-dialog.js';

/**
 * A custom jar job: a jar on this machine (Weir uploads it once per cluster), its entry class
 * (else the jar manifest's) and its program arguments, one per line so spaces need no quoting.
 */
export function JarDeployDialog() {
  const { t } = useTranslation();
  const client = useClient();
  const [jar, setJar] = useState({ path: '', entryClass: '', args: '' });
  const d = useDeployDialog({});
  const { clusters, cluster, form, patch, badLines, busy, error } = d;

  const deploy = () =>
    d.submit(() =>
      client.call('deploy.jar', {
        clusterId: cluster!.id,
        jar: {
          jarPath: jar.path.trim(),
          args: jar.args.split('\n').map((a) => a.trim()).filter((a) => a !== ''),
          ...(jar.entryClass.trim() ? { entryClass: jar.entryClass.trim() } : {}),
        },
        options: d.options,
      }),
    );

  return (
    <Modal title={t('deploy.jarTitle')} onClose={d.close} testId="jar-deploy-dialog">
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void deploy();
        }}
      >
        <Field label={t('deploy.cluster')} wide>
          <select data-testid="deploy-cluster" value={form.clusterId ?? ''} onChange={(e) => patch({ clusterId: Number(e.target.value) })}>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({t(`clusters.kind.${c.kind}`)})
              </option>
            ))}
          </select>
        </Field>
        {clusters.length === 0 && <p className="warning wide">{t('deploy.noClusters')}</p>}
        <Field label={t('deploy.jarPath')} hint={t('deploy.jarPathHint')} wide>
          <input data-testid="deploy-jar-path" className="mono" placeholder="/home/me/jobs/target/job.jar" value={jar.path} onChange={(e) => setJar({ ...jar, path: e.target.value })} required />
        </Field>
        <Field label={t('deploy.entryClass')} hint={t('deploy.entryClassHint')} wide>
          <input data-testid="deploy-entry-class" className="mono" placeholder="com.example.Job" value={jar.entryClass} onChange={(e) => setJar({ ...jar, entryClass: e.target.value })} />
        </Field>
        <Field label={t('deploy.args')} hint={t('deploy.argsHint')} wide>
          <textarea data-testid="deploy-args" className="mono" rows={3} value={jar.args} onChange={(e) => setJar({ ...jar, args: e.target.value })} />
        </Field>
        <DeployOptionFields form={form} patch={patch} badLines={badLines} />
        {error && (
          <div className="wide" data-testid="deploy-error">
            <ErrorView error={error} />
          </div>
        )}
        <div className="form-actions wide">
          <button type="submit" className="primary" data-testid="deploy-submit" disabled={busy || !cluster || badLines.length > 0 || jar.path.trim() === ''}>
            {busy ? t('deploy.deploying') : t('deploy.submit')}
          </button>
          <button type="button" disabled={busy} onClick={d.close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
