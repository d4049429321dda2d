// Micro-benchmark of the whole per-document unit the worker threads run (src/parallel/document.ts
// processFile: decode → normalise → enrich → schema check → digest → index features → record store),
// single-threaded, each file once, as a build does it (memos start empty, unlike enrich.mjs's repeated runs).
//
//   node bench/micro/documents.mjs [--seeds DIR] [--limit N] [--runs 3] [--profile FILE.cpuprofile]
//
// Each run starts a fresh process on the bundle (so no run inherits another's memos or JIT state)
// and prints CPU ms per article (user + system, process.cpuUsage: V8's background GC and compiler
// threads included) and the sha256 over every outcome and store entry: two versions of the code
// must agree on it. `--profile` writes the first run's CPU profile. The corpus is read before the
// clock starts (in a build the main thread reads it).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleInTemp } from './bundle-run.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
};

if (process.env.DOCUMENTS_MICRO_CHILD) {
  const { createHash } = await import('node:crypto');
  const { mkdtempSync, readFileSync, rmSync: remove } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const mod = await import(process.env.DOCUMENTS_MICRO_CHILD);
  const seeds = process.env.DOCUMENTS_MICRO_SEEDS;
  const limit = Number(process.env.DOCUMENTS_MICRO_LIMIT);
  const parsed = mod.parseKnowledge(readFileSync(path.join(seeds, 'corpus.yml'), 'utf8'));
  if (!parsed.ok) throw new Error('corpus.yml invalid');
  const found = await mod.discoverAll(seeds);
  const files = found.files.slice(0, limit);
  const ids = mod.assignIds(files).ids;
  const inputs = files.map((file) => {
    const read = mod.readInputSync(seeds, file);
    return { file, id: ids.get(file), ...(read.bytes ? { bytes: read.bytes } : { refused: read.diagnostics }) };
  });
  const storeDir = mkdtempSync(path.join(tmpdir(), 'documents-micro-store-'));
  const store = mod.segmentWriter(storeDir, 1);
  const ctx = { ck: mod.compiledKnowledge(parsed.knowledge), salt: 'micro', writer: store, topics: mod.topicNeedles(parsed.knowledge.events), ship: mod.shippers(0) };
  globalThis.gc?.();
  const c0 = process.cpuUsage();
  const outcomes = inputs.map((input) => mod.processFile(input, ctx));
  const c = process.cpuUsage(c0);
  store.close();
  // Everything the stage hands on: the outcomes (diagnostics, digest, coded features) and the store's bytes.
  const hash = createHash('sha256');
  for (const o of outcomes) hash.update(JSON.stringify([o.ingestDiagnostics, o.normaliseDiagnostics, o.enrichDiagnostics, o.article ? [o.article.digest, o.article.features, o.article.loc] : null]));
  // Store entries as they read back (v8.serialize may write an equal empty array as dense or sparse,
  // depending on the JIT's allocation-site feedback, so the segment's raw bytes are not compared).
  const reader = mod.segmentReader(storeDir);
  for (const o of outcomes) {
    if (!o.article) continue;
    hash.update(JSON.stringify(reader.head(o.article.loc)));
    hash.update(reader.body(o.article.loc));
  }
  reader.close();
  remove(storeDir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ ms: (c.user + c.system) / 1000 / inputs.length, n: inputs.length, sha: hash.digest('hex').slice(0, 16) }));
  process.exit(0);
}

const seeds = path.resolve(root, arg('seeds', 'bench/corpora/10000/seeds'));
const runs = Number(arg('runs', '3'));
const limit = arg('limit', 'Infinity');
const profile = arg('profile', undefined);
const { dir, bundle } = await bundleInTemp('documents-micro', [
  "export { discoverAll, assignIds, readInputSync } from './src/ingest/index.ts';",
  "export { parseKnowledge } from './src/config/corpus.ts';",
  "export { compiledKnowledge } from './src/enrich/index.ts';",
  "export { topicNeedles } from './src/index/digest.ts';",
  "export { shippers } from './src/index/features.ts';",
  "export { segmentWriter, segmentReader } from './src/cache/store.ts';",
  "export { processFile } from './src/parallel/document.ts';",
]);
try {
  const results = [];
  for (let r = 0; r < runs; r++) {
    const flags = ['--expose-gc', ...(profile && r === 0 ? ['--cpu-prof', `--cpu-prof-dir=${path.dirname(path.resolve(profile))}`, `--cpu-prof-name=${path.basename(profile)}`] : [])];
    const out = execFileSync(process.execPath, [...flags, fileURLToPath(import.meta.url)], {
      env: { ...process.env, DOCUMENTS_MICRO_CHILD: bundle, DOCUMENTS_MICRO_SEEDS: seeds, DOCUMENTS_MICRO_LIMIT: limit },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    results.push(JSON.parse(out));
  }
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`processFile, ${results[0].n} files from ${path.relative(root, seeds)}, ${runs} fresh processes`);
  console.log(`  CPU ms/article: median ${ms[Math.floor(ms.length / 2)].toFixed(3)} (runs: ${results.map((r) => r.ms.toFixed(3)).join(', ')})`);
  console.log(`  output sha256 ${[...new Set(results.map((r) => r.sha))].join(' / ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
