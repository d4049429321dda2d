/** Event pages (ereignisse/<id>.html) and the event overview (ereignisse.html). */
import type { EventInfo, SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { SpecPage } from '../../model/page.ts';
import type { RenderContext, Helpers } from '../context.ts';
import { specPage } from '../lazy.ts';
import { absoluteUrl } from '../paths.ts';
import { pages, pageTitle, paginationView, type PageSlice } from './paginate.ts';
import { entityLink, quoteCard, teasers, type EntityLink, type QuoteCard } from './shared.ts';

export function* eventPages(site: SiteModel, ctx: RenderContext): Generator<SpecPage> {
  const h = ctx.helpers(PAGES.events);
  yield specPage({
    path: PAGES.events,
    template: 'events',
    title: 'Ereignisse',
    description: 'Die Gipfel und Ereignisse des Korpus mit ihrer Berichterstattung',
    section: 'events',
    crumbs: [{ label: 'Ereignisse', path: null }],
    data: { events: site.events.map((ev) => summary(site, ev, h)) },
  });
  for (const ev of site.events) {
    // one list through the pages: the articles about the event, then those that mention it
    const listed = [...ev.articles.map((id) => ({ id, about: true })), ...ev.mentionedIn.map((id) => ({ id, about: false }))];
    for (const slice of pages(ev.path, listed)) yield eventPage(site, ctx, ev, slice);
  }
}

/** Quotation cards on an event page (first page only); every quote stays in its article and on zitate.html. */
export const MAX_EVENT_QUOTES = 50;

function eventPage(site: SiteModel, ctx: RenderContext, ev: EventInfo, slice: PageSlice<{ id: string; about: boolean }>): SpecPage {
  const eh = ctx.helpers(slice.path);
  const quotes: QuoteCard[] = [];
  let moreQuotes = 0;
  if (slice.number === 1) for (const id of ev.articles) {
    const a = site.byId.get(id);
    (a?.quotes ?? []).forEach((_, index) => {
      const group = site.quoteGroupOf.get(id, index) ?? [];
      const head = group[0];
      if (!head || head.articleId !== id || head.index !== index) return;
      if (quotes.length >= MAX_EVENT_QUOTES) moreQuotes++;
      else {
        const card = quoteCard(site, group, eh);
        if (card) quotes.push(card);
      }
    });
  }
  const place = site.entities.get(ev.event.place);
  return specPage({
    path: slice.path,
    template: 'event',
    title: pageTitle(ev.event.name, slice),
    description: ev.event.description || `${ev.event.name}: ${ev.articles.length} Artikel`,
    section: 'events',
    crumbs: slice.number > 1
      ? [{ label: 'Ereignisse', path: PAGES.events }, { label: ev.event.name, path: ev.path }, { label: `Seite ${slice.number}`, path: null }]
      : [{ label: 'Ereignisse', path: PAGES.events }, { label: ev.event.name, path: null }],
    data: {
      event: summary(site, ev, eh),
      articles: teasers(site, slice.items.filter((x) => x.about).map((x) => x.id), eh),
      mentionedIn: teasers(site, slice.items.filter((x) => !x.about).map((x) => x.id), eh),
      pagination: paginationView(ev.path, slice, eh),
      quotes,
      moreQuotes: moreQuotes > 0 ? { count: moreQuotes, href: eh.href(PAGES.quotes) } : null,
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
