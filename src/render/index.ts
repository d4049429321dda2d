/**
 * render: SiteModel → pages, no I/O. A registry of page builders, each a generator, so pages
 * stream to the writer one at a time instead of being held in memory together.
 */
import type { SiteModel } from '../index/index.ts';
import type { Page } from '../model/page.ts';
import { apiPages } from './pages/api.ts';
import { placeholderPages } from './pages/placeholder.ts';

export type PageBuilder = (site: SiteModel) => Iterable<Page>;

export const pageBuilders: readonly PageBuilder[] = [placeholderPages, apiPages];

export function* renderSite(site: SiteModel): Generator<Page> {
  for (const builder of pageBuilders) yield* builder(site);
}
