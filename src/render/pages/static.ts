/** Theme assets (stylesheet, favicon) copied as they are, and the 404 page. */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';

export function* assetPages(_site: SiteModel, ctx: RenderContext): Generator<Page> {
  for (const [path, content] of [...ctx.theme.assets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) yield { path, content };
}

export function* notFoundPage(site: SiteModel, ctx: RenderContext): Generator<Page> {
  // A host serves 404.html at whatever depth the missing URL had: relative links would break
  // there, so with a base URL the page links absolutely; without one it assumes the site root.
  yield ctx.renderPage({
    path: PAGES.notFound,
    template: '404',
    title: 'Seite nicht gefunden',
    section: null,
    crumbs: [{ label: 'Seite nicht gefunden', path: null }],
    data: {},
    absoluteLinks: site.knowledge.site.baseUrl !== undefined,
  });
}
