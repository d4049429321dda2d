// Micro-benchmark of the normalise stage alone (src/normalise), over a bench corpus.
//
//   node bench/micro/normalise.mjs [--size=1000|10000 | --seeds=DIR] [--runs=3] [--out=FILE.json]
//
// Bundles src/ingest + src/normalise with esbuild into a private temp file (so a concurrent
// `scripts/compile.mjs` by someone else cannot swap the code mid-run), ingests the corpus once
// (not timed), then normalises every document `runs` times and prints CPU ms/article (median,
// process.cpuUsage: user+system, less noisy than wall time on the shared machine), split by
// format. `--out` writes every NormaliseResult as JSON lines plus a sha256 over them, so two
// versions of the code can be checked for byte-identical output.
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleInTemp } from './bundle-run.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const size = arg('size', '1000');
const runs = Number(arg('runs', '3'));
const out = arg('out', undefined);

const { dir, bundle } = await bundleInTemp('micro-normalise', [
  "export { ingest } from './src/ingest/index.ts';",
  "export { normalise } from './src/normalise/index.ts';",
]);
const { ingest, normalise } = await import(pathToFileURL(bundle).href);

// `--seeds=DIR` normalises any corpus folder instead (e.g. `--seeds=seeds`, the real seed texts).
const seedsArg = arg('seeds', undefined);
const seeds = seedsArg ? path.resolve(root, seedsArg) : path.join(root, 'bench/corpora', size, 'seeds');
const { documents } = await ingest(seeds);
const n = documents.length;

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const perRun = [];
const byFormat = { txt: [], md: [] };
for (let r = 0; r < runs; r++) {
  const f = { txt: 0, md: 0 };
  const t0 = cpu();
  for (const d of documents) {
    const s = performance.now();
    normalise(d);
    f[d.format] += performance.now() - s;
  }
  perRun.push((cpu() - t0) / n);
  for (const k of Object.keys(f)) {
    const count = documents.filter((d) => d.format === k).length;
    byFormat[k].push(count ? f[k] / count : 0);
  }
}
const fmt = (x) => x.toFixed(3);
console.log(`normalise, ${n} articles (${path.relative(root, seeds)}), ${runs} runs`);
console.log(`  CPU ms/article: median ${fmt(median(perRun))}  (runs: ${perRun.map(fmt).join(', ')})`);
console.log(`  wall ms/article by format (median): txt ${fmt(median(byFormat.txt))}, md ${fmt(median(byFormat.md))}`);

if (out) {
  const hash = createHash('sha256');
  const lines = [];
  for (const d of documents) {
    const line = JSON.stringify(normalise(d));
    hash.update(line);
    lines.push(line);
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`  output sha256 ${hash.digest('hex')} → ${out}`);
}
rmSync(dir, { recursive: true, force: true });
