/**
 * index: the corpus-level stage. Cross-references that need every article at once, computed
 * once here so that render stays linear: per-entity article lists and passages, per-publisher
 * and per-event lists, related articles (inverted index, not all pairs), quotation groups.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ArticleDigest, LeanBlock, RecordLoc } from '../model/digest.ts';
import { unpackText } from '../model/packed-text.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';
import type { RecordReader, RecordWriter } from '../cache/store.ts';
import type { Block } from '../model/article.ts';
import { decodeSegments, encodeSegments, recordSegments, storedBlocks } from '../model/record-json.ts';
import { digestOf, internDigest, packedDigest, StringPool, topicNeedles } from './digest.ts';
import { buildEntities, type EntityInfo, type QuoteRef } from './entities.ts';
import { documentFeatures, shippers, type DocumentFeatures } from './features.ts';
import { Vocabulary } from './vocabulary.ts';
import { chronology, groupEvents, groupPublishers, quoteGroups, type EventInfo, type PublisherInfo } from './groups.ts';
import { FeatureTable, relatedArticles, type Related, type Vector } from './related.ts';
import { linkQuotesInPlace } from './quotes.ts';
import { ruleDescriptions } from './rules.ts';
import { Postings } from './search.ts';

export type { EntityInfo, EventInfo, PublisherInfo, QuoteRef, Related };
export type { Passage } from './entities.ts';

export interface SiteModel {
  knowledge: Knowledge;
  /** Sorted by id. The full records stay in the record store (see `build.locs`). */
  articles: ArticleDigest[];
  /** What the build saw: every input file and every diagnostic (for the build report). */
  build: BuildInfo;
  /** Article by id. */
  byId: Map<string, ArticleDigest>;
  /** Articles newest first (undated last). */
  newest: ArticleDigest[];
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
  quoteGroupOf: QuoteGroupIndex;
  /** Why a normalisation rule removes or repairs text, by rule name. */
  ruleDescriptions: ReadonlyMap<string, string>;
  /** The articles' search analyses, merged (document n = articles[n]); search pages add the catalogue documents. */
  search: Postings;
  /**
   * An article's full blocks: from the digest when it has them all, else read from the record store
   * (lean digests, see ArticleDigest.blocks). For the pages that show a whole body (feeds) or
   * its text (search snippets).
   */
  blocksOf(a: Pick<ArticleDigest, 'id' | 'path' | 'blocks'>): Block[];
}

/**
 * The group of each quotation, by article and quotation index (a list per article: at 100 000
 * articles a key string per quotation was half a million strings).
 */
export class QuoteGroupIndex {
  private readonly byArticle = new Map<string, QuoteRef[][]>();
  set(ref: QuoteRef, group: QuoteRef[]): void {
    let list = this.byArticle.get(ref.articleId);
    if (!list) this.byArticle.set(ref.articleId, (list = []));
    list[ref.index] = group;
  }
  get(articleId: string, index: number): QuoteRef[] | undefined {
    return this.byArticle.get(articleId)?.[index];
  }
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
  /** Article id → where its full record is in the record store (absent: the record is not stored; pages that need it are skipped). */
  locs?: ReadonlyMap<string, RecordLoc>;
  /** Reads the record store of `locs` (SiteModel.blocksOf for lean digests). */
  records?: RecordReader;
}

/** German collation: Ä files with A, Ö with O (DIN 5007-1), case differences last. */
export const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/**
 * The corpus-level index, merged article by article: the per-article analyses (index/features.ts)
 * are folded in as they arrive, so they never pile up; `finish` does what needs every article at
 * once. Articles may arrive in any order as long as it is the same order every build (the
 * document stages feed them in file order); the site model is in id order.
 */
export class IndexBuilder {
  private digests: ArticleDigest[] = [];
  private readonly postings = new Postings();
  private readonly table = new FeatureTable();
  private vectors: Vector[] = [];
  private strings = new StringPool();
  private finished = false;
  private added = 0;

  /** `vocabulary`: the one the features were (or are to be) received by, in the order each thread made them. */
  constructor(private readonly vocabulary = new Vocabulary()) {}

