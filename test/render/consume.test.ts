/**
 * renderSite's `consume` (what the build uses): the search postings are let go right after the
 * search files, before the pages that come after them; the article pages come as one stream, made
 * when the writer takes them; and the pages are the same bytes as without it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { memoryStore } from '../../src/cache/store.ts';
import { buildSiteModel } from '../../src/index/index.ts';
import { analyseFields, Postings, searchFields } from '../../src/index/search.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import { isArticleStream, type ArticlePage } from '../../src/model/page.ts';
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
  const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));
  /** With consume: the article stream, taken only after every other page, as a slow writer's threads might. */
  let stream: { at: number; pages: Iterator<ArticlePage> } | undefined;
  let streams = 0;
  const order: string[] = [];
  for (const p of renderSite(site, theme, env.ctx, { consume })) {
    if (isArticleStream(p)) {
      stream = { at: order.length, pages: p.pages };
      streams++;
      continue;
    }
    live.push(usable());
    order.push(p.path);
    pages.set(p.path, text(renderInline(p, env)));
  }
  const articlesLate: string[] = [];
  for (let n = stream?.pages.next(); n !== undefined && n.done !== true; n = stream?.pages.next()) {
    articlesLate.push(n.value.path);
    pages.set(n.value.path, text(renderInline(n.value, env)));
  }
  if (stream) {
    order.splice(stream.at, 0, ...articlesLate);
    live.splice(stream.at, 0, ...articlesLate.map(() => true)); // as if made when the stream came
  }
  return { pages, live, order, usableAfter: usable(), streams, articlesLate };
}

describe('renderSite with consume', () => {
  it('makes the same pages, byte for byte, as without it', async () => {
    const plain = await render(false);
    const consumed = await render(true);
    expect(consumed.order).toEqual(plain.order);
    expect(consumed.pages).toEqual(plain.pages);
    expect(plain.usableAfter).toBe(true);
  });

  it('hands the article pages on as one stream, whose pages are made when taken, after the postings are gone', async () => {
    const plain = await render(false);
    const consumed = await render(true);
    expect(plain.streams).toBe(0);
    expect(consumed.streams).toBe(1);
    const articles = plain.order.filter((p) => p.startsWith('artikel/'));
    expect(articles.length).toBeGreaterThan(2);
    expect(consumed.articlesLate).toEqual(articles);
    expect(consumed.usableAfter).toBe(false); // they were made after release, and are the same bytes (test above)
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
