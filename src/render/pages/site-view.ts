/**
 * What an article page shows of the rest of the site — teasers of other articles, entity and
 * event links, the publisher, related articles, the other outlets of its quotations — as plain
 * data a worker thread can hold (`SiteViewData`, sent once per build), so the threads build the
 * article pages' view models themselves and the main thread does not build 10 000 of them.
 * `siteView` answers the questions article.ts asks, the same on every thread.
 */
import type { SiteModel } from '../../index/index.ts';
import type { Related } from '../../index/related.ts';
import type { Published } from '../../model/enriched.ts';
import type { EntityType } from '../../model/enriched.ts';
import { MAX_CARRIERS } from './shared.ts';

export interface TeaserFields {
  title: string;
  path: string;
  publisher: string | null;
  /** What a teaser shows of the date: no evidence (the article's own page reads that from its record). */
  published: Pick<Published, 'date' | 'provenance'> | null;
}

export interface EntityFields {
  id: string;
  name: string;
  path: string;
  type: EntityType;
}

export interface QuoteGroupFields {
  size: number;
  text: string;
  speakerId: string | null;
  speakerName: string | null;
  evidence: string;
  /** The first MAX_CARRIERS carrying articles, in group order. */
  carriers: string[];
}

/**
 * Sent to every thread once per build (v8-serialised, parallel/pool.ts), so it is made compact:
 * each article id is sent once (`articles`), and everything per article is an array in that order
 * or numbers into it — the serialiser copies a string at every place it occurs, and at 100 000
 * articles the view as maps of objects was ~290 MB on each thread.
 */
export interface SiteViewData {
  baseUrl: string | undefined;
  /** Article ids, in site order: what the numbers below count. */
  articles: string[];
  /** Per article (same order). */
  teasers: TeaserFields[];
  entities: EntityFields[];
  events: Map<string, { name: string; path: string; start: string; end: string }>;
  /** Each publisher once: its name (null: unnamed) and page. */
  publishers: { name: string | null; path: string }[];
  /** Per article: its number in `publishers`, −1 for none. */
  publisherOf: Int32Array;
  /**
   * Related articles: those of article n are `relatedItems[relatedStart[n]] … [relatedStart[n + 1] − 1]`,
   * each as [article number, score × 1000, k, then k numbers into `entities`: the shared ones].
   */
  relatedStart: Int32Array;
  relatedItems: Int32Array;
  groups: QuoteGroupFields[];
  /** Article id → per quotation the index into `groups` (−1: in no group of two or more). */
  groupOf: Map<string, number[]>;
}

export interface SiteView {
  readonly baseUrl: string | undefined;
  teaser(id: string): TeaserFields | undefined;
  entity(id: string): EntityFields | undefined;
  event(id: string): { name: string; path: string; start: string; end: string } | undefined;
  publisher(articleId: string): { name: string | null; path: string } | undefined;
  related(articleId: string): Related[];
  quoteGroup(articleId: string, index: number): QuoteGroupFields | undefined;
}

export function siteViewData(site: SiteModel): SiteViewData {
  const articles = site.articles.map((a) => a.id);
  const number = new Map<string, number>();
  articles.forEach((id, n) => number.set(id, n));
  const teasers = site.articles.map((a): TeaserFields => ({ title: a.title, path: a.path, publisher: a.source?.name ?? null, published: a.published ? { date: a.published.date, provenance: a.published.provenance } : null }));
  const entities: EntityFields[] = [];
  const entityNumber = new Map<string, number>();
  for (const e of site.entities.values()) {
    entityNumber.set(e.id, entities.length);
    entities.push({ id: e.id, name: e.name, path: e.path, type: e.type });
  }
  const events = new Map<string, { name: string; path: string; start: string; end: string }>();
  // first one wins, as site.events.find() did
  for (const ev of site.events) if (!events.has(ev.event.id)) events.set(ev.event.id, { name: ev.event.name, path: ev.path, start: ev.event.start, end: ev.event.end });
  const publishers: { name: string | null; path: string }[] = [];
  const publisherNumber = new Map<object, number>();
  const publisherOf = new Int32Array(articles.length).fill(-1);
  for (const [id, p] of site.publisherOf) {
    const n = number.get(id);
    if (n === undefined) continue;
    let k = publisherNumber.get(p);
    if (k === undefined) {
      publisherNumber.set(p, (k = publishers.length));
      publishers.push({ name: p.name, path: p.path });
    }
    publisherOf[n] = k;
  }
  const relatedStart = new Int32Array(articles.length + 1);
  const items: number[] = [];
  articles.forEach((id, n) => {
    relatedStart[n] = items.length;
    for (const r of site.related.get(id) ?? []) {
      const other = number.get(r.id);
      const shared = r.sharedEntities.map((e) => entityNumber.get(e));
      // a related article or shared entity the view does not know cannot be linked: not sent (never the case in a site model)
      if (other === undefined || shared.some((e) => e === undefined)) continue;
      items.push(other, Math.round(r.score * 1000), shared.length, ...(shared as number[]));
    }
  });
  relatedStart[articles.length] = items.length;
  const groups: QuoteGroupFields[] = [];
  const groupOf = new Map<string, number[]>();
  for (const g of site.quoteGroups) {
    if (g.length < 2) continue;
    const head = g[0];
    const q = head ? site.byId.get(head.articleId)?.quotes[head.index] : undefined;
    if (!head || !q) continue;
    const n = groups.length;
    groups.push({ size: g.length, text: q.text, speakerId: q.speakerId, speakerName: q.speakerName, evidence: q.evidence, carriers: g.slice(0, MAX_CARRIERS).map((r) => r.articleId) });
    for (const r of g) {
      let list = groupOf.get(r.articleId);
      if (!list) groupOf.set(r.articleId, (list = []));
      while (list.length < r.index) list.push(-1);
      list[r.index] = n;
    }
  }
  return { baseUrl: site.knowledge.site.baseUrl, articles, teasers, entities, events, publishers, publisherOf, relatedStart, relatedItems: Int32Array.from(items), groups, groupOf };
}

export function siteView(data: SiteViewData): SiteView {
  const number = new Map<string, number>();
  data.articles.forEach((id, n) => number.set(id, n));
  const entities = new Map<string, EntityFields>();
  for (const e of data.entities) entities.set(e.id, e);
  const { relatedStart: start, relatedItems: items } = data;
  return {
    baseUrl: data.baseUrl,
    teaser: (id) => {
      const n = number.get(id);
      return n === undefined ? undefined : data.teasers[n];
    },
    entity: (id) => entities.get(id),
    event: (id) => data.events.get(id),
    publisher: (id) => {
      const n = number.get(id);
      const k = n === undefined ? -1 : (data.publisherOf[n] as number);
      return k < 0 ? undefined : data.publishers[k];
    },
    related: (id) => {
      const n = number.get(id);
      if (n === undefined) return [];
      const out: Related[] = [];
      for (let i = start[n] as number; i < (start[n + 1] as number); ) {
        const other = data.articles[items[i] as number] as string;
        const score = (items[i + 1] as number) / 1000;
        const k = items[i + 2] as number;
        const sharedEntities: string[] = [];
        for (let j = 0; j < k; j++) sharedEntities.push((data.entities[items[i + 3 + j] as number] as EntityFields).id);
        out.push({ id: other, score, sharedEntities });
        i += 3 + k;
      }
      return out;
    },
    quoteGroup: (id, index) => {
      const n = data.groupOf.get(id)?.[index];
      return n === undefined || n < 0 ? undefined : data.groups[n];
    },
  };
}
