// Micro-benchmark of the site stages (index + render), launcher: bundles bench/micro/site.ts
// with esbuild into .cache/micro-site/ (git-ignored; the repo root stays its package root, so
// templates/ and lib/assets/ are found) and runs it. Usage:
//   node bench/micro/site.mjs [--size=1000|10000] [--runs=3] [--fresh] [--pages]
// Records (normalise + enrich output) are computed once per corpus size and kept in
// /tmp/presseschau-micro-site-<size>.v8, so the numbers measure index and render only and do
// not move when other stages change; --fresh recomputes them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: { site: 'bench/micro/site.ts', 'parallel-worker': 'src/parallel/worker.ts' },
  outdir: '.cache/micro-site',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '.cache/micro-site/site.js', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
