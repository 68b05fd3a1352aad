/**
 * Builds everything `npm start`, `weir serve` and the tests run: the workbench (Vite) into
 * dist/renderer, and the Node entries (esbuild) into dist/main. Dependencies stay external:
 * they are resolved from node_modules at run time (and packed by electron-builder).
 */
import { build as esbuild } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as vite } from 'vite';
import { buildSqlRunnerJar } from '../src/main/stack/sql-runner-jar.js';
import { stackPaths } from '../src/main/stack/stack-config.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });

  await vite({ configFile: join(root, 'src/renderer/vite.config.ts'), logLevel: 'warn' });

  const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' } as const;
  // Split into chunks so each CLI command loads only its own code (`weir version` loads none).
  await esbuild({
    ...node,
    entryPoints: { cli: join(root, 'src/main/cli/cli.ts') },
    outdir: join(out, 'main'),
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
  });
  chmodSync(join(out, 'main/cli.js'), 0o755);
  // weir check / fmt: one CommonJS bundle, loaded through V8's code cache (src/main/cli/compile-cache.ts).
  await esbuild({
    ...node,
    packages: undefined, // i18next too: all of it in the code cache
    entryPoints: [join(root, 'src/main/cli/sql-commands.ts')],
    outfile: join(out, 'main/sql-commands.cjs'),
    format: 'cjs',
  });
  await esbuild({
    ...node,
    entryPoints: [join(root, 'src/main/desktop/desktop-main.ts')],
    outfile: join(out, 'main/desktop.cjs'),
    format: 'cjs',
  });
  // A sandboxed preload may require only 'electron': bundle everything else into it.
  await esbuild({
    ...node,
    packages: undefined,
    external: ['electron'],
    entryPoints: [join(root, 'src/main/desktop/desktop-preload.ts')],
    outfile: join(out, 'main/preload.cjs'),
    format: 'cjs',
  });
  // The Flink SQL runner (Java, Maven): deploys a SQL script as a jar job. Cached by source hash.
  const jar = await buildSqlRunnerJar(stackPaths(join(root, 'resources')));
  mkdirSync(join(out, 'flink-sql-runner'), { recursive: true });
  copyFileSync(jar, join(out, 'flink-sql-runner', 'flink-sql-runner.jar'));

  process.stdout.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
