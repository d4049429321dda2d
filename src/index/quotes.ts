/**
 * linkQuotes: the same statement in several articles — same speaker, near-identical wording,
 * different translations. A quote becomes a set of content stems (the search's German analysis:
 * stop words out, umlauts folded, Snowball stem); two quotes of one speaker match when the overlap
 * covers most of the smaller one (containment) and a fair share of both (Jaccard).
 *
 * Candidates come from an inverted index keyed by speaker + stem, probed only with each quote's
 * rarest stems (prefix filtering): if A ∩ B covers at least θ·|A| stems, any |A| − ⌈θ·|A|⌉ + 1 of
 * A's stems include one of B's, so probing with that many rarest stems misses no pair (the
 * smaller quote of a pair always finds the larger). No all-pairs loop; deterministic. Identical
 * quotes (same speaker, same stems) are one node, so a statement repeated in thousands of articles
 * costs one comparison, and each `sameAs` is capped at `maxSameAs` ids (quotes.json).
 */
import * as z from 'zod';
import type { Quote } from '../model/enriched.ts';
import raw from './quotes.json' with { type: 'json' };
import { scanSearchWords } from './analysis.ts';
import { queryTerm } from './search-text.ts';

const Settings = z.strictObject({
  $source: z.string().min(1),
  minTerms: z.number().int().positive(),
  minShared: z.number().int().positive(),
  minContainment: z.number().gt(0).max(1),
  minJaccard: z.number().min(0).max(1),
  maxSameAs: z.number().int().positive(),
});
export const LINK_SETTINGS = Settings.parse(raw);

interface Ref {
  article: number;
  quote: number;
}

/** One distinct (speaker, stem set): identical quotes in many articles are matched once. */
interface Node {
  speaker: string;
  terms: string[];
  refs: Ref[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function speakerKey(q: Quote): string | undefined {
  if (q.speakerId !== null) return `id:${q.speakerId}`;
  if (q.speakerName !== null) return `name:${q.speakerName.toLowerCase()}`;
  return undefined;
}

/** `memo`: stemming dominates on large corpora, and the same words recur in every article. */
export function quoteTerms(text: string, memo?: Map<string, string | null>): string[] {
  const set = new Set<string>();
  scanSearchWords(text, (word) => {
    let term = memo?.get(word);
    if (term === undefined) {
      term = queryTerm(word);
      memo?.set(word, term);
    }
    if (term !== null) set.add(term);
  });
  return [...set].sort(byCodePoint);
}

export function similar(a: readonly string[], b: readonly string[], s = LINK_SETTINGS): boolean {
  const small = a.length <= b.length ? a : b;
  const large = new Set(a.length <= b.length ? b : a);
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  const union = a.length + b.length - shared;
  return shared >= s.minShared && shared / small.length >= s.minContainment && shared / union >= s.minJaccard;
}

/** What linkQuotes reads of an article; `quoteTerms` when the stems were computed with the article (index/features.ts). */
export interface QuoteCarrier {
  id: string;
  quotes: Quote[];
  quoteTerms?: string[][];
}

function nodesOf(records: readonly QuoteCarrier[]): Node[] {
  const bySignature = new Map<string, Node>();
  const memo = new Map<string, string | null>();
  records.forEach((r, article) => {
    r.quotes.forEach((q, quote) => {
      const speaker = speakerKey(q);
      const terms = r.quoteTerms?.[quote] ?? quoteTerms(q.text, memo);
      if (speaker === undefined || terms.length < LINK_SETTINGS.minTerms) return;
      const signature = `${speaker}\u0002${terms.join(' ')}`;
      const node = bySignature.get(signature);
      if (node) node.refs.push({ article, quote });
      else bySignature.set(signature, { speaker, terms, refs: [{ article, quote }] });
    });
  });
  return [...bySignature.values()];
}

/**
 * Pairs of similar nodes (each node is also linked to itself), found through an inverted index
 * per speaker (stem → nodes): quotes of different speakers never match.
 */
function linkNodes(nodes: readonly Node[]): Set<number>[] {
  const s = LINK_SETTINGS;
  const bySpeaker = new Map<string, Map<string, number[]>>();
  for (const [i, node] of nodes.entries()) {
    let postings = bySpeaker.get(node.speaker);
    if (!postings) bySpeaker.set(node.speaker, (postings = new Map()));
    for (const t of node.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  }
  const links = nodes.map((_, i) => new Set<number>([i]));
  for (const [i, node] of nodes.entries()) {
    const postings = bySpeaker.get(node.speaker)!;
    const ranked = node.terms.map((t) => ({ t, list: postings.get(t)! }));
    ranked.sort((a, b) => a.list.length - b.list.length || byCodePoint(a.t, b.t));
    const prefix = node.terms.length - Math.ceil(s.minContainment * node.terms.length) + 1;
    for (const { list } of ranked.slice(0, prefix)) {
      for (const j of list) {
        const other = nodes[j];
        if (!other || links[i]?.has(j) || !similar(node.terms, other.terms, s)) continue;
        links[i]?.add(j);
        links[j]?.add(i);
      }
    }
  }
  return links;
}

/** The first `n` distinct strings of `ids` in code-point order. */
function smallest(ids: Iterable<string>, n: number): string[] {
  return [...new Set(ids)].sort(byCodePoint).slice(0, n);
}

/**
 * The `sameAs` of each quotation, by article and quote position (quotations carried nowhere
 * else: absent). A node's list comes from the smallest maxSameAs + 1 article ids of itself and
 * each neighbour (a quote drops at most its own article), so a statement carried by thousands of
 * articles sorts its ids once, not once per similar node.
 */
function sameAsLists(records: readonly QuoteCarrier[]): (string[] | undefined)[][] {
  const keep = LINK_SETTINGS.maxSameAs + 1;
  const nodes = nodesOf(records);
  const links = linkNodes(nodes);
  const idsOf = (node: Node) => node.refs.map((ref) => records[ref.article]?.id ?? '').filter((id) => id !== '');
  const first = nodes.map((node) => smallest(idsOf(node), keep));
  const byQuote: (string[] | undefined)[][] = records.map(() => []);
  for (const [i, node] of nodes.entries()) {
    const near = links[i] ?? new Set([i]);
    const sorted = near.size === 1 ? first[i]! : smallest([...near].flatMap((j) => first[j] ?? []), keep);
    for (const ref of node.refs) {
      const own = records[ref.article]?.id;
      const others = sorted.filter((id) => id !== own).slice(0, LINK_SETTINGS.maxSameAs);
      if (others.length > 0) byQuote[ref.article]![ref.quote] = others;
    }
  }
  return byQuote;
}

/** The records with every quotation's `sameAs` filled in (new objects; the input is left as it is). */
export function linkQuotes<T extends QuoteCarrier>(records: T[]): T[] {
  const byQuote = sameAsLists(records);
  return records.map((r, article) => ({
    ...r,
    quotes: r.quotes.map((q, quote) => ({ ...q, sameAs: byQuote[article]?.[quote] ?? [] })),
  }));
}

/** linkQuotes for records the caller owns: `sameAs` set on the quotation objects themselves (no copies of a 100 000-article corpus). */
export function linkQuotesInPlace<T extends QuoteCarrier>(records: T[]): T[] {
  const byQuote = sameAsLists(records);
  records.forEach((r, article) => r.quotes.forEach((q, quote) => {
    q.sameAs = byQuote[article]?.[quote] ?? [];
  }));
  return records;
}
