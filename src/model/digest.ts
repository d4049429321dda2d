/**
 * The article as the corpus-level stages see it. The full record (`EnrichedArticle`, with every
 * entity occurrence) stays in the record store beside the build (src/cache/store.ts) and is read
 * again only where a page needs it whole (the article page, `api/articles.json`); the index stage
 * and the corpus pages work on this digest, so the main thread never holds every full record.
 *
 * Built from the record by `digestOf` (src/index/digest.ts) in the same step that made the record,
 * on a worker thread when the build uses them.
 */
import type { Block } from './article.ts';
import type { EnrichedArticle, EntityRef } from './enriched.ts';
import type { PackedText } from './packed-text.ts';

/** Where an entity is first named in an article: the passage its entity page shows. */
export interface FirstMention {
  /** Index into `blocks`, or "title". */
  block: number | 'title';
  start: number;
  end: number;
}

/** An entity reference without its occurrence list: only the first mention (body before title). */
export type EntityDigest = Omit<EntityRef, 'occurrences'> & { first: FirstMention | null };

export type ArticleDigest = Omit<EnrichedArticle, 'entities' | 'blocks'> & {
  /**
   * The blocks, in the record's order, where the corpus pages show them: the lede (first paragraph,
   * and the first block) and the blocks of first mentions (entity passages). A lean digest
   * (`leanDigest`, what the document stages hand on) has `null` for every other block: at 100 000 articles
   * every byte per article held on the main thread counts, and the full blocks stay in the record
   * store (`SiteModel.blocksOf`). A digest made by `digestOf` still has them all (FullDigest).
   * The kept blocks' text is packed (model/packed-text.ts: one byte per character where V8 would
   * take two): `unpackText` before it is shown.
   */
  blocks: (LeanBlock | null)[];
  entities: EntityDigest[];
  /** Per quote (same order as `quotes`): its content stems, sorted and unique (src/index/quotes.ts). */
  quoteTerms: string[][];
  /** The event keywords of corpus.yml the text contains, lower-cased (the coverage page's topics). */
  topics: string[];
};

/** A block of a lean digest: its text packed (model/packed-text.ts). */
export type LeanBlock = Omit<Block, 'text'> & { text: PackedText };

/** A digest with every block, as `digestOf` makes it (what the per-article index features are computed from). */
export type FullDigest = Omit<ArticleDigest, 'blocks'> & { blocks: Block[] };

/** Where a record lives in the record store: segment number, byte offset, lengths of its two parts. */
export interface RecordLoc {
  segment: number;
  offset: number;
  /** Bytes of part A (digest, features, diagnostics: what a cache hit needs). */
  head: number;
  /** Bytes of part B (the full record: what the article page and the API need). */
  body: number;
}

/** What the corpus stages change in a record after the document stages made it. */
export interface RecordPatch {
  id: string;
  slug: string;
  path: string;
  /** `sameAs` per quote, in quote order. */
  sameAs: string[][];
}
