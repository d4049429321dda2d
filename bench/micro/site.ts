/**
 * Micro-benchmark body for the site stages (see bench/micro/site.mjs): index (buildSiteModel)
 * and render (every page generated and measured, nothing written), CPU time per article from
 * process.cpuUsage(), median over the runs, plus a per-builder and per-index-step breakdown.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadKnowledge } from '../../src/build.ts';
import { chronology, groupEvents, groupPublishers, quoteGroups } from '../../src/index/groups.ts';
import { buildEntities } from '../../src/index/entities.ts';
import { buildSiteModel, collator, type SiteModel } from '../../src/index/index.ts';
import { linkQuotes } from '../../src/index/quotes.ts';
import { relatedArticles } from '../../src/index/related.ts';
import { memoryStore } from '../../src/cache/store.ts';
import { compileKnowledge, enrich } from '../../src/enrich/index.ts';
import { digestOf, packedDigest } from '../../src/index/digest.ts';
import { ingest } from '../../src/ingest/index.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import type { ArticleDigest } from '../../src/model/digest.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import type { Knowledge } from '../../src/model/knowledge.ts';
import type { Page } from '../../src/model/page.ts';
import { normalise } from '../../src/normalise/index.ts';
import { assignSlugs } from '../../src/normalise/slug.ts';
import { pageBuilders, renderEnv, renderInline } from '../../src/render/index.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const size = arg('size', '1000');
const runs = Number(arg('runs', '3'));
const seedsDir = size === 'seeds' ? 'seeds' : `bench/corpora/${size}/seeds`;
const store = `/tmp/presseschau-micro-site-${size}.v8`;
/** --dump=DIR: write every page of the last run there (to diff outputs before/after a change). */
const dump = arg('dump', '');

interface Stored { records: EnrichedArticle[]; files: string[]; knowledge: Knowledge }

async function records(): Promise<Stored> {
  if (existsSync(store) && !process.argv.includes('--fresh')) return deserialize(readFileSync(store)) as Stored; // written below by this script
  const loaded = await loadKnowledge(seedsDir);
  if (!loaded.knowledge) throw new Error('corpus.yml ungültig');
  const ingested = await ingest(seedsDir);
  const ck = compileKnowledge(loaded.knowledge);
  const made = assignSlugs(ingested.documents.map((d) => enrich(normalise(d).article, ck).record));
  const stored: Stored = { records: made, files: ingested.files, knowledge: loaded.knowledge };
  writeFileSync(store, serialize(stored));
  return stored;
}

const cpu = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const { records: recs, files, knowledge } = await records();
const n = recs.length;
const theme = await loadTheme(seedsDir);
console.log(`${n} Artikel (${seedsDir}), ${runs} Läufe, CPU-ms pro Artikel (Median)`);

const steps: Record<string, number[]> = {};
const note = (k: string, ms: number) => (steps[k] ??= []).push(ms);
for (let r = 0; r < runs; r++) {
  gc();
  let site: SiteModel | undefined;
  const records = memoryStore();
  // (includes the per-article features the document stages compute on the worker threads)
  note('index', cpu(() => { site = buildSiteModel(recs, knowledge, { files, diagnostics: [] }, records); }));
  // the index steps one by one (same order and inputs as buildSiteModel)
  let linked: ArticleDigest[] = [];
  const full = recs.map((r) => digestOf(r)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const digests = full.map(packedDigest); // as buildSiteModel hands them on
  note('  linkQuotes', cpu(() => { linked = linkQuotes(digests); }));
  let newest: ArticleDigest[] = [];
  note('  chronology', cpu(() => { newest = chronology(linked); }));
  note('  buildEntities', cpu(() => buildEntities(newest, knowledge, collator)));
  note('  groups', cpu(() => { groupPublishers(newest, collator); groupEvents(newest, knowledge.events); quoteGroups(linked); }));
  note("  relatedArticles", cpu(() => relatedArticles(full))); // digestOf: every block
  gc();
  const s = site as unknown as SiteModel; // assigned inside the timed closure above
  let pages = 0;
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  const env = renderEnv(s, theme, records);
  const ctx = env.ctx;
  let total = 0;
  const pending: Page[] = [];
  for (const builder of pageBuilders) {
    const name = builder.name || 'anon';
    const ms = cpu(() => {
      for (const page of builder(s, ctx)) {
        pages++;
        const content = renderInline(page, env);
        const b = typeof content === 'string' ? content.length : content.byteLength;
        const p: Page = { path: page.path, content };
        bytes += b;
        if (dump !== '' && r === runs - 1) pending.push(p);
        if (b > largest.bytes) largest = { path: p.path, bytes: b };
      }
    });
    total += ms;
    note(`  ${name}`, ms);
  }
  note('render', total);
  for (const p of pending) {
    const file = path.join(dump, p.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, p.content);
  }
  if (r === runs - 1) console.log(`${pages} Seiten, ${(bytes / 1e6).toFixed(1)} M Zeichen, größte: ${largest.path} (${(largest.bytes / 1e6).toFixed(2)} M)`);
}
for (const [k, xs] of Object.entries(steps)) {
  const m = median(xs);
  console.log(`${k.padEnd(22)} ${(m / n).toFixed(3).padStart(8)} ms/Artikel  ${m.toFixed(0).padStart(7)} ms gesamt`);
}
console.log(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
