import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIcon } from '../../scripts/build-icon.js';
import { encodePng } from '../../scripts/png-encode.js';
import { APP_ID, APP_NAME } from '../../src/main/desktop/identity.js';
import { filePatterns, packedFiles, productionPackages, type PackedFile } from './packed-files.js';

/**
 * The installers, checked without the Electron binary: electron-builder.yml validated by
 * electron-builder's own schema, and the list of files it would pack computed from its globs.
 */
const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
  dependencies: Record<string, string>;
  author: { email?: string };
};
const RENDERER_ONLY = ['monaco-editor', 'react', 'react-dom', 'react-i18next', 'zustand', '@tanstack/react-virtual'];
const built = existsSync(join(root, 'dist', 'main', 'desktop.cjs')) && existsSync(join(root, 'dist', 'flink-sql-runner', 'flink-sql-runner.jar'));
if (!built) process.stdout.write('packaging: the packed-file checks are skipped: dist/ is not built (run `npm run build`)\n');

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

type Target = { target: string; arch: string[] };
const targets = (platform: 'linux' | 'win' | 'mac') => (config[platform]?.target ?? []) as Target[];

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('has the identity the desktop host sets at run time, so npm start and installs match', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(APP_NAME);
    expect(pkg.productName).toBe(APP_NAME);
    expect(config.extraMetadata?.main).toBe(pkg.main);
  });

  it('builds x64 and arm64 for every target', () => {
    const all = [...targets('linux'), ...targets('win'), ...targets('mac')];
    expect(all.map((t) => t.target).sort()).toEqual(['AppImage', 'deb', 'dmg', 'nsis']);
    for (const t of all) expect([...t.arch].sort(), t.target).toEqual(['arm64', 'x64']);
  });

  it('gives the deb what it requires: maintainer with e-mail, homepage, author e-mail', () => {
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/@/);
  });

  it('turns the Electron fuses that make the app a Node runtime off', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it("does not rebuild the project's node_modules for Electron", () => {
    expect(config.npmRebuild).toBe(false);
    expect(readFileSync(join(root, 'scripts', 'dist.ts'), 'utf8')).toContain('buildElectronSqlite(root, arch)');
  });

  it('has icons: scripts/dist.ts draws a 1024 px PNG into buildResources', () => {
    expect(config.directories?.buildResources).toBe('resources/build');
    expect(readFileSync(join(root, 'scripts', 'dist.ts'), 'utf8')).toContain("writeIcon(join(root, 'resources/build/icon.png'))");
    const png = encodePng(64, 64, renderIcon(64));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(64);
  });

  it('keeps renderer-only packages out of the dependencies electron-builder copies', () => {
    for (const name of RENDERER_ONLY) expect(pkg.dependencies[name], name).toBeUndefined();
    const closure = productionPackages(root);
    for (const name of RENDERER_ONLY) expect(closure, name).not.toContain(`node_modules/${name}`);
  });

  it('unpacks the native module and the runner jar by pattern, even where they are not built here', () => {
    const unpack = (path: string) => filePatterns(config.asarUnpack).some((p) => minimatch(path, p, { dot: true }));
    const files = filePatterns(config.files);
    for (const path of ['dist/native/electron/better_sqlite3.node', 'dist/flink-sql-runner/flink-sql-runner.jar']) {
      expect(files, path).toContain(path);
      expect(unpack(path), path).toBe(true);
    }
  });
});

describe.skipIf(!built)('the files electron-builder would pack', () => {
  let packed: PackedFile[];
  const has = (path: string) => packed.find((f) => f.path === path);
  beforeAll(() => {
    packed = packedFiles(root, filePatterns(config.files), filePatterns(config.asarUnpack));
  });

  it('hold the app, the workbench and the runner jar', () => {
    for (const path of ['package.json', 'dist/main/desktop.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html', 'dist/flink-sql-runner/flink-sql-runner.jar']) {
      expect(has(path), path).toBeDefined();
    }
    expect(has('dist/flink-sql-runner/flink-sql-runner.jar')?.unpacked).toBe(true);
  });

  it('unpack everything external programs read: seeds, poms', () => {
    const stack = packed.filter((f) => f.path.startsWith('resources/stack/'));
    expect(stack.map((f) => f.path)).toEqual(
      expect.arrayContaining(['resources/stack/seed/postgres.sql', 'resources/stack/seed/mariadb.sql', 'resources/stack/seed/clickhouse.sql', 'resources/stack/flink/pom.xml', 'resources/stack/kafka/pom.xml']),
    );
    for (const f of stack) expect(f.unpacked, f.path).toBe(true);
  });

  it('hold no source map, no renderer-only package, no TypeScript source', () => {
    expect(packed.filter((f) => f.path.endsWith('.map')).map((f) => f.path)).toEqual([]);
    expect(packed.filter((f) => RENDERER_ONLY.some((n) => f.path.startsWith(`node_modules/${n}/`))).map((f) => f.path)).toEqual([]);
    expect(packed.filter((f) => f.path.startsWith('src/') || f.path.startsWith('test/')).map((f) => f.path)).toEqual([]);
    expect(packed.filter((f) => f.path.startsWith('node_modules/better-sqlite3/src/') || f.path.startsWith('node_modules/better-sqlite3/deps/'))).toEqual([]);
    // Native modules built for Node's ABI would not load in Electron: only the Electron build ships.
    expect(packed.filter((f) => f.path.endsWith('.node') && f.path !== 'dist/native/electron/better_sqlite3.node').map((f) => f.path)).toEqual([]);
  });

  it('hold every package the main process and the preload require', () => {
    const modules = new Set(packed.filter((f) => f.path.startsWith('node_modules/')).map((f) => f.path.split('/').slice(1, f.path.startsWith('node_modules/@') ? 3 : 2).join('/')));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const file of ['dist/main/desktop.cjs', 'dist/main/preload.cjs']) {
      const text = readFileSync(join(root, file), 'utf8');
      const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!).filter((s) => !s.startsWith('.') && !builtins.has(s) && s !== 'electron');
      for (const name of required) expect(modules.has(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!), `${file} requires ${name}`).toBe(true);
    }
  });
});
