import { z } from 'zod';
import { errorDataSchema } from './clusters-schema.js';

/** Deployments, jobs, savepoints and previews as the contract carries them. */

const id = z.number().int().positive();
export const jobIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a 32-digit hex Flink job id');

/** Flink's job states plus Weir's own before the cluster knows the job. */
export const jobStateSchema = z.enum([
  'INITIALIZING',
  'CREATED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'CANCELLING',
  'CANCELED',
  'FINISHED',
  'RESTARTING',
  'SUSPENDED',
  'RECONCILING',
]);
export type JobState = z.infer<typeof jobStateSchema>;

/** runner / gateway: a SQL script; jar: a user's own jar job. */
export const deployPathSchema = z.enum(['runner', 'gateway', 'jar']);

/** A custom jar job: the jar on this machine, its entry class (else the manifest's) and arguments. */
export const jarJobSchema = z
  .object({
    jarPath: z.string().trim().min(1).max(4096),
    entryClass: z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'a Java class name').optional(),
    args: z.array(z.string().max(100_000)).max(1000).default([]),
  })
  .strict();
export type JarJob = z.input<typeof jarJobSchema>;

export const deployOptionsSchema = z
  .object({
    path: deployPathSchema.default('runner'),
    jobName: z.string().trim().min(1).max(200).optional(),
    parallelism: z.number().int().min(1).max(100_000).optional(),
    /** A savepoint path, or `latest`: the newest savepoint Weir recorded for this file on that cluster. */
    fromSavepoint: z.string().trim().min(1).max(4000).optional(),
    allowNonRestoredState: z.boolean().default(false),
    /** Extra Flink configuration for this job (`execution.checkpointing.interval` …). */
    flinkConfig: z.record(z.string().min(1).max(200), z.string().max(10_000)).default({}),
  })
  .strict();
export type DeployOptions = z.input<typeof deployOptionsSchema>;

export const deploymentSchema = z.object({
  id,
  /** The application this deployment is a run of. */
  applicationId: id.nullable(),
  fileId: id.nullable(),
  fileName: z.string().nullable(),
  versionId: id.nullable(),
  versionNumber: z.number().int().nullable(),
  clusterId: id,
  clusterName: z.string(),
  jobId: z.string().nullable(),
  jobName: z.string(),
  path: z.string(),
  /** `submitting`, `failed` (never reached the cluster) or the job's last known state. */
  status: z.string(),
  error: z.string().nullable(),
  parentId: id.nullable(),
  options: deployOptionsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const jobRowSchema = z.object({
  clusterId: id,
  jobId: z.string(),
  name: z.string(),
  state: jobStateSchema,
  startTime: z.number(),
  endTime: z.number(),
  duration: z.number(),
  tasksTotal: z.number().int(),
  tasksRunning: z.number().int(),
  /** The Weir deployment that started this job; null for jobs started outside Weir. */
  deploymentId: id.nullable(),
  /** The application this job is a run of (null outside Weir). */
  applicationId: id.nullable(),
  /** A preview's SELECT (named PREVIEW_JOB_PREFIX + its file), not an application. */
  preview: z.boolean(),
});

/** Preview jobs are named by their file with this prefix, so the Jobs view lists them apart. */
export const PREVIEW_JOB_PREFIX = 'weir-preview: ';
export type JobRow = z.infer<typeof jobRowSchema>;

export const clusterJobsSchema = z.object({
  clusterId: id,
  clusterName: z.string(),
  reachable: z.boolean(),
  error: errorDataSchema.nullable(),
  checkedAt: z.string(),
  jobs: z.array(jobRowSchema),
});
export type ClusterJobs = z.infer<typeof clusterJobsSchema>;

export const jobsSnapshotSchema = z.object({ clusters: z.array(clusterJobsSchema) });
export type JobsSnapshot = z.infer<typeof jobsSnapshotSchema>;

export const savepointSchema = z.object({
  id,
  clusterId: id,
  jobId: z.string(),
  deploymentId: id.nullable(),
  kind: z.enum(['savepoint', 'stop']),
  status: z.enum(['pending', 'completed', 'failed']),
  location: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type Savepoint = z.infer<typeof savepointSchema>;

export const vertexSchema = z.object({
  id: z.string(),
  name: z.string(),
  parallelism: z.number().int(),
  status: z.string(),
  /** ok | low | high, or null when not measured (yet). */
  backpressure: z.string().nullable(),
  recordsIn: z.number(),
  recordsOut: z.number(),
});

export const jobDetailSchema = z.object({
  clusterId: id,
  jobId: z.string(),
  name: z.string(),
  state: jobStateSchema,
  /** When the job entered each state (ms since epoch), oldest first. */
  stateHistory: z.array(z.object({ state: z.string(), at: z.number() })),
  vertices: z.array(vertexSchema),
  checkpoints: z.object({
    completed: z.number().int(),
    failed: z.number().int(),
    inProgress: z.number().int(),
    latest: z
      .object({ id: z.number(), at: z.number(), sizeBytes: z.number(), durationMs: z.number(), path: z.string().nullable() })
      .nullable(),
    latestFailed: z.object({ id: z.number(), at: z.number(), message: z.string().nullable() }).nullable(),
    latestSavepoint: z.string().nullable(),
    /** The savepoint or checkpoint this run of the job started from. */
    restoredFrom: z.string().nullable(),
  }),
  exceptions: z.array(z.object({ at: z.number(), name: z.string(), stack: z.string(), where: z.string().nullable() })),
  deployment: deploymentSchema.nullable(),
  savepoints: z.array(savepointSchema),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const previewColumnSchema = z.object({ name: z.string(), type: z.string() });
export const previewRowSchema = z.object({ kind: z.enum(['+I', '-U', '+U', '-D']), fields: z.array(z.unknown()) });
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const previewEventSchema = z.object({
  previewId: z.string(),
  columns: z.array(previewColumnSchema).optional(),
  rows: z.array(previewRowSchema),
  /** Rows dropped from the front because the grid keeps at most `maxRows`. */
  dropped: z.number().int(),
  done: z.boolean(),
  error: errorDataSchema.nullable(),
});
export type PreviewEvent = z.infer<typeof previewEventSchema>;
