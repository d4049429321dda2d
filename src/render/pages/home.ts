/** The start page: the coverage at a glance, and the way into every other page. */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { entityLink, quoteCard, teasers } from './shared.ts';

/** How much the start page shows of each list; the full lists are one click away. */
const LIMITS = { perEvent: 8, newest: 10, people: 10, quotes: 4 };

export function* homePage(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.home);
  const people = [...site.entities.values()]
    .filter((e) => e.type === 'person' && e.passages.length > 0)
    .sort((a, b) => b.passages.length - a.passages.length || b.mentions - a.mentions || (a.id < b.id ? -1 : 1))
    .slice(0, LIMITS.people)
    .map((e) => ({ ...entityLink(e, h), articles: e.passages.length }));
  const data = {
    stats: { articles: site.articles.length, publishers: site.publishers.filter((p) => p.name !== null).length, events: site.events.length, entities: site.entities.size },
    events: site.events.map((ev) => ({
      name: ev.event.name,
      href: h.href(ev.path),
      range: h.range(ev.event.start, ev.event.end),
      description: ev.event.description,
      total: ev.articles.length,
      articles: teasers(site, ev.articles, h, LIMITS.perEvent),
    })),
    newest: teasers(site, site.newest.map((a) => a.id), h, LIMITS.newest),
    people,
    quotes: site.quoteGroups.slice(0, LIMITS.quotes).flatMap((g) => quoteCard(site, g, h) ?? []),
    publishers: site.publishers.map((p) => ({ name: p.name, href: h.href(p.path), count: p.articles.length })),
    links: { events: h.href(PAGES.events), register: h.href(PAGES.register), quotes: h.href(PAGES.quotes), publishers: h.href(PAGES.publishers), timeline: h.href(PAGES.timeline), coverage: h.href(PAGES.coverage) },
  };
  yield ctx.renderPage({
    path: PAGES.home,
    template: 'home',
    title: site.knowledge.site.title,
    section: 'home',
    crumbs: [],
    data,
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebSite', name: site.knowledge.site.title, inLanguage: 'de' }],
  });
}
