import { WeirError } from '../../shared/errors/weir-error.js';
import type { FlinkRestClient } from '../clusters/flink/flink-rest-client.js';

/**
 * Submits a job whose id Weir fixed beforehand, so that a lost reply can never start a second
 * job: after a timeout or a dropped connection Weir asks the cluster for that id before retrying,
 * and a cluster that already has it refuses the duplicate anyway.
 */
export async function submitOnce(client: FlinkRestClient, jobId: string, submit: () => Promise<void>): Promise<void> {
  try {
    await submit();
    return;
  } catch (error) {
    if (isDuplicate(error)) return;
    if (!mayHaveReached(error)) throw error;
    if (await jobExists(client, jobId)) return;
    try {
      await submit();
    } catch (again) {
      if (isDuplicate(again)) return;
      throw again;
    }
  }
}

/** Whether the cluster knows the job: false only on a definite 404, errors propagate. */
export async function jobExists(client: FlinkRestClient, jobId: string): Promise<boolean> {
  try {
    await client.job(jobId, { retries: 3 });
    return true;
  } catch (error) {
    if (error instanceof WeirError && error.code === 'cluster.http-error' && Number(error.params.status) === 404) return false;
    throw error;
  }
}

function mayHaveReached(error: unknown): boolean {
  return error instanceof WeirError && (error.code === 'cluster.timeout' || error.code === 'cluster.unreachable');
}

function isDuplicate(error: unknown): boolean {
  return (
    error instanceof WeirError &&
    error.code === 'cluster.http-error' &&
    error.details.some((d) => /DuplicateJobSubmission|has already been submitted/i.test(d))
  );
}
