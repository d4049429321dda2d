/**
 * Groupings the pages need, each computed once: articles newest first, per publisher, per event,
 * and quotations carried by several outlets (sameAs groups).
 */
import type { EnrichedArticle } from '../model/enriched.ts';
import type { CorpusEvent } from '../model/knowledge.ts';
import { slugify } from '../normalise/slug.ts';
import type { QuoteRef } from './entities.ts';
import { eventPath, publisherPath } from './paths.ts';

export interface PublisherInfo {
  /** null: articles whose publisher the text does not name. */
  name: string | null;
  slug: string;
  path: string;
  /** Article ids, newest first. */
  articles: string[];
}

export interface EventInfo {
  event: CorpusEvent;
  path: string;
  /** Articles whose main event this is, newest first. */
  articles: string[];
  /** Articles that mention it without being about it. */
  mentionedIn: string[];
}

export const UNKNOWN_PUBLISHER_SLUG = 'ohne-angabe';

/** Newest first; undated articles last; ties by id so the order is stable. */
export function chronology(articles: readonly EnrichedArticle[]): EnrichedArticle[] {
  return [...articles].sort((a, b) => {
    const da = a.published?.date ?? '';
    const db = b.published?.date ?? '';
    return da === db ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : da < db ? 1 : -1;
  });
}

export function groupPublishers(order: readonly EnrichedArticle[], collator: Intl.Collator): PublisherInfo[] {
  const bySlug = new Map<string, PublisherInfo>();
  for (const a of order) {
    const name = a.source?.name ?? null;
    let slug = name === null ? UNKNOWN_PUBLISHER_SLUG : slugify(name) || 'quelle';
    // a publisher literally named "ohne Angabe" must not swallow the unnamed ones
    if (name !== null && slug === UNKNOWN_PUBLISHER_SLUG) slug = `${slug}-quelle`;
    let info = bySlug.get(slug);
    if (!info) bySlug.set(slug, (info = { name, slug, path: publisherPath(slug), articles: [] }));
    info.articles.push(a.id);
  }
  return [...bySlug.values()].sort((p, q) => (p.name === null ? 1 : q.name === null ? -1 : collator.compare(p.name, q.name)));
}

export function groupEvents(order: readonly EnrichedArticle[], events: readonly CorpusEvent[]): EventInfo[] {
  const byId = new Map<string, EventInfo>();
  for (const event of [...events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1))) {
    byId.set(event.id, { event, path: eventPath(event.id), articles: [], mentionedIn: [] });
  }
  for (const a of order) {
    if (a.event !== null) byId.get(a.event)?.articles.push(a.id);
    for (const m of a.mentionedEvents) if (m !== a.event) byId.get(m)?.mentionedIn.push(a.id);
  }
  return [...byId.values()];
}

/**
 * The same statement in several outlets: quotes joined when one names the other's article in
 * `sameAs` and both have the same speaker. Union-find, so A~B and B~C make one group.
 * Groups are ordered by size (most carried first), then by first article id.
 */
export function quoteGroups(articles: readonly EnrichedArticle[]): QuoteRef[][] {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const key = (r: QuoteRef) => `${r.articleId}#${r.index}`;
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  const refs: QuoteRef[] = [];
  for (const a of articles) a.quotes.forEach((_, index) => {
    const r = { articleId: a.id, index };
    refs.push(r);
    parent.set(key(r), key(r));
  });
  // sameAs as sets, built once: a quote repeated by hundreds of outlets must not cost |group|² list scans
  const sameAs = new Map<string, Set<string>>();
  for (const a of articles) a.quotes.forEach((q, index) => sameAs.set(`${a.id}#${index}`, new Set(q.sameAs)));
  for (const a of articles) a.quotes.forEach((q, index) => {
    for (const otherId of q.sameAs) {
      if (otherId < a.id) continue; // symmetric: the pair is joined from its smaller id
      const other = byArticle.get(otherId);
      other?.quotes.forEach((q2, j) => {
        if (q2.speakerId === q.speakerId && (sameAs.get(`${otherId}#${j}`)?.has(a.id) === true || q2.text === q.text)) {
          const ra = find(`${a.id}#${index}`);
          const rb = find(`${otherId}#${j}`);
          if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
        }
      });
    }
  });
  const groups = new Map<string, QuoteRef[]>();
  for (const r of refs) {
    const root = find(key(r));
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(r);
  }
  const firstKey = (g: QuoteRef[]) => (g[0] ? key(g[0]) : '');
  return [...groups.values()].sort((p, q) => q.length - p.length || (firstKey(p) < firstKey(q) ? -1 : 1));
}