  add(digest: ArticleDigest, features: DocumentFeatures): void {
    if (this.finished) throw new Error('index: add nach finish');
    const f = features.shipment ? this.vocabulary.receive(features) : features;
    const n = this.added++;
    this.digests.push(internDigest(digest, this.strings));
    this.postings.addCoded(n, f.search, this.vocabulary.terms.list);
    this.vectors.push(this.table.internCoded(f.related, this.vocabulary.features.list));
  }

  /** Articles added (also after finish). */
  get size(): number {
    return this.added;
  }

  /**
   * `settle`: corpus-wide fixes to the digests before anything reads them (slugs); it must keep
   * the array's order and length.
   */
  finish(knowledge: Knowledge, build: BuildInfo, settle: (digests: ArticleDigest[]) => ArticleDigest[] = (d) => d): SiteModel {
    if (this.finished) throw new Error('index: finish zweimal');
    const settled = settle(this.digests);
    const order = settled.map((_, i) => i).sort((a, b) => {
      const x = (settled[a] as ArticleDigest).id; // indices of settled
      const y = (settled[b] as ArticleDigest).id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const rank = new Int32Array(order.length);
    order.forEach((provisional, final) => {
      rank[provisional] = final;
    });
    this.postings.renumber(rank);
    const sorted = order.map((i) => settled[i] as ArticleDigest);
    const vectors = order.map((i) => this.vectors[i] as Vector);
    // The builder is used up: the vectors (~4 KB an article) are needed only for related articles,
    // and the caller may keep the builder until the build ends.
    this.finished = true;
    this.vectors = [];
    this.digests = [];
    this.strings = new StringPool();
    return siteModel(sorted, knowledge, build, this.postings, { table: this.table, vectors });
  }
}

/**
 * The whole index from full records in one call (tests, tools). With `store`, the records are put
 * into it and `build.locs` says where, so the pages that need full records can be rendered.
 */
export function buildSiteModel(records: EnrichedArticle[], knowledge: Knowledge, build: BuildInfo, store?: RecordWriter): SiteModel {
  const builder = new IndexBuilder();
  const locs = new Map(build.locs ?? []);
  const needles = topicNeedles(knowledge.events);
  const ship = shippers(0);
  for (const r of records) {
    const d = digestOf(r, needles);
    const features = documentFeatures(d, ship);
    builder.add(packedDigest(d), features);
    if (store) {
      const head = { key: r.id, id: r.id, slug: r.slug, path: r.path, ingestDiagnostics: [], normaliseDiagnostics: [], enrichDiagnostics: [] };
      locs.set(r.id, store.append(head, encodeSegments(recordSegments(r))));
    }
  }
  return builder.finish(knowledge, store ? { ...build, locs } : build);
}

function siteModel(sorted: ArticleDigest[], knowledge: Knowledge, build: BuildInfo, search: Postings, vectors: { table: FeatureTable; vectors: Vector[] }): SiteModel {
  const articles = linkQuotesInPlace(sorted);
  const newest = chronology(articles);
  const entities = buildEntities(newest, knowledge, collator);
  const entityOrder = [...entities.values()]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
  const publishers = groupPublishers(newest, collator);
  const publisherOf = new Map<string, PublisherInfo>();
  for (const p of publishers) for (const id of p.articles) publisherOf.set(id, p);
  const groups = quoteGroups(articles);
  const quoteGroupOf = new QuoteGroupIndex();
  for (const g of groups) for (const r of g) quoteGroupOf.set(r, g);
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
    related: relatedArticles(articles, {}, vectors),
    quoteGroups: groups,
    quoteGroupOf,
    ruleDescriptions: ruleDescriptions(),
    search,
    blocksOf: (a) => {
      if (!a.blocks.includes(null)) return (a.blocks as LeanBlock[]).map((b) => ({ ...b, text: unpackText(b.text) })); // checked: no null
      const loc = build.locs?.get(a.id);
      if (!loc || !build.records) throw new Error(`index: der volle Text von ${a.path} ist nicht im Datensatzspeicher`);
      return storedBlocks(decodeSegments(build.records.body(loc)));
    },
  };
}
