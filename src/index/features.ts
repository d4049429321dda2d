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
import { quoteTerms } from './quotes.ts';
import { analyseFields, articleVector } from './analysis.ts';
import type { NamedVector } from './related.ts';
import { articleSearchFields, type FieldAnalysis } from './search.ts';

export interface DocumentFeatures {
  search: FieldAnalysis[];
  related: NamedVector;
}

/** Stems recur in every article: one memo per thread (bounded inside quoteTerms' callers). */
const quoteMemo = new Map<string, string | null>();

export function quoteTermsOf(quotes: readonly { text: string }[]): string[][] {
  if (quoteMemo.size > 200_000) quoteMemo.clear();
  return quotes.map((q) => quoteTerms(q.text, quoteMemo));
}

export function documentFeatures(digest: FullDigest): DocumentFeatures {
  return { search: analyseFields(articleSearchFields(digest)), related: articleVector(digest) };
}
