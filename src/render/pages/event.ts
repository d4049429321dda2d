/** Event pages (ereignisse/<id>.html) and the event overview (ereignisse.html). */
import type { EventInfo, SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext, Helpers } from '../context.ts';
import { absoluteUrl } from '../paths.ts';
import { entityLink, quoteCard, teasers, type EntityLink } from './shared.ts';

export function* eventPages(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.events);
  yield ctx.renderPage({
    path: PAGES.events,
    template: 'events',
    title: 'Ereignisse',
    description: 'Die Gipfel und Ereignisse des Korpus mit ihrer Berichterstattung',
    section: 'events',
    crumbs: [{ label: 'Ereignisse', path: null }],
    data: { events: site.events.map((ev) => summary(site, ev, h)) },
  });
  for (const ev of site.events) {
    const eh = ctx.helpers(ev.path);
    const quotes = ev.articles.flatMap((id) => {
      const a = site.byId.get(id);
      return (a?.quotes ?? []).flatMap((_, index) => {
        const group = site.quoteGroupOf.get(`${id}#${index}`) ?? [];
        const head = group[0];
        return head && head.articleId === id && head.index === index ? (quoteCard(site, group, eh) ?? []) : [];
      });
    });
    const place = site.entities.get(ev.event.place);
    yield ctx.renderPage({
      path: ev.path,
      template: 'event',
      title: ev.event.name,
      description: ev.event.description || `${ev.event.name}: ${ev.articles.length} Artikel`,
      section: 'events',
      crumbs: [{ label: 'Ereignisse', path: PAGES.events }, { label: ev.event.name, path: null }],
      data: {
        event: summary(site, ev, eh),
        articles: teasers(site, ev.articles, eh),
        mentionedIn: teasers(site, ev.mentionedIn, eh),
        quotes,
        coverage: eh.href(`${PAGES.coverage}#${ev.event.id}`),
      },
      jsonLd: [{
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: ev.event.name,
        startDate: ev.event.start,
        endDate: ev.event.end,
        ...(ev.event.description ? { description: ev.event.description } : {}),
        ...(place ? { location: { '@type': 'Place', name: place.name } } : {}),
        attendee: ev.event.participants.flatMap((id) => {
          const e = site.entities.get(id);
          return e ? [{ '@type': e.type === 'person' ? 'Person' : 'Organization', name: e.name, ...(absoluteUrl(site.knowledge.site.baseUrl, e.path) ? { url: absoluteUrl(site.knowledge.site.baseUrl, e.path) } : {}) }] : [];
        }),
      }],
    });
  }
}

function summary(site: SiteModel, ev: EventInfo, h: Helpers) {
  const link = (id: string): EntityLink[] => {
    const e = site.entities.get(id);
    return e ? [entityLink(e, h)] : [];
  };
  return {
    id: ev.event.id,
    name: ev.event.name,
    href: h.href(ev.path),
    range: h.range(ev.event.start, ev.event.end),
    start: ev.event.start,
    description: ev.event.description,
    place: link(ev.event.place)[0] ?? null,
    participants: ev.event.participants.flatMap(link),
    total: ev.articles.length,
    mentioned: ev.mentionedIn.length,
  };
}
