import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';

/**
 * An app opened from the macOS Finder or Dock gets launchd's PATH (/usr/bin:/bin:/usr/sbin:/sbin),
 * not the one the user's shell profile builds: Homebrew's mvn, java, postgres and mariadbd are
 * not found and the local stack cannot start. Ask the login shell for its PATH once (with a
 * timeout: a slow profile must not hang the start), and add the usual install folders that
 * exist. JAVA_HOME comes from /usr/libexec/java_home when unset. Other systems keep their env.
 */
export interface ShellProbe {
  /** Runs a program, returns its stdout, or null on error or timeout. */
  run(command: string, args: readonly string[], timeoutMs: number): string | null;
  exists(path: string): boolean;
}

const KNOWN_DIRS = [
  '/opt/homebrew/bin',
  '/opt/homebrew/sbin',
  '/usr/local/bin',
  '/usr/local/sbin',
  // keg-only formulae do not link into bin/
  '/opt/homebrew/opt/postgresql@17/bin',
  '/opt/homebrew/opt/postgresql@16/bin',
  '/usr/local/opt/postgresql@17/bin',
  '/usr/local/opt/postgresql@16/bin',
  '/opt/homebrew/opt/openjdk@17/bin',
  '/usr/local/opt/openjdk@17/bin',
  '/Applications/Postgres.app/Contents/Versions/latest/bin',
];

const MARK = '__WEIR_PATH__';

export function loginShellEnv(os: NodeJS.Platform, env: NodeJS.ProcessEnv, probe: ShellProbe): NodeJS.ProcessEnv {
  if (os !== 'darwin') return {};
  const shell = env.SHELL && env.SHELL.startsWith('/') ? env.SHELL : '/bin/zsh';
  // Markers around the value: profiles may print banners before or after it.
  const out = probe.run(shell, ['-ilc', `printf '${MARK}%s${MARK}' "$PATH"`], 5000);
  const fromShell = out?.split(MARK)[1] ?? '';
  const dirs = [...(env.PATH ?? '').split(delimiter), ...fromShell.split(delimiter), ...KNOWN_DIRS.filter((d) => probe.exists(d))];
  const patch: NodeJS.ProcessEnv = { PATH: [...new Set(dirs.filter((d) => d.length > 0))].join(delimiter) };
  if (!env.JAVA_HOME) {
    const javaHome = probe.run('/usr/libexec/java_home', [], 5000)?.trim();
    if (javaHome && probe.exists(javaHome)) patch.JAVA_HOME = javaHome;
  }
  return patch;
}

/** The real probe: child_process with a timeout, output capped; never throws. */
export const nodeShellProbe: ShellProbe = {
  run(command, args, timeoutMs) {
    try {
      return execFileSync(command, [...args], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20, windowsHide: true });
    } catch {
      return null;
    }
  },
  exists: (path) => existsSync(path),
};
