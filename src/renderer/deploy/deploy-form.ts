import type { DeployOptions } from '../../shared/contract/jobs-schema.js';

/** The deploy dialog's fields as typed, and their translation into `deploy.file` options. */
export interface DeployForm {
  readonly clusterId: number | null;
  readonly path: 'runner' | 'gateway';
  readonly jobName: string;
  readonly parallelism: string;
  readonly restore: 'none' | 'latest' | 'path';
  readonly savepointPath: string;
  readonly allowNonRestoredState: boolean;
  readonly flinkConfig: string;
}

export function defaultJobName(fileName: string): string {
  return fileName.replace(/\.sql$/i, '');
}

/** `key=value` lines (blank lines and # comments skipped); bad lines are reported by number. */
export function parseFlinkConfig(text: string): { config: Record<string, string>; badLines: number[] } {
  const config: Record<string, string> = {};
  const badLines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (key === '') badLines.push(i + 1);
    else config[key] = line.slice(eq + 1).trim();
  });
  return { config, badLines };
}

export function deployOptions(form: DeployForm): { options: DeployOptions; badLines: number[] } {
  const { config, badLines } = parseFlinkConfig(form.flinkConfig);
  const parallelism = Number(form.parallelism);
  const options: DeployOptions = {
    path: form.path,
    ...(form.jobName.trim() ? { jobName: form.jobName.trim() } : {}),
    ...(form.parallelism.trim() && Number.isInteger(parallelism) && parallelism > 0 ? { parallelism } : {}),
    ...(form.restore === 'latest' ? { fromSavepoint: 'latest' } : form.restore === 'path' && form.savepointPath.trim() ? { fromSavepoint: form.savepointPath.trim() } : {}),
    allowNonRestoredState: form.allowNonRestoredState,
    flinkConfig: config,
  };
  return { options, badLines };
}

/** An application's last options (kept by the catalog) as the dialog's fields; the restore choice is not carried over. */
export function formOfOptions(options: DeployOptions): Partial<DeployForm> {
  return {
    ...(options.path === 'runner' || options.path === 'gateway' ? { path: options.path } : {}),
    ...(options.jobName ? { jobName: options.jobName } : {}),
    parallelism: options.parallelism ? String(options.parallelism) : '',
    allowNonRestoredState: options.allowNonRestoredState ?? false,
    flinkConfig: Object.entries(options.flinkConfig ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  };
}

const KEY = (fileId: number) => `weir.deploy.${fileId}`;

/** The last options used for a file (no secrets in them), so a redeploy is one click. */
export function rememberedForm(fileId: number): Partial<DeployForm> {
  try {
    return JSON.parse(localStorage.getItem(KEY(fileId)) ?? '{}') as Partial<DeployForm>;
  } catch {
    return {};
  }
}

export function rememberForm(fileId: number, form: DeployForm): void {
  try {
    localStorage.setItem(KEY(fileId), JSON.stringify({ ...form, restore: form.restore === 'path' ? 'none' : form.restore, savepointPath: '' }));
  } catch {
    // storage full or disabled: remembering is a convenience only
  }
}
