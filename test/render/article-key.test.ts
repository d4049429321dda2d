/**
 * Article pages are keyed by their inputs (render/pages/article.ts articleInputKey): the record's
 * fingerprint and the site-view values the page looks up. The key is made without the record, so
 * it must look up everything articleSpec does — otherwise a change of that value would leave a
 * stale page. Checked here on every article of a generated corpus by recording the lookups of
 * both, and that the key moves with a value the page shows. (Rebuilds equal cold builds after
 * edits: entity-key.test.ts, which compares whole sites.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../bench/generate.ts';
import { build, type BuildResult } from '../../src/build.ts';
import { storeDirOf } from '../../src/cache/index.ts';
import { segmentReader } from '../../src/cache/store.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import { isArticlePage, type ArticlePage } from '../../src/model/page.ts';
import { createContext } from '../../src/render/context.ts';
import { loadRecord } from '../../src/render/lazy.ts';
import { articleInputKey, articlePages, articleSpec } from '../../src/render/pages/article.ts';
import { siteView, siteViewData, type SiteView, type SiteViewData } from '../../src/render/pages/site-view.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let root: string;
let result: BuildResult;
let cache: string;
let seeds: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'presseschau-article-key-'));
  const corpus = await ensureCorpus({ count: 60, seedsDir: path.join(ROOT, 'seeds'), root: path.join(root, 'corpora') });
  seeds = corpus.seedsDir;
  cache = path.join(root, 'cache');
  result = await build({ seedsDir: seeds, outDir: path.join(root, 'out'), cache, workers: 0 });
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The view, with every lookup written down as "method(args)". */
function recording(view: SiteView): { view: SiteView; seen: Set<string> } {
  const seen = new Set<string>();
  const note = <A extends unknown[], R>(name: string, f: (...a: A) => R) => (...a: A): R => {
    seen.add(`${name}(${a.join(',')})`);
    return f(...a);
  };
  return {
    seen,
    view: {
      get baseUrl() {
        seen.add('baseUrl');
        return view.baseUrl;
      },
      teaser: note('teaser', view.teaser),
      entity: note('entity', view.entity),
      event: note('event', view.event),
      publisher: note('publisher', view.publisher),
      related: note('related', view.related),
      quoteGroup: note('quoteGroup', view.quoteGroup),
    },
  };
}

describe('the site view the threads get', () => {
  it('answers as the site model does, after the v8 round trip of the broadcast', () => {
    const site = result.site!;
    const view = siteView(deserialize(serialize(siteViewData(site))) as SiteViewData);
    let related = 0;
    for (const a of site.articles) {
      expect(view.related(a.id)).toEqual(site.related.get(a.id) ?? []);
      related += view.related(a.id).length;
      const p = site.publisherOf.get(a.id);
      expect(view.publisher(a.id)).toEqual(p ? { name: p.name, path: p.path } : undefined);
      expect(view.teaser(a.id)).toEqual({ title: a.title, path: a.path, publisher: a.source?.name ?? null, published: a.published ? { date: a.published.date, provenance: a.published.provenance } : null });
    }
    expect(related).toBeGreaterThan(site.articles.length);
    for (const e of site.entities.values()) expect(view.entity(e.id)).toEqual({ id: e.id, name: e.name, path: e.path, type: e.type });
    expect(view.teaser('gibt-es-nicht')).toBeUndefined();
    expect(view.related('gibt-es-nicht')).toEqual([]);
    expect(view.publisher('gibt-es-nicht')).toBeUndefined();
  });
});

describe('the input key of an article page', () => {
  it('looks up every site-view value the page reads', async () => {
    const site = result.site!;
    const view = siteView(siteViewData(site));
    const theme = await loadTheme(seeds);
    const ctx = createContext(site.knowledge.site, theme);
    const records = segmentReader(storeDirOf(cache));
    const pages = [...articlePages(site)];
    expect(pages.length).toBe(site.articles.length);
    let lookups = 0;
    try {
      for (const page of pages) {
        const bySpec = recording(view);
        articleSpec(bySpec.view, ctx, loadRecord(records, page.source), page.source, page.input);
        const byKey = recording(view);
        expect(articleInputKey(page, byKey.view)).toMatch(/^a:/);
        const missed = [...bySpec.seen].filter((k) => !byKey.seen.has(k));
        expect(missed, page.path).toEqual([]);
        lookups += bySpec.seen.size;
      }
    } finally {
      records.close();
    }
    // the corpus exercises the lookups: entities, related articles, quotation groups, events
    expect(lookups).toBeGreaterThan(pages.length * 10);
  });

  it('changes with a value the page shows, and with the record', () => {
    const site = result.site!;
    const data = siteViewData(site);
    const page = [...articlePages(site)].find((p): p is ArticlePage => isArticlePage(p) && siteView(data).related(p.source.patch.id).length !== 0);
    expect(page).toBeDefined();
    const key = articleInputKey(page!, siteView(data));
    const other = siteView(data).related(page!.source.patch.id)[0]!.id;
    const teasers = [...data.teasers];
    const n = data.articles.indexOf(other);
    teasers[n] = { ...teasers[n]!, title: 'Ein anderer Titel' };
    expect(articleInputKey(page!, siteView({ ...data, teasers }))).not.toBe(key);
    expect(articleInputKey({ ...page!, reads: { ...page!.reads!, record: 'anders' } }, siteView(data))).not.toBe(key);
    expect(articleInputKey(page!, siteView(data))).toBe(key);
  });

  it('is not made without the record fingerprint (no cache: the view model is keyed instead)', () => {
    const page = [...articlePages(result.site!)][0]!;
    const { reads: _, ...bare } = page;
    expect(articleInputKey(bare, siteView(siteViewData(result.site!)))).toBeUndefined();
  });
});
