// Profile of one session rebuild (presseschau dev after an edit), launcher: bundles bench/micro/dev.ts
// with esbuild into .cache/micro-dev/ and runs it. Usage: node bench/micro/dev.mjs <seeds> <work> [--edits=3] [--profile]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: { dev: 'bench/micro/dev.ts', 'parallel-worker': 'src/parallel/worker.ts' },
  outdir: '.cache/micro-dev',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '.cache/micro-dev/dev.js', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
