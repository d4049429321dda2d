/**
 * Related articles: shared entities + text similarity (German Snowball stems, TF-IDF cosine).
 * Not all pairs: each article keeps a signature of its most distinctive features, and an
 * inverted index over signatures yields the only candidates worth scoring. Features shared by
 * more than `maxPosting` articles carry almost no signal and are left out of the index, which
 * bounds the work per article whatever the corpus size (the bench has 100 000 articles).
 *
 * Speed (the index stage budget is ~0.1 ms per article): features are interned as integers, so
 * vectors are parallel number arrays and the dot products accumulate in a typed array indexed by
 * article; a word is scanned, looked up and stemmed once per corpus (memo word → feature), not per
 * occurrence. Every sum runs in the same order as the plain Map formulation this replaced, so the
 * scores are bit for bit the same.
 */
import { stemmer } from '@orama/stemmers/german';
import * as z from 'zod';
import stopwordData from './data/stopwords-de.json' with { type: 'json' };
import { articleVector } from './analysis.ts';
import { Names } from './names.ts';
import { NumberMap } from './vocabulary.ts';

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
export const ENTITY_WEIGHT = 3;

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
/** Character classes of the BMP, filled on first sight: 0 unknown, 1 letter, 2 mark, 3 other. */
const classes = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) classes[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 3;

function classOf(code: number, ch: string): number {
  if (code < 0x10000) {
    let k = classes[code] ?? 0;
    if (k === 0) classes[code] = k = LETTER.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
    return k;
  }
  return LETTER.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
}

/**
 * The words of `text` as `/\p{L}[\p{L}\p{M}]+/gu` finds them in its lower-case form (a letter,
 * then letters or marks), scanned by hand: the regex iterator allocated a match array per word.
 */
export function scanWords(text: string, each: (word: string) => void): void {
  const s = text.toLowerCase();
  const len = s.length;
  let i = 0;
  while (i < len) {
    const code = s.codePointAt(i) as number; // i < len
    const width = code > 0xffff ? 2 : 1;
    if (classOf(code, width === 1 ? s[i] as string : s.slice(i, i + 2)) !== 1) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    while (i < len) {
      const c = s.codePointAt(i) as number; // i < len
      const w = c > 0xffff ? 2 : 1;
      const k = c < 128 ? (classes[c] as number) : classOf(c, w === 1 ? s[i] as string : s.slice(i, i + 2));
      if (k === 3) break;
      i += w;
    }
    // the regex needs a second letter or mark; shorter words are dropped below anyway
    if (i - start >= 2) each(s.slice(start, i));
  }
}

export function tokenize(text: string, stems: Map<string, string>): string[] {
  const out: string[] = [];
  scanWords(text, (w) => {
    if (w.length < 3 || STOPWORDS.has(w)) return;
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = stemmer(w)));
    out.push(s);
  });
  return out;
}

/** A word's feature for related articles: its Snowball stem, or null for stop words and short words. */
export const relatedStem = (w: string): string | null => (w.length < 3 || STOPWORDS.has(w) ? null : stemmer(w));

/** An article's features (stems and `@entity` ids) in first-seen order with their term frequencies (index/analysis.ts). */
export interface NamedVector {
  names: string[];
  weights: number[];
}

/** Feature names interned as integers, in the order they are first met. */
export class FeatureTable {
  private readonly table = new Names();
  /** Feature names by number. */
  get names(): readonly string[] {
    return this.table.list;
  }

  intern(v: NamedVector): Vector {
    const features = new Int32Array(v.names.length);
    for (let i = 0; i < v.names.length; i++) features[i] = this.table.id(v.names[i] as string); // i < length
    return { features, weights: Float64Array.from(v.weights) };
  }

  /** Vocabulary number → feature number, for internCoded. */
  private readonly byVocabulary = new NumberMap();

  /** `intern` for a vector whose features are numbers of `vocabulary` (its names by number); the weights are copied. */
  internCoded(v: CodedVector, vocabulary: readonly string[]): Vector {
    const local = this.byVocabulary;
    const features = new Int32Array(v.features.length);
    for (let i = 0; i < v.features.length; i++) {
      const n = v.features[i] as number;
      let f = local.get(n);
      if (f === -1) local.set(n, (f = this.table.id(vocabulary[n] as string)));
      features[i] = f;
    }
    return { features, weights: Float64Array.from(v.weights) };
  }
}

/** A NamedVector with its features as numbers of a vocabulary (index/vocabulary.ts), as the threads send it. */
export interface CodedVector {
  features: Int32Array;
  weights: Float64Array;
}

/** One article's features with their term frequencies (later their weights), as interned integers. */
export interface Vector {
  features: Int32Array;
  weights: Float64Array;
}

type RelatedInput = { id: string; title: string; blocks: readonly { text: string }[]; entities: readonly { id: string; mentions: number }[] };
/** With the vectors prepared, the articles' text is not read (lean digests have none). */
type PreparedInput = { id: string; entities: readonly { id: string; mentions: number }[] };

