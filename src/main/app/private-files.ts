import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * WEIR_HOME holds the catalog (SQL, cluster addresses, encrypted secrets), the key that decrypts
 * them and the log: only its owner may read it. Folders are 0700 and files 0600, also when an
 * older Weir created them 0755/0644 (tightened on every start). Windows has no such modes; its
 * per-user profile folders are private already.
 */
const POSIX = process.platform !== 'win32';

/**
 * Creates `dir` (and parents) owner-only as needed; tightens an existing one that is the user's
 * own, but never a shared folder someone pointed WEIR_HOME at (sticky like /tmp, or not theirs).
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  const st = statSync(dir);
  if ((st.mode & 0o777) === 0o700 || (st.mode & 0o1000) !== 0 || st.uid !== process.getuid?.()) return;
  chmodSync(dir, 0o700);
}

/** Creates `file` empty and owner-only when missing; tightens it when it exists. */
export function privateFile(file: string): void {
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (POSIX) chmodSync(file, 0o600);
}

/** Tightens `file` when it exists (SQLite's -wal and -shm, made with the catalog's own mode). */
export function tightenIfPresent(file: string): void {
  if (POSIX && existsSync(file)) chmodSync(file, 0o600);
}
