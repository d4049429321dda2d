// Micro-benchmark for the enrich stage (src/enrich/) and for loading corpus.yml.
//
//   node [--expose-gc] bench/micro/enrich.mjs [--seeds bench/corpora/10000/seeds] [--runs 3] [--limit N] [--dump FILE]
//
// Bundles a small entry from src/ with esbuild into a private temp file (so a compile started by
// someone else cannot swap code mid-run), ingests + normalises every document once (not timed),
// then runs enrich over all of them `runs` times and prints CPU ms per article (median of runs,
// process.cpuUsage: user + system). A fresh child process times the cold start of
// parseKnowledge + compileKnowledge on seeds/corpus.yml (module load included, as in the CLI).
// `--dump FILE` writes every enriched record as JSON lines: diff two dumps to prove that an
// optimisation changed no output. The sha256 of the dump is printed either way.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleInTemp } from './bundle-run.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
};

if (process.env.ENRICH_MICRO_CHILD === 'knowledge') {
  // Cold start: the timer starts before the bundle (zod schemas, vocabularies) is imported.
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  const mod = await import(process.env.ENRICH_MICRO_BUNDLE);
  const t1 = process.cpuUsage();
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(path.join(process.env.ENRICH_MICRO_SEEDS, 'corpus.yml'), 'utf8');
  const r = mod.parseKnowledge(source);
  const t2 = process.cpuUsage();
  if (!r.ok) throw new Error('corpus.yml invalid');
  mod.compileKnowledge(r.knowledge);
  const t3 = process.cpuUsage();
  const w3 = performance.now();
  const ms = (a, b) => (b.user + b.system - a.user - a.system) / 1000;
  process.stdout.write(JSON.stringify({ load: ms(t0, t1), parse: ms(t1, t2), compile: ms(t2, t3), wall: w3 - w0 }));
  process.exit(0);
}

const seeds = path.resolve(root, arg('seeds', 'bench/corpora/10000/seeds'));
const runs = Number(arg('runs', '3'));
const limit = Number(arg('limit', 'Infinity'));
const dump = arg('dump', undefined);
// `--articles FILE`: keep the normalised articles (v8-serialised) between runs, so before/after
// comparisons are not disturbed by normalise changing underneath, and repeated runs start fast.
const articlesFile = arg('articles', undefined);

const { dir, bundle } = await bundleInTemp('enrich-micro', [
  "export { ingest } from './src/ingest/index.ts';",
  "export { normalise } from './src/normalise/index.ts';",
  "export { parseKnowledge } from './src/config/corpus.ts';",
  "export { compileKnowledge, enrich } from './src/enrich/index.ts';",
]);
try {

  // Cold corpus.yml load, 5 fresh processes, median.
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, ENRICH_MICRO_CHILD: 'knowledge', ENRICH_MICRO_BUNDLE: bundle, ENRICH_MICRO_SEEDS: seeds },
      encoding: 'utf8',
    });
    cold.push(JSON.parse(out));
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const k = Object.fromEntries(['load', 'parse', 'compile', 'wall'].map((f) => [f, med(cold.map((c) => c[f]))]));
  console.log(`corpus.yml cold (median of 5, CPU ms): module load ${k.load.toFixed(1)} · parseKnowledge ${k.parse.toFixed(1)} · compileKnowledge ${k.compile.toFixed(1)} · parse+compile ${(k.parse + k.compile).toFixed(1)} (wall incl. load ${k.wall.toFixed(1)})`);

  const mod = await import(bundle);
  const { readFileSync } = await import('node:fs');
  const parsed = mod.parseKnowledge(readFileSync(path.join(seeds, 'corpus.yml'), 'utf8'));
  if (!parsed.ok) throw new Error('corpus.yml invalid');
  const ck = mod.compileKnowledge(parsed.knowledge);
  const v8 = await import('node:v8');
  const { existsSync } = await import('node:fs');
  let articles;
  if (articlesFile && existsSync(articlesFile)) articles = v8.deserialize(readFileSync(articlesFile)).slice(0, limit);
  else {
    const ingested = await mod.ingest(seeds);
    articles = ingested.documents.slice(0, limit).map((d) => mod.normalise(d).article);
    if (articlesFile) writeFileSync(articlesFile, v8.serialize(articles));
  }
  console.log(`${articles.length} articles normalised from ${path.relative(root, seeds)}`);

  const perArticle = [];
  let records;
  for (let r = 0; r < runs; r++) {
    // With --expose-gc: settle the heap first, so run 1 does not pay for promoting the articles.
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    records = articles.map((a) => mod.enrich(a, ck));
    const c1 = process.cpuUsage(c0);
    perArticle.push((c1.user + c1.system) / 1000 / articles.length);
  }
  const hash = createHash('sha256');
  const lines = [];
  for (const r of records) {
    const line = JSON.stringify(r);
    hash.update(line);
    if (dump) lines.push(line);
  }
  if (dump) writeFileSync(dump, lines.join('\n') + '\n');
  console.log(`enrich CPU ms/article: median ${med(perArticle).toFixed(3)} (runs: ${perArticle.map((x) => x.toFixed(3)).join(', ')})`);
  console.log(`output sha256 ${hash.digest('hex').slice(0, 16)}${dump ? ` (dump: ${dump})` : ''}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
