/**
 * The most Weir reads of one cluster reply, per kind of call. A reply past its limit (a proxy
 * serving a file, a cluster gone wrong) is cut off with `cluster.reply-too-large` instead of
 * growing the process until it dies and stalls every other socket and cluster.
 */
const MB = 1024 * 1024;

export const MAX_REPLY_BYTES = {
  /** One object: a job's details, checkpoints, a config, a page of preview rows. */
  object: 16 * MB,
  /** Lists that grow with the cluster: every job (about 600 bytes each), jars, task managers. */
  list: 32 * MB,
  /** A log file's text. */
  text: 32 * MB,
} as const;

export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}
