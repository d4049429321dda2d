/**
 * linkQuotes: the same statement in several articles — same speaker, near-identical wording,
 * different translations. A quote becomes a set of content stems (the search's German analysis:
 * stop words out, umlauts folded, Snowball stem); two quotes of one speaker match when the overlap
 * covers most of the smaller one (containment) and a fair share of both (Jaccard).
 *
 * Candidates come from an inverted index keyed by speaker + stem, probed only with each quote's
 * rarest stems (prefix filtering): if A ∩ B covers at least θ·|A| stems, any |A| − ⌈θ·|A|⌉ + 1 of
 * A's stems include one of B's, so probing with that many rarest stems misses no pair (the
 * smaller quote of a pair always finds the larger). No all-pairs loop; deterministic.
 */
import { z } from 'zod';
import type { EnrichedArticle, Quote } from '../model/enriched.ts';
import raw from './quotes.json' with { type: 'json' };
import { queryTerm, tokenize } from './search-text.ts';

const Settings = z.strictObject({
  $source: z.string().min(1),
  minTerms: z.number().int().positive(),
  minShared: z.number().int().positive(),
  minContainment: z.number().gt(0).max(1),
  minJaccard: z.number().min(0).max(1),
});
export const LINK_SETTINGS = Settings.parse(raw);

interface Ref {
  article: number;
  quote: number;
  speaker: string;
  terms: string[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function speakerKey(q: Quote): string | undefined {
  if (q.speakerId !== null) return `id:${q.speakerId}`;
  if (q.speakerName !== null) return `name:${q.speakerName.toLowerCase()}`;
  return undefined;
}

export function quoteTerms(text: string): string[] {
  const set = new Set<string>();
  for (const t of tokenize(text)) {
    const term = queryTerm(t.word);
    if (term !== null) set.add(term);
  }
  return [...set];
}

export function similar(a: readonly string[], b: readonly string[], s = LINK_SETTINGS): boolean {
  const small = a.length <= b.length ? a : b;
  const large = new Set(a.length <= b.length ? b : a);
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  const union = a.length + b.length - shared;
  return shared >= s.minShared && shared / small.length >= s.minContainment && shared / union >= s.minJaccard;
}

export function linkQuotes(records: EnrichedArticle[]): EnrichedArticle[] {
  const s = LINK_SETTINGS;
  const refs: Ref[] = [];
  records.forEach((r, article) => {
    r.quotes.forEach((q, quote) => {
      const speaker = speakerKey(q);
      const terms = quoteTerms(q.text);
      if (speaker !== undefined && terms.length >= s.minTerms) refs.push({ article, quote, speaker, terms });
    });
  });
  const postings = new Map<string, number[]>();
  for (const [i, ref] of refs.entries()) {
    for (const t of ref.terms) {
      const key = `${ref.speaker}\u0001${t}`;
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  }
  const links = refs.map(() => new Set<string>());
  for (const [i, ref] of refs.entries()) {
    const df = (t: string) => postings.get(`${ref.speaker}\u0001${t}`)?.length ?? 0;
    const ranked = [...ref.terms].sort((a, b) => df(a) - df(b) || byCodePoint(a, b));
    const prefix = ranked.slice(0, ref.terms.length - Math.ceil(s.minContainment * ref.terms.length) + 1);
    const seen = new Set<number>();
    for (const t of prefix) {
      for (const j of postings.get(`${ref.speaker}\u0001${t}`) ?? []) {
        const other = refs[j];
        if (!other || j === i || seen.has(j) || other.article === ref.article) continue;
        seen.add(j);
        if (!similar(ref.terms, other.terms, s)) continue;
        const [ra, rb] = [records[ref.article], records[other.article]];
        if (!ra || !rb) continue;
        links[i]?.add(rb.id);
        links[j]?.add(ra.id);
      }
    }
  }
  const byQuote = new Map<string, string[]>();
  for (const [i, ref] of refs.entries()) {
    const set = links[i];
    if (set && set.size > 0) byQuote.set(`${ref.article}:${ref.quote}`, [...set].sort(byCodePoint));
  }
  return records.map((r, article) => ({
    ...r,
    quotes: r.quotes.map((q, quote) => ({ ...q, sameAs: byQuote.get(`${article}:${quote}`) ?? [] })),
  }));
}
