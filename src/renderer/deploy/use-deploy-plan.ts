import { useCallback, useEffect, useState } from 'react';
import type { DeployPlan } from '../../shared/contract/apps-schema.js';
import type { DeployOptions } from '../../shared/contract/jobs-schema.js';
import { useClient } from '../state/use-client.js';

const SETTLE_MS = 250;

/**
 * Asks what deploying the file to the chosen cluster under the typed name would do (is that
 * application running?) whenever the cluster or the name changes; `recheck` after a refusal.
 * A plan that cannot be had (cluster down) is null: the deploy itself will say why.
 */
export function useDeployPlan(fileId: number, clusterId: number | undefined, options: DeployOptions) {
  const client = useClient();
  const [plan, setPlan] = useState<DeployPlan | null>(null);
  const [round, setRound] = useState(0);
  const jobName = options.jobName;
  useEffect(() => {
    if (clusterId === undefined) return;
    let live = true;
    const timer = setTimeout(() => {
      client.call('deploy.plan', { fileId, clusterId, options: { ...(jobName ? { jobName } : {}) } }).then(
        (p) => live && setPlan(p),
        () => live && setPlan(null),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, fileId, clusterId, jobName, round]);
  return { plan, recheck: useCallback(() => setRound((r) => r + 1), []) };
}
