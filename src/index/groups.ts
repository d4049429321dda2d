/**
 * Groupings the pages need, each computed once: articles newest first, per publisher, per event,
 * and quotations carried by several outlets (sameAs groups).
 */
import type { ArticleDigest } from '../model/digest.ts';
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
export function chronology(articles: readonly ArticleDigest[]): ArticleDigest[] {
  return [...articles].sort((a, b) => {
    const da = a.published?.date ?? '';
    const db = b.published?.date ?? '';
    return da === db ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : da < db ? 1 : -1;
  });
}

export function groupPublishers(order: readonly ArticleDigest[], collator: Intl.Collator): PublisherInfo[] {
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

export function groupEvents(order: readonly ArticleDigest[], events: readonly CorpusEvent[]): EventInfo[] {
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
export function quoteGroups(articles: readonly ArticleDigest[]): QuoteRef[][] {
  // Quotes numbered in article order; union-find over those integers (string keys per quote cost
  // more than the whole grouping). Membership alone decides the groups, so the root chosen by a
  // union does not matter.
  const articleIndex = new Map<string, number>();
  const offset: number[] = [];
  const refs: QuoteRef[] = [];
  articles.forEach((a, i) => {
    articleIndex.set(a.id, i);
    offset.push(refs.length);
    for (let index = 0; index < a.quotes.length; index++) refs.push({ articleId: a.id, index });
  });
  const parent = new Int32Array(refs.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (k: number): number => {
    let root = k;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[k] !== root) {
      const next = parent[k] as number;
      parent[k] = root;
      k = next;
    }
    return root;
  };
  articles.forEach((a, ai) => {
    a.quotes.forEach((q, index) => {
      for (const otherId of q.sameAs) {
        if (otherId < a.id) continue; // symmetric: the pair is joined from its smaller id
        const oi = articleIndex.get(otherId);
        if (oi === undefined) continue;
        const other = articles[oi] as ArticleDigest; // index from the map above
        other.quotes.forEach((q2, j) => {
          // sameAs is capped (quotes.json maxSameAs), so the list scan stays short
          if (q2.speakerId === q.speakerId && (q2.sameAs.includes(a.id) || q2.text === q.text)) {
            const ra = find((offset[ai] as number) + index);
            const rb = find((offset[oi] as number) + j);
            if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
          }
        });
      }
    });
  });
  const groups = new Map<number, QuoteRef[]>();
  refs.forEach((r, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(r);
  });
  const keyed = [...groups.values()].map((g) => ({ g, first: g[0] ? `${g[0].articleId}#${g[0].index}` : '' }));
  return keyed.sort((p, q) => q.g.length - p.g.length || (p.first < q.first ? -1 : 1)).map((x) => x.g);
}
