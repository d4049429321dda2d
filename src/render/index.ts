/**
 * render: SiteModel → pages, no I/O. A registry of page builders, each a generator, so pages
 * stream to the writer one at a time instead of being held in memory together.
 */
import type { SiteModel } from '../index/index.ts';
import type { RecordReader } from '../cache/store.ts';
import { contentToValue, isArticlePage, isLazyPage, isPartedPage, isRecordsPage, isSpecPage, partedText, type AnyPage, type SiteItem } from '../model/page.ts';
import type { Theme } from '../model/theme.ts';
import { createContext, type RenderContext } from './context.ts';
import { apiPages, recordsPageText } from './pages/api.ts';
import { renderSpecPage, type SpecEnv } from './lazy.ts';
import { articlePageSpec, articlePages } from './pages/article.ts';
import { siteView, siteViewData } from './pages/site-view.ts';
import { homePage } from './pages/home.ts';
import { assetPages, notFoundPage } from './pages/static.ts';
import { coveragePage } from './pages/coverage.ts';
import { entityPages } from './pages/entity.ts';
import { eventPages } from './pages/event.ts';
import { publisherPages } from './pages/publisher.ts';
import { quotesPage } from './pages/quotes.ts';
import { registerPage } from './pages/register.ts';
import { timelinePage } from './pages/timeline.ts';
import { feedPages } from './pages/feeds.ts';
import { sitemapPages } from './pages/feeds-sitemap.ts';
import { searchPages } from './pages/search.ts';
import { reportHtmlPages, reportJsonPages } from './pages/report.ts';

export type { RenderContext } from './context.ts';

/** `ctx` carries the compiled theme and `renderPage` (content template inside the shared layout). */
export type PageBuilder = (site: SiteModel, ctx: RenderContext) => Iterable<AnyPage>;

/**
 * In the order the writer gets them. The article pages go to the threads in the background, so the
 * main thread makes the search files next: with `consume` their postings are let go early.
 */
export const pageBuilders: readonly PageBuilder[] = [homePage, articlePages, searchPages, entityPages, publisherPages, eventPages, registerPage, timelinePage, quotesPage, coveragePage, notFoundPage, assetPages, apiPages, feedPages, sitemapPages, reportJsonPages, reportHtmlPages];

/** Everything needed to render any page on this thread: the render context, the record store, the site view, the rule texts. */
export function renderEnv(site: SiteModel, theme: Theme, records?: RecordReader): SpecEnv {
  return { ctx: createContext(site.knowledge.site, theme), ruleDescriptions: site.ruleDescriptions, view: siteView(siteViewData(site)), ...(records ? { records } : {}) };
}

/** A page's content rendered right here (tests, small in-memory builds); spec pages and API records included. */
export function renderInline(page: AnyPage, env: SpecEnv): string | Uint8Array {
  if (isSpecPage(page)) return renderSpecPage(page, env);
  if (isArticlePage(page)) return articlePageSpec(page, env).render();
  if (isRecordsPage(page)) {
    if (!env.records) throw new Error(`render: ${page.path} braucht den Datensatzspeicher`);
    return recordsPageText(page, env.records);
  }
  if (isPartedPage(page)) return partedText(page.file);
  return contentToValue(isLazyPage(page) ? page.render() : page.content);
}

export interface RenderOptions {
  /**
   * The caller renders this site once and renders each page before it asks for the next (the
   * build's writer does): what only some pages need is let go once they are made — the search
   * postings after the search files (~0.4 GB outside the heap at 100 000 articles, held otherwise
   * while the threads make the article pages, when the build's memory peaks) — and the article
   * pages come as one ArticleStream, made as the threads are ready for them, not queued whole.
   */
  consume?: boolean;
}

export function renderSite(site: SiteModel, theme: Theme, ctx?: RenderContext, options?: RenderOptions & { consume?: false }): Generator<AnyPage>;
export function renderSite(site: SiteModel, theme: Theme, ctx: RenderContext | undefined, options: RenderOptions): Generator<SiteItem>;
export function* renderSite(site: SiteModel, theme: Theme, ctx: RenderContext = createContext(site.knowledge.site, theme), options: RenderOptions = {}): Generator<SiteItem> {
  for (const builder of pageBuilders) {
    if (options.consume && builder === articlePages) yield { kind: 'articles', pages: articlePages(site) };
    else yield* builder(site, ctx);
    if (options.consume && builder === searchPages) site.search.release();
  }
}
