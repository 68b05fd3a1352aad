import { z } from 'zod';
import { applicationDetailSchema, applicationSchema, deployModeSchema, deployPlanSchema, restartPolicySchema } from './apps-schema.js';
import { clusterInput, clusterSchema, clusterTestSchema, errorDataSchema } from './clusters-schema.js';
import {
  deployOptionsSchema,
  deploymentSchema,
  jarJobSchema,
  jobDetailSchema,
  jobIdSchema,
  jobsSnapshotSchema,
  previewEventSchema,
  savepointSchema,
} from './jobs-schema.js';

/**
 * The contract between the workbench and the main side: every call (input schema, output
 * schema) and every event main pushes. Both transports (Electron IPC, WebSocket) carry exactly
 * this; the main side validates each input here before any service sees it.
 */

/** Largest SQL file accepted (a 10,000-line script is ~1 MB). */
export const MAX_FILE_CHARS = 8 * 1024 * 1024;

const id = z.number().int().positive();
const timestamp = z.string(); // ISO-8601, UTC

/** File names are shown in tabs and used in exports: no path separators or control characters. */
export const fileName = z
  .string()
  .trim()
  .min(1, 'empty')
  .max(200, 'too long')
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'forbidden characters');

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;
export const themeSchema = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof themeSchema>;

export const workspaceSchema = z.object({ id, name: z.string(), createdAt: timestamp });
export type Workspace = z.infer<typeof workspaceSchema>;

export const fileMetaSchema = z.object({
  id,
  workspaceId: id,
  name: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  size: z.number().int().nonnegative(),
});
export type FileMeta = z.infer<typeof fileMetaSchema>;

export const fileSchema = fileMetaSchema.extend({ content: z.string() });
export type SqlFile = z.infer<typeof fileSchema>;

export const saveKindSchema = z.enum(['auto', 'manual']);
export type SaveKind = z.infer<typeof saveKindSchema>;

export const versionMetaSchema = z.object({
  id,
  fileId: id,
  number: z.number().int().positive(),
  /** `deploy`: the content exactly as a deployment took it. */
  kind: z.enum(['auto', 'manual', 'deploy']),
  createdAt: timestamp,
  size: z.number().int().nonnegative(),
  /** A `deploy` version in a file's history: how its deployment went (`failed` never ran). */
  deployStatus: z.string().nullable().optional(),
});
export type VersionMeta = z.infer<typeof versionMetaSchema>;

export const versionSchema = versionMetaSchema.extend({ content: z.string() });
export type FileVersion = z.infer<typeof versionSchema>;

