/** Publisher pages (quellen/<slug>.html) and the list of all publishers (quellen.html). */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { SpecPage } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { specPage } from '../lazy.ts';
import { pages, pageTitle, paginationView } from './paginate.ts';
import { teasers } from './shared.ts';

export function* publisherPages(site: SiteModel, ctx: RenderContext): Generator<SpecPage> {
  const h = ctx.helpers(PAGES.publishers);
  yield specPage({
    path: PAGES.publishers,
    template: 'publishers',
    title: 'Quellen',
    description: 'Alle Medien, aus denen die Artikel stammen',
    section: 'publishers',
    crumbs: [{ label: 'Quellen', path: null }],
    data: { publishers: site.publishers.map((p) => ({ name: p.name, href: h.href(p.path), count: p.articles.length })) },
  });
  for (const p of site.publishers) for (const slice of pages(p.path, p.articles)) {
    const ph = ctx.helpers(slice.path);
    const name = p.name ?? 'Ohne Quellenangabe';
    const first = p.articles[0] ? site.byId.get(p.articles[0]) : undefined;
    yield specPage({
      path: slice.path,
      template: 'publisher',
      title: pageTitle(name, slice),
      description: `${name}: ${p.articles.length} Artikel`,
      section: 'publishers',
      crumbs: slice.number > 1
        ? [{ label: 'Quellen', path: PAGES.publishers }, { label: name, path: p.path }, { label: `Seite ${slice.number}`, path: null }]
        : [{ label: 'Quellen', path: PAGES.publishers }, { label: name, path: null }],
      data: {
        publisher: { name, known: p.name !== null, evidence: first?.source?.evidence ?? null, provenance: first?.source?.provenance ?? null },
        articles: teasers(site, slice.items, ph),
        total: p.articles.length,
        pagination: paginationView(p.path, slice, ph),
      },
      jsonLd: p.name !== null ? [{ '@context': 'https://schema.org', '@type': 'Organization', name: p.name }] : [],
    });
  }
}
