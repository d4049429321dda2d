// Micro-benchmark for the article body (src/render/body/): renderBody (direct serializer) against
// renderBodyWithLibraries (mdast-util-to-hast + hast-util-to-html), same trees, same records.
//
//   node [--expose-gc] bench/micro/body.mjs [--seeds bench/corpora/10000/seeds] [--runs 7] [--limit N] [--records FILE]
//
// Bundles a small entry from src/ with esbuild into a private temp file (so a compile started by
// someone else cannot swap code mid-run), ingests + normalises + enriches every document once
// (not timed), then renders every body with both paths, alternating, `runs` times each, and
// prints CPU ms per article (median of runs, process.cpuUsage: user + system) and a sha256 over
// all bodies of each path (an untimed extra pass): the two must be equal. Entity hrefs are built
// as the article pages build them (`../personen/<id>.html`). Timed runs keep no body (holding
// 10 000 of them would time the heap, not the renderer) but read its first character: that
// flattens the direct path's rope as the page writer would, the work the libraries' join does.
// `--records FILE`: keep the enriched records (v8-serialised) between runs, so repeated runs
// start fast and do not move when other stages change.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { bundleInTemp } from './bundle-run.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
};
const seeds = path.resolve(root, arg('seeds', 'bench/corpora/10000/seeds'));
const runs = Number(arg('runs', '7'));
const limit = Number(arg('limit', 'Infinity'));
const recordsFile = arg('records', undefined);

const { dir, bundle } = await bundleInTemp('body-micro', [
  "export { ingest } from './src/ingest/index.ts';",
  "export { normalise } from './src/normalise/index.ts';",
  "export { parseKnowledge } from './src/config/corpus.ts';",
  "export { compileKnowledge, enrich } from './src/enrich/index.ts';",
  "export { ENTITY_DIRS } from './src/index/paths.ts';",
  "export { renderBody, renderBodyWithLibraries } from './src/render/body/index.ts';",
]);
try {
  const mod = await import(bundle);

  let records;
  if (recordsFile && existsSync(recordsFile)) records = v8.deserialize(readFileSync(recordsFile)).slice(0, limit);
  else {
    const parsed = mod.parseKnowledge(readFileSync(path.join(seeds, 'corpus.yml'), 'utf8'));
    if (!parsed.ok) throw new Error('corpus.yml invalid');
    const ck = mod.compileKnowledge(parsed.knowledge);
    const ingested = await mod.ingest(seeds);
    records = ingested.documents.slice(0, limit).map((d) => mod.enrich(mod.normalise(d).article, ck).record);
    if (recordsFile) writeFileSync(recordsFile, v8.serialize(records));
  }
  const hrefs = new Map();
  for (const r of records) for (const e of r.entities) hrefs.set(e.id, `../${mod.ENTITY_DIRS[e.type]}/${e.id}.html`);
  const entityHref = (id) => hrefs.get(id) ?? null;
  console.log(`${records.length} records from ${path.relative(root, seeds)}`);

  const paths = { libraries: mod.renderBodyWithLibraries, direct: mod.renderBody };
  const times = { libraries: [], direct: [] };
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (let r = 0; r < runs; r++) {
    for (const name of Object.keys(paths)) {
      const render = paths[name];
      // With --expose-gc: settle the heap first, so one path does not pay for the other's garbage.
      globalThis.gc?.();
      let sink = 0;
      const c0 = process.cpuUsage();
      for (let i = 0; i < records.length; i++) sink += render(records[i], entityHref).charCodeAt(0) || 0;
      const c1 = process.cpuUsage(c0);
      times[name].push((c1.user + c1.system) / 1000 / records.length);
      if (sink < 0) throw new Error('unreachable: keeps the bodies observable');
    }
  }
  const digests = {};
  let differ = -1;
  for (const name of Object.keys(paths)) {
    const h = createHash('sha256');
    for (let i = 0; i < records.length; i++) {
      const body = paths[name](records[i], entityHref);
      h.update(body).update('\0');
      if (name === 'direct' && differ === -1 && body !== paths.libraries(records[i], entityHref)) differ = i;
    }
    digests[name] = h.digest('hex');
    console.log(`${name.padEnd(9)} CPU ms/article: median ${med(times[name]).toFixed(4)} (runs: ${times[name].map((x) => x.toFixed(4)).join(', ')})  sha256 ${digests[name]}`);
  }
  console.log(differ === -1 ? 'bodies identical' : `bodies DIFFER, first at record ${differ} (${records[differ].id})`);
  if (differ !== -1 || digests.direct !== digests.libraries) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