export const settingsSchema = z.object({
  /** null: follow the OS / browser locale. */
  locale: localeSchema.nullable(),
  theme: themeSchema,
  /** Desktop: leave the local stack the app started running when it quits (else it is stopped). */
  keepStackOnQuit: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  home: z.string(),
  catalogVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const partStatusSchema = z.object({
  name: z.string(),
  port: z.number().int(),
  running: z.boolean(),
  healthy: z.boolean(),
  pid: z.number().int().optional(),
  detail: z.string().optional(),
});
export type PartStatusView = z.infer<typeof partStatusSchema>;

/** The "Local" cluster: the local stack's Flink session cluster, when it answers. */
export const localClusterSchema = z.object({
  restUrl: z.string(),
  gatewayUrl: z.string(),
  flinkVersion: z.string(),
  taskManagers: z.number().int(),
  slotsTotal: z.number().int(),
  slotsAvailable: z.number().int(),
  jobsRunning: z.number().int(),
});
export type LocalCluster = z.infer<typeof localClusterSchema>;

export const localStackSchema = z.object({
  parts: z.array(partStatusSchema),
  local: localClusterSchema.nullable(),
  starting: z.boolean(),
  /** Why the last `up` failed (the part, the tool's reason, the log), until the next attempt. */
  lastError: errorDataSchema.nullable(),
  logs: z.string(),
});
export type LocalStack = z.infer<typeof localStackSchema>;

const empty = z.object({}).strict();

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const calls = {
  'app.info': call(empty, appInfoSchema),
  'workspaces.list': call(empty, z.array(workspaceSchema)),
  'files.list': call(z.object({ workspaceId: id }).strict(), z.array(fileMetaSchema)),
  'files.create': call(
    z.object({ workspaceId: id, name: fileName, content: z.string().max(MAX_FILE_CHARS).default('') }).strict(),
    fileMetaSchema,
  ),
  'files.read': call(z.object({ id }).strict(), fileSchema),
  'files.save': call(
    z.object({ id, content: z.string().max(MAX_FILE_CHARS), kind: saveKindSchema }).strict(),
    z.object({ file: fileMetaSchema, version: versionMetaSchema.nullable() }),
  ),
  'files.rename': call(z.object({ id, name: fileName }).strict(), fileMetaSchema),
  'files.delete': call(z.object({ id }).strict(), z.object({ deleted: id })),
  'files.history': call(z.object({ id }).strict(), z.array(versionMetaSchema)),
  'files.version': call(z.object({ versionId: id }).strict(), versionSchema),
  'settings.get': call(empty, settingsSchema),
  'settings.update': call(settingsSchema.partial().strict(), settingsSchema),
  'stack.status': call(empty, localStackSchema),
  /** Starts the local stack in the background; progress arrives as `stack.changed`. */
  'stack.up': call(empty, localStackSchema),

  'clusters.list': call(empty, z.array(clusterSchema)),
  /** Creates a cluster, or with `id` replaces its settings (omitted secrets are kept). */
  'clusters.save': call(z.object({ id: id.optional(), cluster: clusterInput }).strict(), clusterSchema),
  'clusters.remove': call(z.object({ id }).strict(), z.object({ removed: id })),
  'clusters.test': call(z.object({ id }).strict(), clusterTestSchema),
  /** Accepts an SSH host key the user has checked (the fingerprint shown by `clusters.test`). */
  'clusters.trustHostKey': call(
    z.object({ id, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/), keyType: z.string().min(1).max(100) }).strict(),
    z.object({ trusted: z.boolean() }),
  ),

  /** Refused (`apps.running`, `apps.running-outside`) while a job of that name runs, unless `mode` says what to do. */
  'deploy.file': call(z.object({ fileId: id, clusterId: id, options: deployOptionsSchema, mode: deployModeSchema.optional() }).strict(), deploymentSchema),
  /** What deploying the file would do: its application, jobs of that name still running, state risks of an upgrade. */
  'deploy.plan': call(z.object({ fileId: id, clusterId: id, options: deployOptionsSchema }).strict(), deployPlanSchema),
  /** A custom jar job (entry class, arguments); `options.path` is ignored. */
  'deploy.jar': call(
    z.object({ clusterId: id, jar: jarJobSchema, options: deployOptionsSchema, mode: deployModeSchema.optional() }).strict(),
    deploymentSchema,
  ),
  'apps.list': call(z.object({ clusterId: id.optional() }).strict(), z.array(applicationSchema)),
  /** An application with its runs (deployments) and savepoints. */
  'apps.show': call(z.object({ id }).strict(), applicationDetailSchema),
  /** Off, or restart the current run when it fails, up to N times within a window (acted on while Weir runs). */
  'apps.setRestartPolicy': call(z.object({ id, policy: restartPolicySchema }).strict(), applicationSchema),
  /** Submits a deployment whose submission was not confirmed again, with the same job id. */
  'deploy.retry': call(z.object({ deploymentId: id }).strict(), deploymentSchema),
  'deployments.list': call(z.object({ fileId: id.optional(), clusterId: id.optional() }).strict(), z.array(deploymentSchema)),
  /** The SQL a deployment submitted (secret variables as placeholders), for the rollback diff. */
  'deployments.sql': call(z.object({ id }).strict(), z.object({ sql: z.string() })),

  'jobs.list': call(empty, jobsSnapshotSchema),
  'jobs.detail': call(z.object({ clusterId: id, jobId: jobIdSchema }).strict(), jobDetailSchema),
  'jobs.stop': call(
    z.object({ clusterId: id, jobId: jobIdSchema, savepoint: z.boolean(), drain: z.boolean().default(false) }).strict(),
    z.object({ savepoint: savepointSchema.nullable() }),
  ),
  /** The directory a stop with savepoint writes to (shown before the user confirms); null when the cluster has none. */
  'jobs.savepointTarget': call(z.object({ clusterId: id, jobId: jobIdSchema }).strict(), z.object({ directory: z.string().nullable() })),
  'jobs.cancel': call(z.object({ clusterId: id, jobId: jobIdSchema }).strict(), z.object({ canceled: z.boolean() })),
  'jobs.savepoint': call(z.object({ clusterId: id, jobId: jobIdSchema }).strict(), savepointSchema),
  'jobs.restart': call(
    z.object({ clusterId: id, jobId: jobIdSchema, fromSavepoint: z.union([z.literal('latest'), z.literal('none'), z.string().min(1).max(4000)]).default('latest') }).strict(),
    deploymentSchema,
  ),
  'jobs.rollback': call(z.object({ deploymentId: id }).strict(), deploymentSchema),
  'jobs.logs': call(z.object({ clusterId: id }).strict(), z.array(z.object({ source: z.string(), name: z.string(), size: z.number() }))),
  'jobs.logFile': call(
    z.object({ clusterId: id, source: z.string().min(1).max(200), name: z.string().min(1).max(300) }).strict(),
    z.object({ text: z.string() }),
  ),

  /** Runs a SELECT through the cluster's SQL Gateway; rows arrive as `preview.rows`. */
  'preview.start': call(
    z
      .object({
        clusterId: id,
        sql: z.string().min(1).max(MAX_FILE_CHARS),
        maxRows: z.number().int().min(1).max(100_000).default(1000),
        /** The file previewed: the preview's job is named after it, never after its SQL. */
        name: fileName.optional(),
      })
      .strict(),
    z.object({ previewId: z.string() }),
  ),
  'preview.cancel': call(z.object({ previewId: z.string() }).strict(), z.object({ canceled: z.boolean() })),
} as const;

export const events = {
  /** A workspace's files were created, renamed, deleted or saved (by this or another window). */
  'files.changed': z.object({ workspaceId: id, fileId: id.optional() }),
  'settings.changed': settingsSchema,
  'stack.changed': localStackSchema,
  /** Sent after a monitor tick in which any job or cluster changed. */
  'jobs.changed': jobsSnapshotSchema,
  'preview.rows': previewEventSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}
