/** Publisher pages (quellen/<slug>.html) and the list of all publishers (quellen.html). */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { teasers } from './shared.ts';

export function* publisherPages(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.publishers);
  yield ctx.renderPage({
    path: PAGES.publishers,
    template: 'publishers',
    title: 'Quellen',
    description: 'Alle Medien, aus denen die Artikel stammen',
    section: 'publishers',
    crumbs: [{ label: 'Quellen', path: null }],
    data: { publishers: site.publishers.map((p) => ({ name: p.name, href: h.href(p.path), count: p.articles.length })) },
  });
  for (const p of site.publishers) {
    const ph = ctx.helpers(p.path);
    const name = p.name ?? 'Ohne Quellenangabe';
    const first = p.articles[0] ? site.byId.get(p.articles[0]) : undefined;
    yield ctx.renderPage({
      path: p.path,
      template: 'publisher',
      title: name,
      description: `${name}: ${p.articles.length} Artikel`,
      section: 'publishers',
      crumbs: [{ label: 'Quellen', path: PAGES.publishers }, { label: name, path: null }],
      data: {
        publisher: { name, known: p.name !== null, evidence: first?.source?.evidence ?? null, provenance: first?.source?.provenance ?? null },
        articles: teasers(site, p.articles, ph),
      },
      jsonLd: p.name !== null ? [{ '@context': 'https://schema.org', '@type': 'Organization', name: p.name }] : [],
    });
  }
}
