/**
 * The per-article half of the index stage: what the corpus-level computations need to know about
 * one article, computed right after the article is made (on the worker thread that made it), so
 * that the main thread only merges. Each function is the exact per-article part of a corpus
 * computation elsewhere in this folder:
 *
 * - `searchFeatures` → the article's contribution to the inverted index (search.ts)
 * - `relatedFeatures` → its term vector for related articles (related.ts)
 * - `quoteTermsOf` → the content stems of each quotation, for matching across outlets (quotes.ts)
 */
import type { FullDigest } from '../model/digest.ts';
import { jsonOfBytes } from '../model/record-json.ts';
import { quoteTerms } from './quotes.ts';
import { analyseFieldsBoth, analyseFieldsShipped, articleVectorBoth, articleVectorShipped, shipFields, shipVector } from './analysis.ts';
import type { CodedVector, NamedVector } from './related.ts';
import { articleSearchFields, type CodedField, type FieldAnalysis } from './search.ts';
import { Shipper, type Shipment } from './vocabulary.ts';

/** Terms and features as numbers: the thread's own until a Vocabulary received them (vocabulary.ts), then the vocabulary's. */
export interface DocumentFeatures {
  search: CodedField[];
  related: CodedVector;
  /** The thread's new names; present until received. */
  shipment?: Shipment;
}

/** A thread's shippers, one per namespace (vocabulary.ts); `source`: the thread's index. */
export interface Shippers {
  source: number;
  terms: Shipper;
  features: Shipper;
}

export function shippers(source: number): Shippers {
  return { source, terms: new Shipper(), features: new Shipper() };
}

/** Stems recur in every article: one memo per thread (bounded inside quoteTerms' callers). */
const quoteMemo = new Map<string, string | null>();

export function quoteTermsOf(quotes: readonly { text: string }[]): string[][] {
  if (quoteMemo.size > 200_000) quoteMemo.clear();
  return quotes.map((q) => quoteTerms(q.text, quoteMemo));
}

export function documentFeatures(digest: FullDigest, ship: Shippers): DocumentFeatures {
  const search = analyseFieldsShipped(articleSearchFields(digest), ship.terms);
  const related = articleVectorShipped(digest, ship.features);
  return { search, related, shipment: shipment(ship) };
}

/**
 * The features by name: what the record cache keeps of a new article, so that a cache hit ships
 * them (shipNamedFeatures) instead of analysing the article's text again.
 */
export interface NamedFeatures {
  search: FieldAnalysis[];
  related: NamedVector;
}

/** documentFeatures, and the same features by name, from one analysis. */
export function documentFeaturesNamed(digest: FullDigest, ship: Shippers): { features: DocumentFeatures; named: NamedFeatures } {
  const search = analyseFieldsBoth(articleSearchFields(digest), ship.terms);
  const related = articleVectorBoth(digest, ship.features);
  return { features: { search: search.coded, related: related.coded, shipment: shipment(ship) }, named: { search: search.named, related: related.named } };
}

/** Features kept by name, shipped as documentFeatures ships them (the same names, counts and weights, in the same order). */
export function shipNamedFeatures(named: NamedFeatures, ship: Shippers): DocumentFeatures {
  const search = shipFields(named.search, ship.terms);
  const related = shipVector(named.related, ship.features);
  return { search, related, shipment: shipment(ship) };
}

/**
 * NamedFeatures as the record cache keeps them (cache/store.ts StoredHead): JSON in UTF-8, ~6 KB
 * an article — v8's serialiser took twice that, German text making most strings two-byte.
 */
export function encodeNamedFeatures(f: NamedFeatures): Uint8Array {
  return Buffer.from(JSON.stringify([f.search.map((x) => [x.length, x.terms, x.counts]), f.related.names, f.related.weights]));
}

export function decodeNamedFeatures(bytes: Uint8Array): NamedFeatures {
  // written by encodeNamedFeatures (a cache entry whose key matched)
  const [search, names, weights] = jsonOfBytes(bytes) as [[number, string[], number[]][], string[], number[]];
  return { search: search.map(([length, terms, counts]) => ({ length, terms, counts })), related: { names, weights } };
}

const shipment = (ship: Shippers): Shipment => ({ source: ship.source, terms: ship.terms.take(), features: ship.features.take() });
