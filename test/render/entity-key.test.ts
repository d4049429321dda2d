/**
 * Entity pages are keyed by their inputs (render/pages/entity.ts sliceKey): a rebuild links
 * an entity page whose key is unchanged without building its view model. A key that missed an
 * input would leave a stale page, so after each kind of edit the rebuilt site (previous output,
 * cache and page manifest) must equal a cold build of the edited corpus, byte for byte — and the
 * unchanged entity pages must really have been skipped. The comparison covers the whole site, so
 * it checks the other pages keyed by their inputs as well (the search's document chunks,
 * index/search-docs.ts).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../bench/generate.ts';
import { build } from '../../src/build.ts';
import { tree } from '../helpers/tree.ts';
import { entityInputKeys } from '../../src/render/pages/entity.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let root: string;
let seeds: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'presseschau-entity-key-'));
  const corpus = await ensureCorpus({ count: 40, seedsDir: path.join(ROOT, 'seeds'), root: path.join(root, 'corpora') });
  seeds = path.join(root, 'seeds');
  cpSync(corpus.seedsDir, seeds, { recursive: true });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ENTITY_DIRS = ['personen/', 'orte/', 'organisationen/'];
let n = 0;

/**
 * Rebuild over the previous output and cache, then a cold build of the same corpus; the two
 * sites must be equal. The cold build gets the slugs the rebuild started from (the cache keeps
 * URLs stable, cache/slugs.ts), but no records and no page manifest: every page made afresh.
 */
async function rebuildEqualsCold() {
  const coldCache = path.join(root, `cold-cache-${n}`);
  mkdirSync(coldCache);
  const slugs = path.join(root, '.presseschau-cache', 'warm', 'slugs.json');
  if (existsSync(slugs)) copyFileSync(slugs, path.join(coldCache, 'slugs.json'));
  const warm = await build({ seedsDir: seeds, outDir: path.join(root, 'warm'), workers: 0 });
  const coldOut = path.join(root, `cold-${n++}`);
  await build({ seedsDir: seeds, outDir: coldOut, cache: coldCache, workers: 0 });
  const a = tree(path.join(root, 'warm'));
  const b = tree(coldOut);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  // the build report states how long stages took
  expect([...a].filter(([k, v]) => !k.startsWith('_build/') && b.get(k) !== v).map(([k]) => k)).toEqual([]);
  return { warm, entityPages: [...a.keys()].filter((k) => ENTITY_DIRS.some((d) => k.startsWith(d))) };
}

const files = () => readdirSync(seeds).filter((f) => /\.(txt|md)$/.test(f)).sort();
const edit = (file: string, change: (text: string) => string) => {
  const p = path.join(seeds, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
};

describe('entity pages keyed by their inputs', () => {
  it('first build; an unchanged rebuild skips every entity page', { timeout: 120_000 }, async () => {
    const first = await rebuildEqualsCold();
    expect(first.entityPages.length).toBeGreaterThan(20);
    const again = await rebuildEqualsCold();
    expect(again.warm.written?.skipped).toBeGreaterThanOrEqual(again.entityPages.length);
  });

  it('an edited passage, a new title, a renamed speaker, a new and a deleted article: the same site as a cold build', { timeout: 240_000 }, async () => {
    const [a, b, c, d, e] = files();
    // text right after a first mention: the passage the entity page shows changes, the entity
    // (its passages' blocks and offsets) does not — only the article's record key tells
    const afterMention = (t: string) => {
      const body = t.indexOf('\n');
      const m = /Putin\p{L}*/u.exec(t.slice(body));
      if (!m) throw new Error('no mention of Putin in the body');
      const at = body + m.index + m[0].length;
      return `${t.slice(0, at)} – so der Kreml am Abend –${t.slice(at)}`;
    };
    edit(a as string, afterMention);
    const one = await rebuildEqualsCold();
    // only the pages of the entities that article names were built again
    expect(one.warm.written?.skipped).toBeGreaterThan(0);
    edit(e as string, afterMention);
    await rebuildEqualsCold();
    // text around the first mentions
    edit(a as string, (t) => t.replace(/Putin/, 'Wladimir Wladimirowitsch Putin'));
    await rebuildEqualsCold();
    // a title (the teasers on every entity page of the article)
    edit(b as string, (t) => `Neuer Titel über den Gipfel\n\n${t}`);
    await rebuildEqualsCold();
    // a quotation and its speaker (quotation cards, co-mentioned entities)
    edit(c as string, (t) => `${t}\n\n„Wir werden zusammenarbeiten“, sagte Kim Jong Un am Abend.\n`);
    await rebuildEqualsCold();
    writeFileSync(path.join(seeds, 'neu.txt'), 'Gipfel in Wostotschny\n\nWladimir Putin traf Kim Jong Un in Wostotschny; Sergej Lawrow war dabei.\n');
    await rebuildEqualsCold();
    unlinkSync(path.join(seeds, d as string));
    await rebuildEqualsCold();
  });

  it('the key changes with what the page shows of another article, not only with the entity', async () => {
    const { site } = await build({ seedsDir: seeds, outDir: path.join(root, 'model'), write: false, workers: 0, cache: false });
    if (!site) throw new Error('no site model');
    const e = [...site.entities.values()].find((x) => x.passages.length > 1);
    if (!e) throw new Error('no entity with two passages');
    const key = entityInputKeys(site, e, 'events');
    expect(entityInputKeys(site, e, 'events')).toEqual(key);
    expect(entityInputKeys(site, e, 'other events')).not.toEqual(key);
    // another article's path (its slug) changes the key, though the entity is the same
    const shown = site.byId.get(e.passages[1]?.articleId ?? '');
    if (!shown) throw new Error('passage without article');
    const moved = { ...site, byId: new Map(site.byId).set(shown.id, { ...shown, path: 'artikel/anders.html' }) };
    expect(entityInputKeys(moved, e, 'events')).not.toEqual(key);
    // a co-mentioned entity's name (the link the page shows)
    const other = [...site.entities.values()].find((x) => x.cooccurring.length > 0);
    const co = other ? site.entities.get(other.cooccurring[0]?.id ?? '') : undefined;
    if (!other || !co) throw new Error('no co-mentioned entity');
    const renamed = { ...site, entities: new Map(site.entities).set(co.id, { ...co, name: `${co.name} (neu)` }) };
    expect(entityInputKeys(renamed, other, 'events')).not.toEqual(entityInputKeys(site, other, 'events'));
    // an article that only carries one of its quotations (in no passage of the entity)
    const speaker = [...site.entities.values()].find((x) => x.quotes.length > 0);
    const ref = speaker?.quotes[0];
    if (!speaker || !ref) throw new Error('no entity with a quotation');
    const alone = { ...speaker, passages: [] };
    const carrier = site.byId.get(ref.articleId);
    if (!carrier) throw new Error('quotation without article');
    const carried = { ...site, byId: new Map(site.byId).set(carrier.id, { ...carrier, path: 'artikel/anders.html' }) };
    expect(entityInputKeys(carried, alone, 'events')).not.toEqual(entityInputKeys(site, alone, 'events'));
  });
});
