/**
 * Related articles: shared entities + text similarity (German Snowball stems, TF-IDF cosine).
 * Not all pairs: each article keeps a signature of its most distinctive features, and an
 * inverted index over signatures yields the only candidates worth scoring. Features shared by
 * more than `maxPosting` articles carry almost no signal and are left out of the index, which
 * bounds the work per article whatever the corpus size (the bench has 100 000 articles).
 */
import { stemmer } from '@orama/stemmers/german';
import { z } from 'zod';
import type { EnrichedArticle } from '../model/enriched.ts';
import stopwordData from './data/stopwords-de.json' with { type: 'json' };

export interface Related {
  id: string;
  /** Cosine similarity in [0, 1], rounded to 3 places for stable output. */
  score: number;
  /** Entity ids both articles mention. */
  sharedEntities: string[];
}

export interface RelatedOptions {
  /** Results per article (default 5). */
  limit?: number;
  /** Features per article that go into the inverted index (default 24). */
  signature?: number;
  /** Features in more articles than this are not indexed (default 200). */
  maxPosting?: number;
  /** Scores below this are not related (default 0.05). */
  minScore?: number;
}

const STOPWORDS = new Set(z.object({ _source: z.string(), words: z.array(z.string().min(1)) }).parse(stopwordData).words);

/** Entities weigh like a few words: a shared person is a stronger hint than a shared verb. */
const ENTITY_WEIGHT = 3;

export function tokenize(text: string, stems: Map<string, string>): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = stemmer(w)));
    out.push(s);
  }
  return out;
}

export function relatedArticles(articles: readonly EnrichedArticle[], options: RelatedOptions = {}): Map<string, Related[]> {
  const limit = options.limit ?? 5;
  const signatureSize = options.signature ?? 24;
  const maxPosting = options.maxPosting ?? 200;
  const minScore = options.minScore ?? 0.05;
  const stems = new Map<string, string>();
  const vectors: Map<string, number>[] = articles.map((a) => {
    const v = new Map<string, number>();
    const add = (f: string, n: number) => v.set(f, (v.get(f) ?? 0) + n);
    for (const t of tokenize(a.title, stems)) add(t, 2);
    for (const b of a.blocks) for (const t of tokenize(b.text, stems)) add(t, 1);
    for (const e of a.entities) add(`@${e.id}`, ENTITY_WEIGHT * Math.min(e.mentions, 5));
    return v;
  });
  const df = new Map<string, number>();
  for (const v of vectors) for (const f of v.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = articles.length;
  const norms: number[] = [];
  const postings = new Map<string, { doc: number; w: number }[]>();
  vectors.forEach((v, doc) => {
    let norm = 0;
    const scored: [string, number][] = [];
    for (const [f, tf] of v) {
      // log(1 + N/df): a feature in every article still counts a little (two articles about the same summit share Putin)
      const w = (1 + Math.log(tf)) * Math.log(1 + n / (df.get(f) ?? 1));
      v.set(f, w);
      norm += w * w;
      const d = df.get(f) ?? 0;
      if (d >= 2 && d <= maxPosting) scored.push([f, w]);
    }
    norms.push(Math.sqrt(norm) || 1);
    scored.sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1));
    for (const [f, w] of scored.slice(0, signatureSize)) {
      let list = postings.get(f);
      if (!list) postings.set(f, (list = []));
      list.push({ doc, w });
    }
  });
  const signatures: string[][] = vectors.map(() => []);
  for (const [f, list] of postings) for (const p of list) signatures[p.doc]?.push(f);
  const result = new Map<string, Related[]>();
  const acc = new Map<number, number>();
  articles.forEach((a, doc) => {
    acc.clear();
    const v = vectors[doc] ?? new Map<string, number>();
    for (const f of signatures[doc] ?? []) {
      const w = v.get(f) ?? 0;
      for (const p of postings.get(f) ?? []) if (p.doc !== doc) acc.set(p.doc, (acc.get(p.doc) ?? 0) + w * p.w);
    }
    const top = [...acc]
      .map(([other, dot]) => ({ other, score: dot / ((norms[doc] ?? 1) * (norms[other] ?? 1)) }))
      .filter((c) => c.score >= minScore)
      .sort((p, q) => q.score - p.score || p.other - q.other)
      .slice(0, limit);
    const mine = new Set(a.entities.map((e) => e.id));
    result.set(
      a.id,
      top.flatMap(({ other, score }) => {
        const b = articles[other];
        if (!b) return [];
        const shared = b.entities.map((e) => e.id).filter((id) => mine.has(id)).sort();
        return [{ id: b.id, score: Math.round(score * 1000) / 1000, sharedEntities: shared }];
      }),
    );
  });
  return result;
}
