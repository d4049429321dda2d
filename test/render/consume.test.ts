/**
 * renderSite's `consume` (what the build uses): the search postings are let go right after the
 * search files, before the pages that come after them, and the pages are the same bytes as
 * without it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { memoryStore } from '../../src/cache/store.ts';
import { buildSiteModel } from '../../src/index/index.ts';
import { analyseFields, Postings, searchFields } from '../../src/index/search.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import { renderEnv, renderInline, renderSite } from '../../src/render/index.ts';
import { articles, knowledge } from './fixtures/site.ts';

async function render(consume: boolean) {
  const theme = await loadTheme('/nonexistent/seeds', { overrideRoots: [] });
  const store = memoryStore();
  const site = buildSiteModel(articles(), knowledge, { files: [], diagnostics: [] }, store);
  const env = renderEnv(site, theme, store);
  const pages = new Map<string, string>();
  /** For each page: were the postings still usable when the writer asked for it? */
  const live: boolean[] = [];
  const usable = () => {
    try {
      site.search.termOrder();
      return true;
    } catch {
      return false;
    }
  };
  for (const p of renderSite(site, theme, env.ctx, { consume })) {
    live.push(usable());
    const content = renderInline(p, env);
    pages.set(p.path, typeof content === 'string' ? content : new TextDecoder().decode(content));
  }
  return { pages, live, order: [...pages.keys()], usableAfter: usable() };
}

describe('renderSite with consume', () => {
  it('makes the same pages, byte for byte, as without it', async () => {
    const plain = await render(false);
    const consumed = await render(true);
    expect(consumed.order).toEqual(plain.order);
    expect(consumed.pages).toEqual(plain.pages);
    expect(plain.usableAfter).toBe(true);
  });

  it('lets go of the postings once the last search file is made, and makes the search files right after the article pages', async () => {
    const { order, live, usableAfter } = await render(true);
    const search = order.map((p, i) => (p.startsWith('suche/') ? i : -1)).filter((i) => i >= 0);
    const lastSearch = Math.max(...search);
    expect(search.length).toBeGreaterThan(2);
    // every search file was made with the postings, every page after the search files without them
    expect(live.slice(0, lastSearch + 1).every(Boolean)).toBe(true);
    expect(live.slice(lastSearch + 1).some(Boolean)).toBe(false);
    expect(lastSearch).toBeLessThan(order.length - 1);
    expect(usableAfter).toBe(false);
    // before every entity, publisher, event and list page: those come while the threads make the article pages
    const lastArticle = Math.max(...order.map((p, i) => (p.startsWith('artikel/') ? i : -1)));
    const firstEntity = order.findIndex((p) => p.startsWith('personen/') || p.startsWith('orte/') || p.startsWith('quellen/'));
    expect(lastArticle).toBeLessThan(Math.min(...search));
    expect(lastSearch).toBeLessThan(firstEntity);
  });
});

describe('Postings.release', () => {
  it('empties the index, and every later use says so instead of answering from nothing', () => {
    const p = new Postings();
    p.add(0, analyseFields(searchFields({ title: 'Putin in Pjöngjang', text: 'Gipfel', entities: [] })));
    expect(p.termOrder().length).toBeGreaterThan(0);
    p.release();
    expect(p.count).toBe(0);
    for (const use of [() => p.termOrder(), () => p.entrySize(0), () => p.entryJson(0), () => p.fieldLengths(), () => p.shardKey('', [0]), () => p.add(1, [])]) {
      expect(use).toThrow(/freigegeben/);
    }
  });
});

describe('build', () => {
  const seeds = path.resolve(import.meta.dirname, '../../seeds');
  it('lets go of the postings of the site model it returns, unless asked to keep it whole', async () => {
    const opts = { seedsDir: seeds, outDir: '/nonexistent/out', write: false, workers: 0 } as const;
    const consumed = await build(opts);
    const kept = await build({ ...opts, keepSite: true });
    expect(() => consumed.site!.search.termOrder()).toThrow(/freigegeben/);
    expect(kept.site!.search.termOrder().length).toBeGreaterThan(100);
    expect(consumed.pages).toEqual(kept.pages);
  });
});
