/**
 * index: the corpus-level stage. Cross-references that need every article at once, computed
 * once here so that render stays linear: per-entity article lists and passages, per-publisher
 * and per-event lists, related articles (inverted index, not all pairs), quotation groups.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';
import { buildEntities, type EntityInfo, type QuoteRef } from './entities.ts';
import { chronology, groupEvents, groupPublishers, quoteGroups, type EventInfo, type PublisherInfo } from './groups.ts';
import { relatedArticles, type Related } from './related.ts';
import { linkQuotes } from './quotes.ts';
import { ruleDescriptions } from './rules.ts';

export type { EntityInfo, EventInfo, PublisherInfo, QuoteRef, Related };
export type { Passage } from './entities.ts';

export interface SiteModel {
  knowledge: Knowledge;
  /** Sorted by id. */
  articles: EnrichedArticle[];
  /** What the build saw: every input file and every diagnostic (for the build report). */
  build: BuildInfo;
  /** Article by id. */
  byId: Map<string, EnrichedArticle>;
  /** Articles newest first (undated last). */
  newest: EnrichedArticle[];
  /** Every entity (corpus.yml ∪ extracted), by id; iterate `entityOrder` for A–Z. */
  entities: Map<string, EntityInfo>;
  /** Entity ids in German collation order of their names. */
  entityOrder: string[];
  /** Events by start date. */
  events: EventInfo[];
  /** Publishers A–Z, the unnamed group last. */
  publishers: PublisherInfo[];
  /** Publisher by article id. */
  publisherOf: Map<string, PublisherInfo>;
  related: Map<string, Related[]>;
  /** The same statement across outlets; biggest groups first. */
  quoteGroups: QuoteRef[][];
  /** The group of a quotation, keyed `articleId#index`. */
  quoteGroupOf: Map<string, QuoteRef[]>;
  /** Why a normalisation rule removes or repairs text, by rule name. */
  ruleDescriptions: ReadonlyMap<string, string>;
}

export interface BuildInfo {
  /** Every input file discovered, relative to the seeds folder, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
  /**
   * Optional: article id → what its record was made from (source file + sha256 of the bytes, see
   * parallel/stage.ts). Lets render/lazy.ts key pages by input instead of hashing records.
   */
  inputs?: ReadonlyMap<string, string>;
}

/** German collation: Ä files with A, Ö with O (DIN 5007-1), case differences last. */
export const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

export function buildSiteModel(records: EnrichedArticle[], knowledge: Knowledge, build: BuildInfo): SiteModel {
  const articles = linkQuotes([...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const newest = chronology(articles);
  const entities = buildEntities(newest, knowledge, collator);
  const entityOrder = [...entities.values()]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
  const publishers = groupPublishers(newest, collator);
  const publisherOf = new Map<string, PublisherInfo>();
  for (const p of publishers) for (const id of p.articles) publisherOf.set(id, p);
  const groups = quoteGroups(articles);
  const quoteGroupOf = new Map<string, QuoteRef[]>();
  for (const g of groups) for (const r of g) quoteGroupOf.set(`${r.articleId}#${r.index}`, g);
  return {
    knowledge,
    articles,
    build,
    byId: new Map(articles.map((a) => [a.id, a])),
    newest,
    entities,
    entityOrder,
    events: groupEvents(newest, knowledge.events),
    publishers,
    publisherOf,
    related: relatedArticles(articles),
    quoteGroups: groups,
    quoteGroupOf,
    ruleDescriptions: ruleDescriptions(),
  };
}
