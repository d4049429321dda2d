/** Entity pages: personen/<id>.html, orte/<id>.html, organisationen/<id>.html. */
import type { EntityInfo, SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { SpecPage } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { deferredSpecPage, recordKey, specPage, textKey } from '../lazy.ts';
import { packedPassage, passage } from '../format.ts';
import { SCHEMA_TYPES } from './article.ts';
import { speakerQuotesPath } from './quotes.ts';
import { pages, pageTitle, paginationView, type PageSlice } from './paginate.ts';
import { entityLink, MAX_CARRIERS, quoteCard, TYPE_LABELS } from './shared.ts';

/** Quotation cards on an entity page; the rest are on zitate.html (a speaker can have thousands). */
export const MAX_ENTITY_QUOTES = 50;

export function* entityPages(site: SiteModel, ctx: RenderContext): Generator<SpecPage> {
  const events = eventsKey(site);
  for (const id of site.entityOrder) {
    const e = site.entities.get(id);
    if (!e) continue;
    const shared = entityKey(site, e, events);
    for (const slice of pages(e.path, e.passages)) yield deferredSpecPage(slice.path, sliceKey(site, e, shared, slice), () => entityPage(site, ctx, e, slice));
  }
}

/** What entity pages read of the events (the same for every entity): once per build. */
function eventsKey(site: SiteModel): string {
  return textKey(JSON.stringify(site.events.map((ev) => [ev.path, ev.event.name, ev.event.start, ev.event.end, ev.event.place, ev.event.participants])));
}

type Slice = PageSlice<EntityInfo['passages'][number]>;

/**
 * What every page of an entity is made of, besides its own passages (sliceKey): the entity as the
 * index made it (without the passages: their number), the name, page and type of every entity it
 * links (country, co-mentioned), the events, the path of its quotations on zitate.html.
 */
function entityKey(site: SiteModel, e: EntityInfo, events: string): string {
  const { passages, ...rest } = e;
  let text = `${events}\0${JSON.stringify(rest)}\0${passages.length}${entityFields(site, e.country)}`;
  for (const c of e.cooccurring) text += entityFields(site, c.id);
  return textKey(`${text}\0${speakerQuotesPath(site, e.id) ?? ''}`);
}

const entityFields = (site: SiteModel, id: string | null): string => {
  const x = id !== null ? site.entities.get(id) : undefined;
  return x ? `\0${x.id}\0${x.name}\0${x.path}\0${x.type}` : `\0-${id ?? ''}`;
};

const articleFields = (site: SiteModel, id: string): string => {
  const a = site.byId.get(id);
  return `\0${id}\0${a ? recordKey(site, a) : '-'}`;
};

/**
 * Everything one entity page is made of, as its key (the page manifest keeps it, write/): the
 * entity's shared part (entityKey), the page's number and passages with the record of each
 * article they show (recordKey: source file and bytes, id, slug, path, quotation links), and on
 * the first page what its quotation cards show. Templates, corpus.yml and
 * the code version are in the manifest's salt. An equal key means an equal page, so a rebuild
 * links it without building its view model (test/render/entity-key.test.ts checks rebuilds after
 * edits against cold builds).
 */
export function sliceKey(site: SiteModel, e: EntityInfo, shared: string, slice: Slice): string {
  let text = `${shared}\0${slice.number}`;
  for (const p of slice.items) text += `\0${p.block}\0${p.start}\0${p.end}${articleFields(site, p.articleId)}`;
  if (slice.number === 1) {
    // What the quotation cards show (quoteCard): per card the group's size, its first carriers and the speaker.
    const heads = quoteHeads(site, e);
    text += `\0${heads.length}`;
    for (const r of heads.slice(0, MAX_ENTITY_QUOTES)) {
      const group = site.quoteGroupOf.get(r.articleId, r.index) ?? [r];
      text += `\0g${group.length}${entityFields(site, site.byId.get(r.articleId)?.quotes[r.index]?.speakerId ?? null)}`;
      for (const m of group.slice(0, MAX_CARRIERS)) text += `\0${m.index}${articleFields(site, m.articleId)}`;
    }
  }
  return `i:${textKey(text)}`;
}

/** The entity's quotations that head their group: one card each (only the group's first member renders it). */
function quoteHeads(site: SiteModel, e: EntityInfo): EntityInfo['quotes'] {
  return e.quotes.filter((r) => {
    const group = site.quoteGroupOf.get(r.articleId, r.index) ?? [r];
    return group[0]?.articleId === r.articleId && group[0]?.index === r.index;
  });
}

/** The key of every page of `e` (tests). */
export function entityInputKeys(site: SiteModel, e: EntityInfo, events: string): string[] {
  const shared = entityKey(site, e, events);
  return [...pages(e.path, e.passages)].map((slice) => sliceKey(site, e, shared, slice));
}

function entityPage(site: SiteModel, ctx: RenderContext, e: EntityInfo, slice: Slice): SpecPage {
  const h = ctx.helpers(slice.path);
  // A loop, not flatMap with a spread: entity pages show ~30 passages per article of the corpus.
  // Each passage names its article by id; the rendering thread puts in the teaser (passageTeasers).
  const passages: ({ article: string } & ReturnType<typeof passage>)[] = [];
  for (const p of slice.items) {
    const a = site.byId.get(p.articleId);
    if (!a) continue;
    let cut: ReturnType<typeof passage>;
    if (p.block === 'title') cut = passage(a.title, p.start, Math.min(p.end, a.title.length));
    else {
      const text = a.blocks[p.block]?.text;
      if (text === undefined) continue;
      cut = packedPassage(text, p.start, p.end);
    }
    passages.push({ article: a.id, ...cut });
  }
  // one card per statement (only the group's first member renders it), on the first page only
  const heads = slice.number > 1 ? [] : quoteHeads(site, e);
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
    passageTeasers: true,
  });
}
