/** Entity pages: personen/<id>.html, orte/<id>.html, organisationen/<id>.html. */
import type { EntityInfo, SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { passage } from '../format.ts';
import { SCHEMA_TYPES } from './article.ts';
import { entityLink, quoteCard, teaser, TYPE_LABELS } from './shared.ts';

export function* entityPages(site: SiteModel, ctx: RenderContext): Generator<Page> {
  for (const id of site.entityOrder) {
    const e = site.entities.get(id);
    if (e) yield entityPage(site, ctx, e);
  }
}

function entityPage(site: SiteModel, ctx: RenderContext, e: EntityInfo): Page {
  const h = ctx.helpers(e.path);
  const passages = e.passages.flatMap((p) => {
    const a = site.byId.get(p.articleId);
    if (!a) return [];
    const text = p.block === 'title' ? a.title : a.blocks[p.block]?.text;
    if (text === undefined) return [];
    return [{ article: teaser(site, a, h), ...passage(text, p.start, Math.min(p.end, text.length)) }];
  });
  const quotes = e.quotes.flatMap((r) => {
    const group = site.quoteGroupOf.get(`${r.articleId}#${r.index}`) ?? [r];
    // one card per statement: only the group's first member renders it
    if (group[0]?.articleId !== r.articleId || group[0]?.index !== r.index) return [];
    return quoteCard(site, group, h) ?? [];
  });
  const country = e.country !== null ? site.entities.get(e.country) : undefined;
  const label = TYPE_LABELS[e.type];
  const data = {
    entity: { name: e.name, type: label.one, role: e.role, description: e.description, aliases: e.aliases, known: e.known, mentions: e.mentions },
    country: country ? entityLink(country, h) : null,
    passages,
    quotes,
    cooccurring: e.cooccurring.flatMap((c) => {
      const other = site.entities.get(c.id);
      return other ? [{ ...entityLink(other, h), articles: c.articles, typeLabel: TYPE_LABELS[other.type].one }] : [];
    }),
    events: site.events.filter((ev) => ev.event.place === e.id || ev.event.participants.includes(e.id)).map((ev) => ({ name: ev.event.name, href: h.href(ev.path), range: h.range(ev.event.start, ev.event.end) })),
  };
  return ctx.renderPage({
    path: e.path,
    template: 'entity',
    title: e.name,
    description: e.description || `${label.one}: ${e.name} – ${e.passages.length} Artikel`,
    section: 'register',
    crumbs: [{ label: 'Register', path: PAGES.register }, { label: e.name, path: null }],
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
