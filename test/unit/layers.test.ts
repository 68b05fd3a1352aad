import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layering rules of DESIGN.md, checked on every import of every source file. */
const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s+'([^']+)'/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3])!,
  );
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|child_process$|http$|net$|url$|util$|events$|stream$)/;

describe('layers', () => {
  it('src/shared is pure: no Node modules, no Electron, no React, nothing from main or renderer', () => {
    const bad: string[] = [];
    // Tests included: a test that reads files belongs in test/, not beside pure code.
    for (const file of files(join(root, 'src/shared'))) {
      for (const spec of imports(file)) {
        if (NODE_BUILTINS.test(spec) || /^(electron|react|react-dom|better-sqlite3|ws|undici)$/.test(spec) || /\/(main|renderer)\//.test(spec)) {
          bad.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/renderer never imports src/main or Node modules', () => {
    const bad: string[] = [];
    for (const file of files(join(root, 'src/renderer')).filter((f) => !f.endsWith('vite.config.ts'))) {
      for (const spec of imports(file)) {
        if (spec.includes('/main/') || NODE_BUILTINS.test(spec) || spec === 'electron') bad.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only the desktop host imports electron', () => {
    const importers = files(join(root, 'src'))
      .filter((file) => imports(file).includes('electron'))
      .map((file) => relative(root, file));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file).toMatch(/^src\/main\/desktop\//);
  });

  it('files are kebab-case, React components PascalCase', () => {
    const bad = files(join(root, 'src'))
      .map((f) => relative(root, f))
      .filter((f) => {
        const name = f.split('/').pop()!;
        return f.endsWith('.tsx') ? !/^[A-Z][A-Za-z0-9]*\.tsx$|^main\.tsx$/.test(name) : !/^[a-z0-9]+(-[a-z0-9]+)*(\.test)?\.ts$|^vite\.config\.ts$/.test(name);
      });
    expect(bad).toEqual([]);
  });
});
