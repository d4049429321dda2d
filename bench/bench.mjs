#!/usr/bin/env node
// Launcher for `npm run bench`: compiles presseschau (lib/), bundles the TypeScript harness in
// bench/*.ts with esbuild into bench/work/ (Node 20 cannot run .ts directly), then runs it with
// the given flags. See bench/README.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// A private compile (bench/work/lib) with its own launcher: other people's `npm test` recompiles
// lib/ at any moment in a shared tree, which must not swap the code under a running benchmark.
cpSync(new URL('../bin/', import.meta.url), new URL('./work/bin/', import.meta.url), { recursive: true });
// The CLI finds its package root (version, templates/) by walking up from lib/: make bench/work/ one.
copyFileSync(new URL('../package.json', import.meta.url), new URL('./work/package.json', import.meta.url));
// A copy, not a link: templates edited in the shared tree mid-run must not meet the code compiled
// before (a 10 000 run failed that way when quotes pagination landed during the benchmark).
// The theme's built-in assets (assets/: style.css, favicon.svg) likewise: without them the site
// the bench builds lacks two files (the run of 2026-12-03 11:57 did).
for (const dir of ['templates', 'assets']) {
  rmSync(new URL(`./work/${dir}`, import.meta.url), { force: true, recursive: true });
  cpSync(new URL(`../${dir}`, import.meta.url), new URL(`./work/${dir}`, import.meta.url), { recursive: true });
}
// After the package around it is in place: the compile's training run (the code cache) builds the
// seeds with this lib/, which finds package.json and templates/ by walking up from it.
const compiled = spawnSync(process.execPath, ['scripts/compile.mjs', '--outdir', 'bench/work/lib'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
await build({
  absWorkingDir: root,
  entryPoints: ['bench/run.ts'],
  outfile: 'bench/work/run.mjs',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // The bundle lives in bench/work/; import.meta.url-relative paths in bench/*.ts must still
  // resolve to bench/, so tell the harness where its sources are.
  define: { 'import.meta.url': JSON.stringify(new URL('./run.ts', import.meta.url).href) },
});
const run = spawnSync(process.execPath, ['bench/work/run.mjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
