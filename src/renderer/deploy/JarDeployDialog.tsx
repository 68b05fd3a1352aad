import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../state/use-client.js';
import { Field } from '../workbench/Field.js';
import { DeployDialogFrame } from './DeployDialogFrame.js';
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
  // A jar job of that name already runs: the refusal is shown, and the button becomes the upgrade.
  const upgrade = d.error?.code === 'apps.running' || d.error?.code === 'apps.running-outside';

  const deploy = () =>
    d.submit(() =>
      client.call('deploy.jar', {
        ...(upgrade ? { mode: 'upgrade' as const } : {}),
        clusterId: d.cluster!.id,
        jar: {
          jarPath: jar.path.trim(),
          args: jar.args.split('\n').map((a) => a.trim()).filter((a) => a !== ''),
          ...(jar.entryClass.trim() ? { entryClass: jar.entryClass.trim() } : {}),
        },
        options: d.options,
      }),
    );

  return (
    <DeployDialogFrame
      title={t('deploy.jarTitle')}
      testId="jar-deploy-dialog"
      dialog={d}
      ready={jar.path.trim() !== ''}
      onSubmit={() => void deploy()}
      {...(upgrade ? { submitLabel: { idle: t('deploy.upgrade.submit'), busy: t('deploy.upgrade.upgrading') } } : {})}
    >
      <Field label={t('deploy.jarPath')} hint={t('deploy.jarPathHint')} wide>
        <input data-testid="deploy-jar-path" className="mono" placeholder="/home/me/jobs/target/job.jar" value={jar.path} onChange={(e) => setJar({ ...jar, path: e.target.value })} required />
      </Field>
      <Field label={t('deploy.entryClass')} hint={t('deploy.entryClassHint')} wide>
        <input data-testid="deploy-entry-class" className="mono" placeholder="com.example.Job" value={jar.entryClass} onChange={(e) => setJar({ ...jar, entryClass: e.target.value })} />
      </Field>
      <Field label={t('deploy.args')} hint={t('deploy.argsHint')} wide>
        <textarea data-testid="deploy-args" className="mono" rows={3} value={jar.args} onChange={(e) => setJar({ ...jar, args: e.target.value })} />
      </Field>
    </DeployDialogFrame>
  );
}
