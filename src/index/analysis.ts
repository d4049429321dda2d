/**
 * The text analysis behind the index features, memoised per thread: every distinct word is
 * analysed once (stemmed, folded, looked up in the stop lists) and numbered, and a document's
 * counts are kept in arrays indexed by those numbers, stamped per document, instead of a Map per
 * document and field. The same results as the plain formulations — `words` + `indexTerms` + Map
 * counts for the search, `scanWords` + Snowball stems for related articles — in the same order
 * (test/index/analysis.test.ts compares them on generated text).
 *
 * The memo is bounded: past MAX_WORDS distinct words it starts afresh (between documents).
 */
import type { CodedField, FieldAnalysis } from './search.ts';
import { indexTerms } from './search-text.ts';
import { Names } from './names.ts';
import { ENTITY_WEIGHT, relatedStem, scanWords, type CodedVector, type NamedVector } from './related.ts';
import type { Shipper } from './vocabulary.ts';

const MAX_WORDS = 400_000;

/**
 * `Int32Array.from(items, code)`, as a plain loop: V8's `from` with a map function costs ~100 ns
 * an element (a generic builtin calling back), the loop a few (~1 000 names an article).
 */
function codes<T>(items: readonly T[], code: (item: T) => number): Int32Array {
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = code(items[i] as T);
  return out;
}

/** A growable Int32Array (stamps and counts indexed by word or term number). */
function fit(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n < a.length) return a;
  const grown = new Int32Array(Math.max(n + 1, a.length * 2));
  grown.set(a);
  return grown;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 letter or number, 2 other (filled on first sight). */
const wordClass = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) wordClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Is the code point at `i` a letter or number (search-text.ts `words`: `[\p{L}\p{N}]`)? Its width in code units, negated when not. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) {
    let k = wordClass[c] as number;
    if (k === 0) wordClass[c] = k = WORD_CHAR.test(s[i] as string) ? 1 : 2;
    return k === 1 ? 1 : -1;
  }
  const d = s.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return -1; // a lone high surrogate is no letter
  return WORD_CHAR.test(s.slice(i, i + 2)) ? 2 : -2;
}

/** `words(text)` of search-text.ts, scanned by char code instead of a Unicode regex (same words). */
export function scanSearchWords(text: string, each: (word: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w < 0) {
      i -= w;
      continue;
    }
    const start = i;
    i += w;
    while (i < n && (w = wordCharAt(text, i)) > 0) i += w;
    each(text.slice(start, i));
  }
}

interface SearchWord {
  id: number;
  terms: number[];
}

let searchWords = new Map<string, SearchWord>();
let searchTerms = new Names();
let wordStamp = new Int32Array(1024);
let termStamp = new Int32Array(1024);
let termCount = new Int32Array(1024);
let epoch = 0;

/** One field's unique words and its terms (numbers in `searchTerms`) with their counts. */
interface Analysed {
  length: number;
  terms: number[];
  counts: number[];
}

/** Start the search memo afresh when it is full (between documents; shippers notice the new list). */
function roomForSearch(): void {
  if (searchWords.size > MAX_WORDS || searchTerms.list.length > MAX_WORDS) {
    searchWords = new Map();
    searchTerms = new Names();
    wordStamp.fill(0);
    termStamp.fill(0);
  }
}

function analyse(values: readonly string[]): Analysed[] {
  roomForSearch();
  return values.map((value) => {
    epoch++;
    let unique = 0;
    const touched: number[] = [];
    scanSearchWords(value, (token) => {
      let w = searchWords.get(token);
      if (w === undefined) {
        w = { id: searchWords.size, terms: indexTerms(token).map((t) => searchTerms.id(t)) };
        searchWords.set(token, w);
        wordStamp = fit(wordStamp, w.id);
        for (const t of w.terms) {
          termStamp = fit(termStamp, t);
          termCount = fit(termCount, t);
        }
      }
      if (wordStamp[w.id] !== epoch) {
        wordStamp[w.id] = epoch;
        unique++;
      }
      for (const t of w.terms) {
        if (termStamp[t] !== epoch) {
          termStamp[t] = epoch;
          termCount[t] = 0;
          touched.push(t);
        }
        termCount[t] = (termCount[t] as number) + 1;
      }
    });
    return { length: unique, terms: touched, counts: touched.map((t) => termCount[t] as number) };
  });
}

const namedFields = (analysed: readonly Analysed[]): FieldAnalysis[] => analysed.map((f) => ({ length: f.length, terms: f.terms.map((t) => searchTerms.list[t] as string), counts: f.counts }));

const codedFields = (analysed: readonly Analysed[], shipper: Shipper): CodedField[] =>
  analysed.map((f) => ({ length: f.length, terms: codes(f.terms, (t) => shipper.code(searchTerms, t)), counts: Int32Array.from(f.counts) }));

