/** Article pages: artikel/<slug>.html, one per article, streamed. */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import { patchOf } from '../../index/digest.ts';
import type { ArticleDigest } from '../../model/digest.ts';
import type { EntityType } from '../../model/enriched.ts';
import type { SpecPage } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { recordKey, specPage } from '../lazy.ts';
import { absoluteUrl } from '../paths.ts';
import { entityLink, publisherLink, quoteCard, teaser, TYPE_LABELS, type EntityLink } from './shared.ts';

const PROVENANCE: Record<string, string> = { declared: 'angegeben', extracted: 'aus dem Text', inferred: 'erschlossen' };

export function* articlePages(site: SiteModel, ctx: RenderContext): Generator<SpecPage> {
  for (const a of site.articles) {
    const page = articlePage(site, ctx, a);
    if (page) yield page;
  }
}

/**
 * A spec page (render/lazy.ts): the key is the view model without the body plus what the body
 * reads — the record and the paths of the entities it links; the body is rendered from the full
 * record in the record store, only when the page is rendered. Null when the record is not stored.
 */
export function articlePage(site: SiteModel, ctx: RenderContext, a: ArticleDigest): SpecPage | null {
  const loc = site.build.locs?.get(a.id);
  if (!loc) return null;
  const h = ctx.helpers(a.path);
  const groups = (['person', 'place', 'organisation'] as const satisfies readonly EntityType[]).map((type) => ({
    type,
    label: TYPE_LABELS[type].many,
    items: a.entities
      .filter((r) => r.type === type)
      .sort((x, y) => y.mentions - x.mentions || (x.name < y.name ? -1 : 1))
      .flatMap((r) => {
        const e = site.entities.get(r.id);
        return e ? [{ ...entityLink(e, h), mentions: r.mentions }] : [];
      }),
  })).filter((g) => g.items.length > 0);
  const eventInfo = (id: string) => {
    const ev = site.events.find((x) => x.event.id === id);
    return ev ? { name: ev.event.name, href: h.href(ev.path), range: h.range(ev.event.start, ev.event.end) } : null;
  };
  const otherOutlets = a.quotes.flatMap((q, index) => {
    const group = site.quoteGroupOf.get(`${a.id}#${index}`) ?? [];
    if (group.length < 2) return [];
    const card = quoteCard(site, group, h);
    return card ? [{ ...card, carriers: card.carriers.filter((c) => c.article.href !== h.href(a.path)) }] : [];
  });
  const publisher = publisherLink(site, a.id, h);
  const related = (site.related.get(a.id) ?? []).flatMap((r) => {
    const b = site.byId.get(r.id);
    if (!b) return [];
    const shared: EntityLink[] = r.sharedEntities.flatMap((id) => {
      const e = site.entities.get(id);
      return e ? [entityLink(e, h)] : [];
    });
    return [{ ...teaser(site, b, h), shared }];
  });
  const data = {
    article: {
      title: a.title,
      titleInferred: a.titleProvenance === 'inferred',
      titleEvidence: a.titleEvidence,
      publisher: a.source && publisher ? { ...publisher, provenance: PROVENANCE[a.source.provenance] ?? a.source.provenance, inferred: a.source.provenance === 'inferred', evidence: a.source.evidence } : null,
      date: a.published ? { iso: a.published.date, text: h.date(a.published.date), provenance: PROVENANCE[a.published.provenance] ?? a.published.provenance, inferred: a.published.provenance === 'inferred', evidence: a.published.evidence } : null,
      readingTime: h.readingTime(a.readingMinutes),
      wordCount: h.number(a.wordCount),
      credits: a.credits,
      sourceFile: a.sourceFile,
    },
    event: a.event !== null ? eventInfo(a.event) : null,
    mentionedEvents: a.mentionedEvents.filter((id) => id !== a.event).flatMap((id) => eventInfo(id) ?? []),
    entityGroups: groups,
    related,
    otherOutlets,
  };
  const baseUrl = site.knowledge.site.baseUrl;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    inLanguage: a.language,
    wordCount: a.wordCount,
    ...(a.published ? { datePublished: a.published.date } : {}),
    ...(a.source ? { publisher: { '@type': 'Organization', name: a.source.name } } : {}),
    ...(absoluteUrl(baseUrl, a.path) !== null ? { url: absoluteUrl(baseUrl, a.path), mainEntityOfPage: absoluteUrl(baseUrl, a.path) } : {}),
    ...(a.entities.length > 0 ? { mentions: a.entities.map((e) => ({ '@type': SCHEMA_TYPES[e.type], name: e.name })) } : {}),
  };
  const first = a.blocks.find((b) => b.type === 'paragraph');
  const entityPaths = a.entities.map((r) => site.entities.get(r.id)?.path ?? null);
  return specPage({
    path: a.path,
    template: 'article',
    title: a.title,
    description: first ? clip(first.text, 200) : a.title,
    section: null,
    crumbs: [
      publisher ? { label: publisher.name, path: site.publisherOf.get(a.id)?.path ?? PAGES.publishers } : { label: 'Quellen', path: PAGES.publishers },
      { label: a.title, path: null },
    ],
    data,
    jsonLd: [jsonLd],
    ogType: 'article',
  }, { record: recordKey(site, a), entityPaths }, { loc, patch: patchOf(a), entityPaths });
}

export const SCHEMA_TYPES: Readonly<Record<EntityType, string>> = { person: 'Person', place: 'Place', organisation: 'Organization' };

const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, s.lastIndexOf(' ', n) > n / 2 ? s.lastIndexOf(' ', n) : n)} …`);
