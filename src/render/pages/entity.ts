/** Entity pages: personen/<id>.html, orte/<id>.html, organisationen/<id>.html. */
import type { EntityInfo, SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { SpecPage } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { specPage } from '../lazy.ts';
import { passage } from '../format.ts';
import { SCHEMA_TYPES } from './article.ts';
import { speakerQuotesPath } from './quotes.ts';
import { pages, pageTitle, paginationView, type PageSlice } from './paginate.ts';
import { entityLink, quoteCard, teaser, TYPE_LABELS, type Teaser } from './shared.ts';

/** Quotation cards on an entity page; the rest are on zitate.html (a speaker can have thousands). */
export const MAX_ENTITY_QUOTES = 50;

export function* entityPages(site: SiteModel, ctx: RenderContext): Generator<SpecPage> {
  for (const id of site.entityOrder) {
    const e = site.entities.get(id);
    if (e) for (const slice of pages(e.path, e.passages)) yield entityPage(site, ctx, e, slice);
  }
}

function entityPage(site: SiteModel, ctx: RenderContext, e: EntityInfo, slice: PageSlice<EntityInfo['passages'][number]>): SpecPage {
  const h = ctx.helpers(slice.path);
  // A loop, not flatMap with a spread: entity pages show ~30 passages per article of the corpus.
  const passages: ({ article: Teaser } & ReturnType<typeof passage>)[] = [];
  for (const p of slice.items) {
    const a = site.byId.get(p.articleId);
    if (!a) continue;
    const text = p.block === 'title' ? a.title : a.blocks[p.block]?.text;
    if (text === undefined) continue;
    const { before, hit, after } = passage(text, p.start, Math.min(p.end, text.length));
    passages.push({ article: teaser(site, a, h), before, hit, after });
  }
  // one card per statement (only the group's first member renders it), on the first page only
  const heads = slice.number > 1 ? [] : e.quotes.filter((r) => {
    const group = site.quoteGroupOf.get(r.articleId, r.index) ?? [r];
    return group[0]?.articleId === r.articleId && group[0]?.index === r.index;
  });
  const quotes = heads.slice(0, MAX_ENTITY_QUOTES).flatMap((r) => quoteCard(site, site.quoteGroupOf.get(r.articleId, r.index) ?? [r], h) ?? []);
  const country = e.country !== null ? site.entities.get(e.country) : undefined;
  const label = TYPE_LABELS[e.type];
  const data = {
    entity: { name: e.name, type: label.one, role: e.role, description: e.description, aliases: e.aliases, known: e.known, mentions: e.mentions },
    country: country ? entityLink(country, h) : null,
    passages,
    /** Mentioning articles in all (the pages together). */
    total: e.passages.length,
    pagination: paginationView(e.path, slice, h),
    quotes,
    moreQuotes: heads.length > MAX_ENTITY_QUOTES ? { count: heads.length - MAX_ENTITY_QUOTES, href: h.href(speakerQuotesPath(site, e.id) ?? PAGES.quotes) } : null,
    cooccurring: e.cooccurring.flatMap((c) => {
      const other = site.entities.get(c.id);
      return other ? [{ ...entityLink(other, h), articles: c.articles, typeLabel: TYPE_LABELS[other.type].one }] : [];
    }),
    events: site.events.filter((ev) => ev.event.place === e.id || ev.event.participants.includes(e.id)).map((ev) => ({ name: ev.event.name, href: h.href(ev.path), range: h.range(ev.event.start, ev.event.end) })),
  };
  return specPage({
    path: slice.path,
    template: 'entity',
    title: pageTitle(e.name, slice),
    description: e.description || `${label.one}: ${e.name} – ${e.passages.length} Artikel`,
    section: 'register',
    crumbs: slice.number > 1
      ? [{ label: 'Register', path: PAGES.register }, { label: e.name, path: e.path }, { label: `Seite ${slice.number}`, path: null }]
      : [{ label: 'Register', path: PAGES.register }, { label: e.name, path: null }],
    data,
    jsonLd: [{
      '@context': 'https://schema.org',
      '@type': SCHEMA_TYPES[e.type],
      name: e.name,
      ...(e.aliases.length > 0 ? { alternateName: e.aliases } : {}),
      ...(e.description ? { description: e.description } : {}),
      ...(e.role && e.type === 'person' ? { jobTitle: e.role } : {}),
    }],
    ogType: e.type === 'person' ? 'profile' : 'website',
  });
}
