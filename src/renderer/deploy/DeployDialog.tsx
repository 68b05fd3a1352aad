import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';
import { Field } from '../workbench/Field.js';
import { defaultJobName, formOfOptions, rememberedForm, rememberForm, type DeployForm } from './deploy-form.js';
import { DeployDialogFrame } from './DeployDialogFrame.js';
import { UpgradeNotice } from './UpgradeNotice.js';
import { useDeployDialog } from './use-deploy-dialog.js';
import { useDeployPlan } from './use-deploy-plan.js';

/**
 * Deploys a saved file to a cluster; errors stay in the dialog with everything typed. When the
 * application (or a job of the same name) runs there, the dialog offers the upgrade instead of
 * a second copy: stop with savepoint, start this version from it.
 */
export function DeployDialog({ fileId }: { fileId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const file = useWorkbench((s) => s.files.find((f) => f.id === fileId));
  const d = useDeployDialog({ jobName: defaultJobName(file?.name ?? ''), ...rememberedForm(fileId) });
  const { cluster, form, patch } = d;
  const { plan, recheck } = useDeployPlan(fileId, cluster?.id, d.options);
  const running = plan !== null && plan.running.length > 0 && (!form.jobName.trim() || plan.name === form.jobName.trim());
  const upgrade = running && plan.running.length === 1;
  // The application's options, as it was last deployed (from any window or the CLI), fill the
  // form once per application shown: the dialog remembers per application, not per browser.
  const filledFrom = useRef<number | null>(null);
  const application = plan?.application ?? null;
  useEffect(() => {
    if (!application || filledFrom.current === application.id) return;
    filledFrom.current = application.id;
    patch(formOfOptions(application.options));
  }, [application, patch]);

  const deploy = () =>
    d.submit(async () => {
      try {
        const deployment = await client.call('deploy.file', { fileId, clusterId: cluster!.id, options: d.options, ...(upgrade ? { mode: 'upgrade' as const } : {}) });
        rememberForm(fileId, form);
        return deployment;
      } catch (error) {
        recheck(); // started or stopped meanwhile: show what is running now
        throw error;
      }
    });

  return (
    <DeployDialogFrame
      title={t('deploy.title', { name: file?.name ?? '' })}
      testId="deploy-dialog"
      dialog={d}
      ready={!running || upgrade}
      onSubmit={() => void deploy()}
      notice={running ? <UpgradeNotice plan={plan} cluster={cluster?.name ?? ''} /> : undefined}
      {...(upgrade ? { submitLabel: { idle: t('deploy.upgrade.submit'), busy: t('deploy.upgrade.upgrading') } } : {})}
    >
      <Field label={t('deploy.path')} wide>
        <select data-testid="deploy-path" value={form.path} onChange={(e) => patch({ path: e.target.value as DeployForm['path'] })}>
          <option value="runner">{t('deploy.paths.runner')}</option>
          <option value="gateway" disabled={cluster !== undefined && !cluster.gatewayUrl}>
            {t('deploy.paths.gateway')}
          </option>
        </select>
      </Field>
    </DeployDialogFrame>
  );
}