/** The analysis of one document's fields (in SEARCH_FIELDS order): the per-document half of the search index. */
export function analyseFields(values: readonly string[]): FieldAnalysis[] {
  return namedFields(analyse(values));
}

/** analyseFields with the terms numbered by `shipper` (vocabulary.ts), as a worker thread sends them. */
export function analyseFieldsShipped(values: readonly string[], shipper: Shipper): CodedField[] {
  return codedFields(analyse(values), shipper);
}

/** Both at once from one analysis: the fields as shipped, and by name (what the record cache keeps, see shipFields). */
export function analyseFieldsBoth(values: readonly string[], shipper: Shipper): { coded: CodedField[]; named: FieldAnalysis[] } {
  const analysed = analyse(values);
  return { coded: codedFields(analysed, shipper), named: namedFields(analysed) };
}

/** Fields analysed earlier (analyseFields, by name) numbered by `shipper`: what analyseFieldsShipped gives for the same text, without analysing it. */
export function shipFields(named: readonly FieldAnalysis[], shipper: Shipper): CodedField[] {
  roomForSearch();
  return named.map((f) => ({ length: f.length, terms: codes(f.terms, (t) => shipper.code(searchTerms, searchTerms.id(t))), counts: Int32Array.from(f.counts) }));
}

/** Word → feature number (−1: stop word or too short), for related articles. */
let relatedWords = new Map<string, number>();
let features = new Names();
let featureStamp = new Int32Array(1024);
let featureSlot = new Int32Array(1024);
let vectorEpoch = 0;

type VectorInput = { title: string; blocks: readonly { text: string }[]; entities: readonly { id: string; mentions: number }[] };

type Numbered = { ids: number[]; weights: number[] };

const namedVector = (v: Numbered): NamedVector => ({ names: v.ids.map((f) => features.list[f] as string), weights: v.weights });

const codedVector = (v: Numbered, shipper: Shipper): CodedVector => ({ features: codes(v.ids, (f) => shipper.code(features, f)), weights: Float64Array.from(v.weights) });

/** The per-article half of related articles: its term vector, by feature name, in first-seen order. */
export function articleVector(a: VectorInput): NamedVector {
  return namedVector(vector(a));
}

/** articleVector with the features numbered by `shipper` (vocabulary.ts), as a worker thread sends them. */
export function articleVectorShipped(a: VectorInput, shipper: Shipper): CodedVector {
  return codedVector(vector(a), shipper);
}

/** Both at once from one analysis: the vector as shipped, and by name (what the record cache keeps, see shipVector). */
export function articleVectorBoth(a: VectorInput, shipper: Shipper): { coded: CodedVector; named: NamedVector } {
  const v = vector(a);
  return { coded: codedVector(v, shipper), named: namedVector(v) };
}

/** A vector made earlier (articleVector, by name) numbered by `shipper`: what articleVectorShipped gives for the same article, without analysing it. */
export function shipVector(named: NamedVector, shipper: Shipper): CodedVector {
  roomForFeatures();
  return { features: codes(named.names, (name) => shipper.code(features, features.id(name))), weights: Float64Array.from(named.weights) };
}

/** Start the related-article memo afresh when it is full (between documents). */
function roomForFeatures(): void {
  if (relatedWords.size > MAX_WORDS || features.list.length > MAX_WORDS) {
    relatedWords = new Map();
    features = new Names();
    featureStamp.fill(0);
  }
}

/** An article's features as numbers in `features`, with their weights. */
function vector(a: VectorInput): Numbered {
  roomForFeatures();
  vectorEpoch++;
  const ids: number[] = [];
  const weights: number[] = [];
  const add = (f: number, n: number) => {
    if (featureStamp[f] === vectorEpoch) {
      const at = featureSlot[f] as number; // stamped for this article, so set
      weights[at] = (weights[at] as number) + n;
    } else {
      featureStamp[f] = vectorEpoch;
      featureSlot[f] = ids.length;
      ids.push(f);
      weights.push(n);
    }
  };
  const feature = (name: string) => {
    const f = features.id(name);
    featureStamp = fit(featureStamp, f);
    featureSlot = fit(featureSlot, f);
    return f;
  };
  const addWord = (n: number) => (w: string) => {
    let f = relatedWords.get(w);
    if (f === undefined) {
      const stem = relatedStem(w);
      f = stem === null ? -1 : feature(stem);
      relatedWords.set(w, f);
    }
    if (f !== -1) add(f, n);
  };
  scanWords(a.title, addWord(2));
  const body = addWord(1);
  for (const b of a.blocks) scanWords(b.text, body);
  for (const e of a.entities) add(feature(`@${e.id}`), ENTITY_WEIGHT * Math.min(e.mentions, 5));
  return { ids, weights };
}
