/** One job submission, whatever the path: everything fixed before the cluster is called. */
export interface Submission {
  /** 32 hex digits, chosen by Weir so a retry can never start a second job. */
  readonly jobId: string;
  readonly jobName: string;
  /** Variables substituted, ready to run. */
  readonly sql: string;
  readonly parallelism: number | undefined;
  readonly savepointPath: string | null;
  readonly allowNonRestoredState: boolean;
  readonly flinkConfig: Readonly<Record<string, string>>;
}
