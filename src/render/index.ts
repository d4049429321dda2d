/**
 * render: SiteModel → pages, no I/O. A registry of page builders, each a generator, so pages
 * stream to the writer one at a time instead of being held in memory together.
 */
import type { SiteModel } from '../index/index.ts';
import type { AnyPage } from '../model/page.ts';
import type { Theme } from '../model/theme.ts';
import { createContext, type RenderContext } from './context.ts';
import { apiPages } from './pages/api.ts';
import { articlePages } from './pages/article.ts';
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

export const pageBuilders: readonly PageBuilder[] = [homePage, articlePages, entityPages, publisherPages, eventPages, registerPage, timelinePage, quotesPage, coveragePage, notFoundPage, assetPages, apiPages, searchPages, feedPages, sitemapPages, reportJsonPages, reportHtmlPages];

export function* renderSite(site: SiteModel, theme: Theme): Generator<AnyPage> {
  const ctx = createContext(site, theme);
  for (const builder of pageBuilders) yield* builder(site, ctx);
}
