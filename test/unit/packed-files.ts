import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';

/**
 * The files electron-builder would put into the app, computed without the Electron binary and
 * with electron-builder's own FileMatcher (its order-sensitive globs, directory pruning):
 * the project's files matching `files`; the production dependency closure from node_modules
 * under the exclusions of `files` (electron-builder keeps only those for node_modules); and,
 * per file, whether `asarUnpack` puts it in app.asar.unpacked. Its built-in default exclusions
 * (.d.ts, .cc, .git ...) are not applied: the list is a superset, which keeps the checks strict.
 */
export interface PackedFile {
  /** Relative to the project, with '/'. */
  readonly path: string;
  /** In app.asar.unpacked (matches `asarUnpack`), so external programs can read it. */
  readonly unpacked: boolean;
}

type Filter = (file: string, stat: Stats) => boolean;

const posix = (root: string, full: string) => relative(root, full).split('\\').join('/');

function walk(dir: string, keep: Filter): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    const stat = statSync(full);
    if (!keep(full, stat)) return [];
    return stat.isDirectory() ? walk(full, keep) : [full];
  });
}

/** Folders of the production dependency closure, resolved the way Node resolves them. */
export function productionPackages(root: string): string[] {
  const found = new Set<string>();
  const resolve = (from: string, name: string): string | null => {
    for (let dir = from; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (dir === root || dirname(dir) === dir) return null;
    }
  };
  const visit = (dir: string) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]) {
      const dep = resolve(dir, name);
      if (!dep) {
        if (pkg.optionalDependencies?.[name]) continue;
        throw new Error(`${name} (needed by ${posix(root, dir) || 'weir'}) is not installed`);
      }
      if (found.has(dep)) continue;
      found.add(dep);
      visit(dep);
    }
  };
  visit(root);
  return [...found].map((d) => posix(root, d)).sort();
}

export function packedFiles(root: string, files: readonly string[], asarUnpack: readonly string[]): PackedFile[] {
  const expand = (s: string) => s;
  const own = new FileMatcher(root, '', expand, [...files]).createFilter();
  const notOurs = (full: string) => ['node_modules', '.git', 'release'].includes(posix(root, full));
  // As getNodeModuleFileMatcher does: everything, then the patterns of `files` (only exclusions bite).
  const modules = new FileMatcher(root, '', expand, ['**/*', ...files]).createFilter();
  const unpack = new FileMatcher(root, '', expand, [...asarUnpack]).createFilter();
  const appFiles = walk(root, (full, stat) => !notOurs(full) && own(full, stat));
  const moduleFiles = productionPackages(root).flatMap((dir) =>
    walk(join(root, dir), (full, stat) => !posix(root, full).startsWith(`${dir}/node_modules`) && modules(full, stat)),
  );
  return [...appFiles, ...moduleFiles].map((full) => ({ path: posix(root, full), unpacked: unpack(full, statSync(full)) }));
}

/** electron-builder's `files` as plain globs (getConfig wraps them as `{ filter: [...] }`). */
export function filePatterns(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return list.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    const filter = (entry as { filter?: string | string[] }).filter;
    return filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  });
}
