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
  published: Published | null;
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

export interface SiteViewData {
  baseUrl: string | undefined;
  teasers: Map<string, TeaserFields>;
  entities: Map<string, EntityFields>;
  events: Map<string, { name: string; path: string; start: string; end: string }>;
  /** Article id → its publisher's name (null: unnamed) and page. */
  publishers: Map<string, { name: string | null; path: string }>;
  related: Map<string, Related[]>;
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
  const teasers = new Map<string, TeaserFields>();
  for (const a of site.articles) teasers.set(a.id, { title: a.title, path: a.path, publisher: a.source?.name ?? null, published: a.published });
  const entities = new Map<string, EntityFields>();
  for (const e of site.entities.values()) entities.set(e.id, { id: e.id, name: e.name, path: e.path, type: e.type });
  const events = new Map<string, { name: string; path: string; start: string; end: string }>();
  // first one wins, as site.events.find() did
  for (const ev of site.events) if (!events.has(ev.event.id)) events.set(ev.event.id, { name: ev.event.name, path: ev.path, start: ev.event.start, end: ev.event.end });
  const publishers = new Map<string, { name: string | null; path: string }>();
  for (const [id, p] of site.publisherOf) publishers.set(id, { name: p.name, path: p.path });
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
  return { baseUrl: site.knowledge.site.baseUrl, teasers, entities, events, publishers, related: site.related, groups, groupOf };
}

export function siteView(data: SiteViewData): SiteView {
  return {
    baseUrl: data.baseUrl,
    teaser: (id) => data.teasers.get(id),
    entity: (id) => data.entities.get(id),
    event: (id) => data.events.get(id),
    publisher: (id) => data.publishers.get(id),
    related: (id) => data.related.get(id) ?? [],
    quoteGroup: (id, index) => {
      const n = data.groupOf.get(id)?.[index];
      return n === undefined || n < 0 ? undefined : data.groups[n];
    },
  };
}
