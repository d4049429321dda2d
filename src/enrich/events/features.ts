/**
 * What points to which event, compiled once per build from corpus.yml: entity ids (place and
 * participants), keyword prefixes and dates, each with a weight already divided by the number of
 * events that share it (a feature every summit has says nothing about which summit).
 */
import type { CorpusEvent } from '../../model/knowledge.ts';
import type { DateMention } from '../dates/index.ts';
import { vocab as dateVocab } from '../dates/vocab.ts';
import { tokenize, type Token } from '../entities/matcher.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import { weights } from './weights.ts';

export interface Feature {
  eventId: string;
  weight: number;
  /** Only this event has the feature: it alone can show that the article refers to the event. */
  unique: boolean;
}

interface Keyword {
  keyword: string;
  words: string[];
  features: Feature[];
}

export interface KeywordHit {
  keyword: string;
  text: string;
  features: Feature[];
}

export interface EventIndex {
  byEntity: Map<string, Feature[]>;
  /** Keyword hits among tokens[from, to). */
  keywords(tokens: Token[], from?: number, to?: number): KeywordHit[];
  byDate(d: DateMention): Feature[];
  retrospective(sentence: string): boolean;
  /**
   * Offsets in `text` where a retrospective marker starts, found in one pass. A marker never spans
   * a sentence end (it is letters and spaces; a sentence ends after punctuation), so "the sentence
   * [from, to) looks back" is "some offset lies in [from, to)" — the same as retrospective(slice).
   */
  retrospectiveAt(text: string): number[];
  /** The text names a year or a month some event falls in: only then are its dates worth finding. */
  mayDate(text: string): boolean;
}

/** Keyword words of up to this length must match whole ("nach" is not "nachdem"); longer ones as prefixes. */
const EXACT_MAX = 4;
/** Keywords are filed under the first letters of their first word. */
const SLOT = 3;

/**
 * The first SLOT chars of a key folded into one small integer (10 bits each, so it stays a Smi and
 * probing the Map allocates nothing). Equal prefixes give equal slots; the rare collision of two
 * different prefixes only adds candidates, which the word check below turns away.
 */
function slotOf(key: string): number {
  let n = 0;
  for (let i = 0; i < SLOT; i++) n = n * 0x400 + (i < key.length ? (key.charCodeAt(i) & 0x3ff) : 0);
  return n;
}

