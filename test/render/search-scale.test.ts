/**
 * The sharded index at scale, on synthetic articles built from the seeds' real German vocabulary
 * plus a long tail of generated rare words (real news vocabularies keep growing with the corpus).
 * Runs 1 000 articles in the suite; `SEARCH_SCALE=10000 npx vitest run test/render/search-scale.test.ts`
 * prints the numbers quoted in docs/search.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, REGISTRY, type SearchDoc, type SearchFile } from '../../src/index/search.ts';
import { words } from '../../src/index/search-text.ts';
import { createSearch } from '../../src/render/client/search-engine.ts';

const SCALE = Number(process.env.SEARCH_SCALE ?? 1000);
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Deterministic PRNG (mulberry32), so the synthetic corpus is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(n: number): SearchDoc[] {
  const vocab = [...new Set(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).flatMap((f) => words(readFileSync(SEEDS + f, 'utf8'))))];
  const random = rng(42);
  const syllables = ['ka', 'ber', 'lin', 'sto', 'ma', 'rei', 'gen', 'tor', 'wal', 'dor', 'kü', 'schö', 'ne', 'ran', 'pol', 'vik', 'zu', 'han'];
  const rare = Array.from({ length: 20 * n }, () => Array.from({ length: 3 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  // Zipf-like pick: small indices much more often.
  const zipf = (list: readonly string[]) => list[Math.floor(list.length * random() ** 3)] ?? 'x';
  return Array.from({ length: n }, (_, i) => {
    const body = Array.from({ length: 400 }, () => (random() < 0.9 ? zipf(vocab) : zipf(rare))).join(' ');
    return { kind: 'artikel' as const, title: `${zipf(vocab)} ${zipf(vocab)} ${zipf(rare)} ${i}`, path: `artikel/a${i}.html`, date: '2024-06-19', source: null, text: body, entities: [zipf(vocab)] };
  });
}

function loader(files: SearchFile[]) {
  const byName = new Map(files.map((f) => [f.path.slice('suche/'.length), f.content]));
  const bytes: number[] = [];
  const load = async (id: string, file: string) => {
    const content = byName.get(file) ?? '';
    bytes.push(Buffer.byteLength(content));
    let data: unknown;
    new Function(REGISTRY, content)({ load: (_: string, d: unknown) => (data = d) });
    return data;
  };
  return { load, bytes };
}

describe(`search index at ${SCALE} synthetic articles`, () => {
  it('keeps shards within budget and a query loads a small part of the index', async () => {
    const started = performance.now();
    const docs = corpus(SCALE);
    const generated = performance.now();
    const cpu = process.cpuUsage();
    const { files, stats } = buildSearchIndex(docs);
    const indexCpu = process.cpuUsage(cpu);
    const built = performance.now();
    const budget = 48_000;
    // A shard over budget must be one that no longer prefix can split: a single very frequent term.
    const oversize = files.filter((f) => f.path.includes('/t-') && Buffer.byteLength(f.content) > budget && (JSON.parse(f.content.slice(f.content.indexOf(',') + 1, -3)) as unknown[]).length > 1);
    const queries = ['Gipfeltreffen', 'Pjoengjang', 'Putin Kim', 'Gipfel', 'russische Präsident'];
    const loads: string[] = [];
    for (const q of queries) {
      const { load, bytes } = loader(files);
      const search = createSearch(load);
      const t = performance.now();
      const found = await search.find(q);
      await search.rows(found.results.slice(0, 10));
      loads.push(`${q}: ${found.results.length} Treffer, ${bytes.length} Dateien, ${(bytes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB, ${(performance.now() - t).toFixed(0)} ms`);
      expect(found.results.length).toBeGreaterThan(0);
      expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan((stats.metaBytes + stats.shardBytes + stats.chunkBytes) / 4);
    }
    if (process.env.SEARCH_SCALE) {
      console.log({ ...stats, generateMs: Math.round(generated - started), indexMs: Math.round(built - generated), indexCpuMs: Math.round((indexCpu.user + indexCpu.system) / 1000), files: files.length }, loads);
    }
    expect(oversize.map((f) => f.path)).toEqual([]);
    expect(stats.metaBytes).toBeLessThan(SCALE * 30);
  }, 120_000);
});
