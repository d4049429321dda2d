// Shared by the micro-benchmarks. `bundleAndRun` (site.mjs, dev.mjs, harnesses with worker
// threads): bundles `entry` and the thread entry bench/micro/worker.ts with esbuild into
// .cache/micro-<name>/ (git-ignored; the repo root stays its package root, so templates/ and
// lib/assets/ are found) and runs it with --expose-gc and the launcher's arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function bundleAndRun(name, entry) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({
    absWorkingDir: root,
    entryPoints: { [name]: entry, 'parallel-worker': 'bench/micro/worker.ts' },
    outdir: `.cache/micro-${name}`,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--expose-gc', `.cache/micro-${name}/${name}.js`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

/**
 * Bundles `lines` (export statements from src/, dependencies included) with esbuild into a private
 * temporary file, so that a compile started by someone else cannot swap the code mid-run. Returns
 * the bundle's path and its folder (the caller removes it when done).
 */
export async function bundleInTemp(prefix, lines) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const bundle = path.join(dir, 'entry.mjs');
  await build({
    absWorkingDir: root,
    stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'ts' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled too: the temp folder has no node_modules to resolve them from.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return { dir, bundle };
}