export function compileEventIndex(ck: CompiledKnowledge): EventIndex {
  const events = ck.knowledge.events;
  const spread = <K>(keyOf: (e: CorpusEvent) => K[], weight: number) => {
    const holders = new Map<K, string[]>();
    for (const e of events) for (const k of new Set(keyOf(e))) holders.set(k, [...(holders.get(k) ?? []), e.id]);
    const out = new Map<K, Feature[]>();
    for (const [k, ids] of holders) out.set(k, ids.map((eventId) => ({ eventId, weight: weight / ids.length, unique: ids.length === 1 })));
    return out;
  };

  const places = spread((e) => [e.place], weights.place);
  const people = spread((e) => e.participants.filter((p) => p !== e.place), weights.participant);
  const countries = spread((e) => {
    const c = ck.entitiesById.get(e.place)?.country;
    return c === undefined ? [] : [c];
  }, weights.placeCountry);
  const byEntity = new Map<string, Feature[]>();
  for (const m of [places, people, countries]) for (const [id, fs] of m) byEntity.set(id, [...(byEntity.get(id) ?? []), ...fs]);

  const kwFeatures = spread((e) => e.keywords.map((k) => tokenize(k).map((t) => t.key).join(' ')), weights.keyword);
  const kwIndex = new Map<number, Keyword[]>();
  for (const [keyword, features] of kwFeatures) {
    const words = keyword.split(' ').filter((w) => w !== '');
    const first = words[0];
    if (first === undefined) continue;
    const slot = slotOf(first);
    kwIndex.set(slot, [...(kwIndex.get(slot) ?? []), { keyword, words, features }]);
  }
  const wordMatches = (kw: string, key: string) => (kw.length <= EXACT_MAX ? key === kw : key.startsWith(kw));
  // Either test in wordMatches needs the first units equal: a token that starts no keyword's first
  // word is turned away by one table read (most are), before the slot is computed.
  const firstUnit = new Uint8Array(0x10000);
  for (const list of kwIndex.values()) for (const kw of list) firstUnit[(kw.words[0] as string).charCodeAt(0)] = 1; // words[0] exists: filed under it
  const keywords = (tokens: Token[], from = 0, to = tokens.length): KeywordHit[] => {
    const out: KeywordHit[] = [];
    for (let i = from; i < to; i++) {
      const t = tokens[i] as Token; // i < to <= tokens.length
      if (firstUnit[t.key.charCodeAt(0)] !== 1) continue;
      const list = kwIndex.get(slotOf(t.key));
      if (list === undefined) continue;
      for (const kw of list) {
        if (!kw.words.every((w, j) => { const tok = i + j < to ? tokens[i + j] : undefined; return tok !== undefined && wordMatches(w, tok.key); })) continue;
        const last = tokens[i + kw.words.length - 1] ?? t;
        out.push({ keyword: kw.keyword, text: `${t.raw}${kw.words.length > 1 ? ` … ${last.raw}` : ''}`, features: kw.features });
      }
    }
    return out;
  };

  const months = spread((e) => monthsOf(e), weights.dateMonth);
  const years = spread((e) => yearsOf(e), weights.dateYear);
  const monthsOnly = spread((e) => monthsOf(e).map((m) => Number(m.slice(5, 7))), weights.dateMonthOnly);
  const byDate = (d: DateMention): Feature[] => {
    if (d.date !== undefined) {
      const inside = events.filter((e) => e.start <= (d.date as string) && (d.date as string) <= e.end);
      if (inside.length > 0) return inside.map((e) => ({ eventId: e.id, weight: weights.dateExact / inside.length, unique: inside.length === 1 }));
    }
    if (d.year === undefined) return d.kind === 'month' && d.month !== undefined ? (monthsOnly.get(d.month) ?? []) : [];
    if (d.month !== undefined) return months.get(`${d.year}-${String(d.month).padStart(2, '0')}`) ?? [];
    return d.kind === 'year' ? (years.get(d.year) ?? []) : [];
  };

  // One case-insensitive alternation over the raw sentence (no folding needed: markers are written as they appear).
  // The left word boundary is checked by hand after a hit: a regex that opens with a lookbehind is
  // tried at every position (V8 cannot skip ahead), one that opens with its words is not.
  const markers = new RegExp(`(?:${weights.retrospectiveMarkers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}])`, 'giu');
  const retrospective = (sentence: string) => hitAfter(markers, sentence, NOT_AFTER_LETTER);
  const retrospectiveAt = (text: string): number[] => {
    const out: number[] = [];
    markers.lastIndex = 0;
    for (let m = markers.exec(text); m; m = markers.exec(text)) {
      if (m.index === 0 || !NOT_AFTER_LETTER.test(charBefore(text, m.index))) out.push(m.index);
      else markers.lastIndex = m.index + 1;
    }
    return out;
  };

  const stamps = new Set<string>();
  for (const e of events) {
    for (const y of yearsOf(e)) stamps.add(String(y));
  }
  const monthNumbers = new Set(events.flatMap((e) => monthsOf(e).map((m) => Number(m.slice(5, 7)))));
  for (const m of dateVocab.months) if (monthNumbers.has(m.month)) for (const n of m.names) stamps.add(n);
  const stampRe = stamps.size === 0 ? undefined : new RegExp(`(?:${[...stamps].map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const mayDate = (text: string) => stampRe !== undefined && hitAfter(stampRe, text, NOT_AFTER_WORD);

  return { byEntity, keywords, byDate, retrospective, retrospectiveAt, mayDate };
}

const NOT_AFTER_LETTER = /\p{L}/u;
const NOT_AFTER_WORD = /[\p{L}\p{N}]/u;

/**
 * Does `re` (global) match somewhere not directly after a character of `notAfter`? The same as
 * a leading `(?<!…)` lookbehind: after a refused hit the search resumes one position later, so
 * hits that start inside it are still found.
 */
/** The code point that ends right before `i` (a lookbehind with the u flag sees whole code points). */
function charBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
}

function hitAfter(re: RegExp, text: string, notAfter: RegExp): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index === 0 || !notAfter.test(charBefore(text, m.index))) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

function monthsOf(e: CorpusEvent): string[] {
  const out: string[] = [];
  let y = Number(e.start.slice(0, 4));
  let m = Number(e.start.slice(5, 7));
  const endKey = e.end.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function yearsOf(e: CorpusEvent): number[] {
  const out: number[] = [];
  for (let y = Number(e.start.slice(0, 4)); y <= Number(e.end.slice(0, 4)); y++) out.push(y);
  return out;
}
