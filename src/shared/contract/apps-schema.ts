import { z } from 'zod';
import { deploymentSchema, deployOptionsSchema, jobStateSchema, savepointSchema } from './jobs-schema.js';

/** Applications: one identity per job (a name on a cluster), its runs are deployments. */

const id = z.number().int().positive();

/**
 * What a deploy does when the application (or a job of the same name) already runs on the
 * cluster. Absent: refuse. `upgrade`: stop with savepoint, start the new version from it.
 * `new-instance`: start a second job beside the running one, on purpose.
 */
export const deployModeSchema = z.enum(['upgrade', 'new-instance']);
export type DeployMode = z.infer<typeof deployModeSchema>;

/** What Weir does when the application's current run fails: nothing, or restart it up to N times within a window. */
export const restartPolicySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }).strict(),
  z
    .object({
      mode: z.literal('on-failure'),
      maxRestarts: z.number().int().min(1).max(100),
      windowMinutes: z.number().int().min(1).max(7 * 24 * 60),
    })
    .strict(),
]);
export type RestartPolicy = z.infer<typeof restartPolicySchema>;

/** Something Weir did to an application on its own, kept in its history. */
export const applicationEventSchema = z.object({
  id,
  kind: z.enum(['auto-restart', 'restart-failed', 'gave-up']),
  /** The run that failed. */
  deploymentId: id.nullable(),
  detail: z.string(),
  createdAt: z.string(),
});
export type ApplicationEvent = z.infer<typeof applicationEventSchema>;

export const applicationSchema = z.object({
  id,
  name: z.string(),
  clusterId: id,
  clusterName: z.string(),
  fileId: id.nullable(),
  fileName: z.string().nullable(),
  kind: z.enum(['sql', 'jar']),
  /** The options it was last deployed with: the deploy dialog starts from them. */
  options: deployOptionsSchema,
  current: deploymentSchema.nullable(),
  runs: z.number().int().nonnegative(),
  restartPolicy: restartPolicySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationDetailSchema = applicationSchema.extend({
  /** Its deployments (runs), newest first. */
  deployments: z.array(deploymentSchema),
  savepoints: z.array(savepointSchema),
  /** Automatic actions (restarts by policy), newest first. */
  events: z.array(applicationEventSchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

/** A job of that name on the cluster that has not ended. */
export const runningJobSchema = z.object({
  jobId: z.string(),
  state: jobStateSchema,
  /** Started by this application (not by hand, another tool or another Weir). */
  fromApplication: z.boolean(),
});
export type RunningJob = z.infer<typeof runningJobSchema>;

/** Why the new SQL's state is unlikely to restore from the running job's savepoint. */
export const compatibilityWarningSchema = z.object({
  code: z.enum(['sink-changed', 'keys-changed', 'operators-changed']),
  /** Names of the tables, keys or operators concerned, for the message. */
  detail: z.string(),
});
export type CompatibilityWarning = z.infer<typeof compatibilityWarningSchema>;

/** What deploying a file would do, asked before the deploy dialog commits. */
export const deployPlanSchema = z.object({
  name: z.string(),
  application: applicationSchema.nullable(),
  running: z.array(runningJobSchema),
  compatibility: z.array(compatibilityWarningSchema),
});
export type DeployPlan = z.infer<typeof deployPlanSchema>;
