import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { minimatch } from 'minimatch';

/**
 * The files electron-builder would put into the app, computed without the Electron binary:
 * the project's files that match electron-builder.yml's `files` patterns, plus the installed
 * node_modules of the production dependency closure (what electron-builder copies), minus the
 * negated patterns. Paths are relative to the project, with '/'.
 */
export interface PackedFile {
  readonly path: string;
  /** In app.asar.unpacked (matches `asarUnpack`), so external programs can read it. */
  readonly unpacked: boolean;
}

const match = (path: string, pattern: string) => minimatch(path, pattern, { dot: true });

function walk(dir: string, root: string, skip: (rel: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    const rel = relative(root, full).split('\\').join('/');
    if (skip(rel)) return [];
    return statSync(full).isDirectory() ? walk(full, root, skip) : [rel];
  });
}

/** Folders of the production dependency closure, resolved the way Node resolves them. */
export function productionPackages(root: string): string[] {
  const pkgDirs = new Set<string>();
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
      const found = resolve(dir, name);
      if (!found) {
        if (pkg.optionalDependencies?.[name]) continue;
        throw new Error(`${name} (needed by ${relative(root, dir) || 'weir'}) is not installed`);
      }
      if (pkgDirs.has(found)) continue;
      pkgDirs.add(found);
      visit(found);
    }
  };
  visit(root);
  return [...pkgDirs].map((d) => relative(root, d).split('\\').join('/')).sort();
}

export function packedFiles(root: string, files: readonly string[], asarUnpack: readonly string[]): PackedFile[] {
  const include = files.filter((p) => !p.startsWith('!'));
  const exclude = files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const excluded = (path: string) => exclude.some((p) => match(path, p));
  const own = walk(root, root, (rel) => rel === 'node_modules' || rel === '.git' || rel === 'release').filter((path) => include.some((p) => match(path, p)));
  const modules = productionPackages(root).flatMap((dir) => walk(join(root, dir), root, (rel) => rel.startsWith(`${dir}/node_modules`)));
  return [...own, ...modules]
    .filter((path) => !excluded(path))
    .map((path) => ({ path, unpacked: asarUnpack.some((p) => match(path, p)) }));
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
