// Shared by the micro-benchmark launchers that run a TypeScript harness with worker threads
// (site.mjs, dev.mjs): bundles `entry` and src/parallel/worker.ts with esbuild into
// .cache/micro-<name>/ (git-ignored; the repo root stays its package root, so templates/ and
// lib/assets/ are found) and runs it with --expose-gc and the launcher's arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function bundleAndRun(name, entry) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({
    absWorkingDir: root,
    entryPoints: { [name]: entry, 'parallel-worker': 'src/parallel/worker.ts' },
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
