/**
 * zitate.html: every quotation, grouped by speaker, each statement once with every outlet that
 * carried it. Paginated (100 statements per page, see paginate.ts): a 100 000-article corpus has
 * tens of thousands of statements. The speaker index on page 1 links each speaker's first page.
 */
import type { SiteModel } from '../../index/index.ts';
import { collator } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { QuoteRef } from '../../index/entities.ts';
import type { SpecPage } from '../../model/page.ts';
import { specPage } from '../lazy.ts';
import type { RenderContext } from '../context.ts';
import { pagePath, pages, pageTitle, paginationView, PER_PAGE } from './paginate.ts';
import { oncePerSite, quoteCard, type QuoteCard } from './shared.ts';

/** Speakers in the index on page 1; the rest are reached through the pages. */
export const MAX_SPEAKER_INDEX = 200;

interface Speaker {
  name: string;
  entityId: string | null;
  /** Anchor id on the quotes page. */
  id: string;
  groups: QuoteRef[][];
  /** 1-based page of its first statement. */
  page: number;
}

/** Speakers with their statements, in page order; computed once per site (entity pages link into it). */
const speakersOf = oncePerSite((site): Speaker[] => {
  const bySpeaker = new Map<string, Speaker>();
  for (const group of site.quoteGroups) {
    const first = group[0];
    const q = first ? site.byId.get(first.articleId)?.quotes[first.index] : undefined;
    if (!q) continue;
    const entity = q.speakerId !== null ? site.entities.get(q.speakerId) : undefined;
    const name = entity?.name ?? q.speakerName;
    const key = entity?.id ?? `?${name ?? ''}`;
    let entry = bySpeaker.get(key);
    if (!entry) {
      const anchor = entity ? `sprecher-${entity.id}` : `sprecher-${bySpeaker.size + 1}`;
      bySpeaker.set(key, (entry = { name: name ?? 'Sprecher unbekannt', entityId: entity?.id ?? null, id: anchor, groups: [], page: 1 }));
    }
    entry.groups.push(group);
  }
  const speakers = [...bySpeaker.values()].sort((a, b) => b.groups.length - a.groups.length || collator.compare(a.name, b.name));
  let seen = 0;
  for (const s of speakers) {
    s.page = Math.floor(seen / PER_PAGE) + 1;
    seen += s.groups.length;
  }
  return speakers;
});

/** Where an entity's statements start on the quotes pages (`zitate.seite-3.html#sprecher-x`), or null. */
export function speakerQuotesPath(site: SiteModel, entityId: string): string | null {
  const s = speakersOf(site).find((x) => x.entityId === entityId);
  return s ? `${pagePath(PAGES.quotes, s.page)}#${s.id}` : null;
}

/**
 * zitate.html and its pages (364 at 10 000 articles) as view models: the threads render them, and
 * a rebuild renders only those whose view model changed (render/lazy.ts).
 */
export function* quotesPage(site: SiteModel, ctx: RenderContext): Generator<SpecPage> {
  const speakers = speakersOf(site);
  const items = speakers.flatMap((s) => s.groups.map((group) => ({ speaker: s, group })));
  const total = site.quoteGroups.length;
  for (const slice of pages(PAGES.quotes, items)) {
    const h = ctx.helpers(slice.path);
    const sections: { name: string; href: string | null; id: string; cards: QuoteCard[] }[] = [];
    for (const { speaker, group } of slice.items) {
      const card = quoteCard(site, group, h);
      if (!card) continue;
      let section = sections.at(-1);
      if (section?.id !== speaker.id) {
        const entity = speaker.entityId !== null ? site.entities.get(speaker.entityId) : undefined;
        sections.push((section = { name: speaker.name, href: entity ? h.href(entity.path) : null, id: speaker.id, cards: [] }));
      }
      section.cards.push(card);
    }
    const index = slice.number > 1 ? [] : speakers.slice(0, MAX_SPEAKER_INDEX).map((s) => ({
      name: s.name,
      id: s.id,
      count: s.groups.length,
      href: s.page === 1 ? `#${s.id}` : h.href(`${pagePath(PAGES.quotes, s.page)}#${s.id}`),
    }));
    yield specPage({
      path: slice.path,
      template: 'quotes',
      title: pageTitle('Zitate', slice),
      description: 'Wer sagte was – und welche Medien es zitierten',
      section: 'quotes',
      crumbs: slice.number > 1 ? [{ label: 'Zitate', path: PAGES.quotes }, { label: `Seite ${slice.number}`, path: null }] : [{ label: 'Zitate', path: null }],
      data: {
        speakers: sections,
        index,
        moreSpeakers: slice.number > 1 ? 0 : Math.max(0, speakers.length - MAX_SPEAKER_INDEX),
        total,
        pagination: paginationView(PAGES.quotes, slice, h),
      },
    });
  }
}