/**
 * `prepared`: the articles' vectors (same order as `articles`) interned in `table`, when the
 * per-article half was computed elsewhere (index/features.ts); otherwise computed here. The
 * vectors' weights are overwritten.
 */
export function relatedArticles(articles: readonly RelatedInput[], options?: RelatedOptions): Map<string, Related[]>;
export function relatedArticles(articles: readonly PreparedInput[], options: RelatedOptions, prepared: { table: FeatureTable; vectors: Vector[] }): Map<string, Related[]>;
export function relatedArticles(articles: readonly PreparedInput[], options: RelatedOptions = {}, prepared?: { table: FeatureTable; vectors: Vector[] }): Map<string, Related[]> {
  const limit = options.limit ?? 5;
  const signatureSize = options.signature ?? 24;
  const maxPosting = options.maxPosting ?? 200;
  const minScore = options.minScore ?? 0.05;
  const features = prepared?.table ?? new FeatureTable();
  const vectors = prepared?.vectors ?? (articles as readonly RelatedInput[]).map((a) => features.intern(articleVector(a))); // the first overload: without vectors, full inputs
  const df = new Int32Array(features.names.length);
  for (const v of vectors) for (const f of v.features) df[f] = (df[f] as number) + 1;
  const n = articles.length;
  const norms = new Float64Array(n);
  // postings per feature (doc ids and weights); `rank`: order in which features got their first
  // posting — the order signatures are walked in, which fixes the order of every sum below
  const postDocs: number[][] = [];
  const postWeights: number[][] = [];
  const rank = new Int32Array(features.names.length).fill(-1);
  let ranked = 0;
  const signatures: number[][] = [];
  const names = features.names;
  for (let doc = 0; doc < n; doc++) {
    const v = vectors[doc] as Vector; // one vector per article
    let norm = 0;
    const scored: number[] = [];
    for (let i = 0; i < v.features.length; i++) {
      const f = v.features[i] as number;
      const d = df[f] as number;
      // log(1 + N/df): a feature in every article still counts a little (two articles about the same summit share Putin)
      const w = (1 + Math.log(v.weights[i] as number)) * Math.log(1 + n / (d || 1));
      v.weights[i] = w;
      norm += w * w;
      if (d >= 2 && d <= maxPosting) scored.push(i);
    }
    norms[doc] = Math.sqrt(norm) || 1;
    scored.sort((p, q) => (v.weights[q] as number) - (v.weights[p] as number) || ((names[v.features[p] as number] as string) < (names[v.features[q] as number] as string) ? -1 : 1));
    const sig: number[] = [];
    for (let k = 0; k < scored.length && k < signatureSize; k++) {
      const i = scored[k] as number;
      const f = v.features[i] as number;
      if (rank[f] === -1) {
        rank[f] = ranked++;
        postDocs[f] = [];
        postWeights[f] = [];
      }
      (postDocs[f] as number[]).push(doc);
      (postWeights[f] as number[]).push(v.weights[i] as number);
      sig.push(i);
    }
    sig.sort((p, q) => (rank[v.features[p] as number] as number) - (rank[v.features[q] as number] as number));
    signatures.push(sig);
  }
  const result = new Map<string, Related[]>();
  const acc = new Float64Array(n);
  const touched: number[] = [];
  for (let doc = 0; doc < n; doc++) {
    const a = articles[doc] as PreparedInput; // doc < n
    const v = vectors[doc] as Vector;
    touched.length = 0;
    for (const i of signatures[doc] as number[]) {
      const f = v.features[i] as number;
      const w = v.weights[i] as number;
      const docs = postDocs[f] as number[]; // every signature feature has postings
      const ws = postWeights[f] as number[];
      for (let k = 0; k < docs.length; k++) {
        const other = docs[k] as number;
        if (other === doc) continue;
        if (acc[other] === 0) touched.push(other);
        acc[other] = (acc[other] as number) + w * (ws[k] as number);
      }
    }
    // The best `limit` by (score desc, article asc), kept sorted while scanning: the same list a
    // full sort of every candidate gives, without sorting thousands of them per article.
    const top: { other: number; score: number }[] = [];
    const before = (s: number, o: number, x: { other: number; score: number }) => s > x.score || (s === x.score && o < x.other);
    for (const other of touched) {
      const score = (acc[other] as number) / ((norms[doc] as number) * (norms[other] as number));
      acc[other] = 0;
      if (score < minScore) continue;
      if (top.length === limit && !before(score, other, top[limit - 1] as { other: number; score: number })) continue;
      let at = top.length;
      while (at > 0 && before(score, other, top[at - 1] as { other: number; score: number })) at--;
      top.splice(at, 0, { other, score });
      if (top.length > limit) top.length = limit;
    }
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
  }
  return result;
}
