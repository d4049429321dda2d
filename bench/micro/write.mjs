// Micro-benchmark for the staged writer (src/write/): writes the files of an existing build
// output (default: a 1 000-article build) through stageOutput → write → commit, and prints CPU and
// wall ms per file, median over the runs. The writer is bundled from src/ on the fly, so the
// number belongs to the working tree, not to whatever lib/ holds.
//   node bench/micro/write.mjs [OUTPUT_DIR_TO_REPLAY] [--runs=5]
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const source = args.find((a) => !a.startsWith('--'));
if (!source) {
  console.error('usage: node bench/micro/write.mjs OUTPUT_DIR [--runs=5]  (e.g. the output of a 1 000-article build)');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'presseschau-micro-write-'));
const bundle = path.join(tmp, 'write.mjs');
await build({ absWorkingDir: root, entryPoints: ['src/write/index.ts'], outfile: bundle, bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'warning' });
const { stageOutput } = await import(pathToFileURL(bundle).href);

const pages = [];
(function walk(dir, rel) {
  for (const name of readdirSync(dir).sort()) {
    if (name === '.presseschau-output') continue; // the marker: the writer adds its own
    const abs = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(abs).isDirectory()) walk(abs, r);
    else pages.push({ path: r, content: name.endsWith('.png') ? readFileSync(abs) : readFileSync(abs, 'utf8') });
  }
})(path.resolve(source), '');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const per = (ms) => (ms / pages.length).toFixed(3);
const out = path.join(tmp, 'out');
// cold: no previous output (every file written); same: the previous output holds the same bytes
// (an unchanged rebuild: the writer links instead of writing).
for (const mode of ['cold', 'same']) {
const cpu = [], wall = [], commit = [];
let linked = 0;
for (let i = 0; i < runs; i++) {
  if (mode === 'cold') rmSync(out, { recursive: true, force: true });
  else if (i === 0) await (async () => { const s = await stageOutput(out); for (const p of pages) await s.write(p); await s.commit(); })();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const staged = await stageOutput(out);
  for (const p of pages) await staged.write(p);
  const c = process.cpuUsage(c0);
  wall.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
  const t1 = performance.now();
  linked = (await staged.commit()).linked ?? 0; // the swap and the removal of the previous output, timed apart
  commit.push(performance.now() - t1);
}
console.log(`${mode}: ${pages.length} files (${linked} linked), ${runs} runs, ms/file: CPU median ${per(median(cpu))} (min ${per(min(cpu))}), wall median ${per(median(wall))} (min ${per(min(wall))}); commit median ${median(commit).toFixed(0)} ms`);
}
rmSync(tmp, { recursive: true, force: true });
