import { z } from 'zod';

/** Clusters as the contract carries them. Secrets go in (write-only) and never come back out. */

const id = z.number().int().positive();

export const clusterName = z
  .string()
  .trim()
  .min(1, 'empty')
  .max(100, 'too long')
  .regex(/^[^/\\\u0000-\u001f]+$/, 'forbidden characters');

const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i, 'not an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

export const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, 'letters, digits, _ . - only');

/** `value` omitted on a secret variable that already exists keeps the stored value. */
export const variableInput = z
  .object({ name: variableName, value: z.string().max(100_000).optional(), secret: z.boolean().default(false) })
  .strict();

export const tlsInput = z
  .object({ caPem: z.string().max(200_000).optional(), skipVerify: z.boolean().default(false) })
  .strict();

const sshInput = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(22),
    user: z.string().trim().min(1).max(100),
    /** Password or PEM private key; omitted on update keeps the stored one. */
    auth: z.enum(['password', 'key']),
    secret: z.string().max(100_000).optional(),
    flinkHome: z.string().trim().min(1).max(1000),
  })
  .strict();

const common = {
  name: clusterName,
  variables: z.array(variableInput).max(500).default([]),
};

export const standaloneInput = z
  .object({
    ...common,
    kind: z.literal('standalone'),
    restUrl: httpUrl,
    gatewayUrl: httpUrl.optional(),
    /** e.g. Authorization: Bearer …; the value is a secret. Omitted value on update keeps it. */
    authHeader: z.object({ name: z.string().regex(/^[A-Za-z0-9-]{1,100}$/), value: z.string().max(10_000).optional() }).strict().optional(),
    tls: tlsInput.optional(),
  })
  .strict();

export const yarnInput = z
  .object({
    ...common,
    kind: z.literal('yarn'),
    rmUrl: httpUrl,
    ssh: sshInput,
  })
  .strict();

export const clusterInput = z.discriminatedUnion('kind', [standaloneInput, yarnInput]);
export type ClusterInput = z.input<typeof clusterInput>;
export type ParsedClusterInput = z.output<typeof clusterInput>;

export const variableView = z.object({ name: z.string(), secret: z.boolean(), value: z.string().nullable() });

export const clusterSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(['standalone', 'yarn']),
  restUrl: z.string().nullable(),
  gatewayUrl: z.string().nullable(),
  authHeaderName: z.string().nullable(),
  tls: z.object({ hasCa: z.boolean(), skipVerify: z.boolean() }),
  yarn: z
    .object({ rmUrl: z.string(), host: z.string(), port: z.number().int(), user: z.string(), auth: z.enum(['password', 'key']), flinkHome: z.string() })
    .nullable(),
  /** Secret variables come back with value null. */
  variables: z.array(variableView),
  /** The last connection test's verdict; null when never tested since the last change. */
  lastTest: z.lazy(() => clusterLastTestSchema).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClusterView = z.infer<typeof clusterSchema>;

export const hostKeySchema = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  /** OpenSSH style: SHA256:base64 */
  fingerprint: z.string(),
  status: z.enum(['trusted', 'unknown', 'changed']),
  /** For `changed`: the fingerprint Weir trusted before. */
  trustedFingerprint: z.string().optional(),
});
export type HostKey = z.infer<typeof hostKeySchema>;

/** A WeirError carried as data, translated where it is shown. */
export const errorDataSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  details: z.array(z.string()).optional(),
  trace: z.array(z.string()).optional(),
});

/** What the cluster list remembers of the last connection test. */
export const clusterLastTestSchema = z.object({ ok: z.boolean(), at: z.string(), error: errorDataSchema.optional() });
export type ClusterLastTest = z.infer<typeof clusterLastTestSchema>;

const probe = z.object({ ok: z.boolean(), millis: z.number(), error: errorDataSchema.optional() });

export const clusterOverviewSchema = z.object({
  flinkVersion: z.string(),
  taskManagers: z.number().int(),
  slotsTotal: z.number().int(),
  slotsAvailable: z.number().int(),
  jobsRunning: z.number().int(),
});
export type ClusterOverview = z.infer<typeof clusterOverviewSchema>;

/** What "test connection" found, part by part. */
export const clusterTestSchema = z.object({
  ok: z.boolean(),
  rest: probe.extend({ overview: clusterOverviewSchema.optional() }).optional(),
  gateway: probe.extend({ version: z.string().optional() }).optional(),
  resourceManager: probe.extend({ version: z.string().optional() }).optional(),
  ssh: probe.extend({ hostKey: hostKeySchema.optional(), flinkVersion: z.string().optional() }).optional(),
});
export type ClusterTest = z.infer<typeof clusterTestSchema>;
