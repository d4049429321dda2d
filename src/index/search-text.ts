/**
 * The text analysis of the search, shared by the build (src/index/search.ts) and the browser
 * (src/render/client/search.ts, bundled by esbuild): both sides must turn words into index terms
 * the same way, or a query never meets the index.
 *
 * A word becomes: lower case → umlauts folded (ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped) →
 * German Snowball stem. Words with umlauts get a second term with the umlaut dropped (ä→a), so
 * "Pjoengjang", "Pjöngjang" and "Pjongjang" all meet. Stop words are dropped on both sides.
 */
import { stemmer } from '@orama/stemmers/german';
import stopwordData from './search-stopwords.json' with { type: 'json' };

export interface Token {
  /** The word as written. */
  word: string;
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
}

/** Letters and digits; hyphens, apostrophes and punctuation separate words ("Kim Jong-un" → kim, jong, un). */
const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    tokens.push({ word: m[0], start, end: start + m[0].length });
  }
  return tokens;
}

/** Just the words, the shape MiniSearch's `tokenize` option wants (no offsets: far less garbage on big corpora). */
export const words = (text: string): string[] => text.match(WORD) ?? [];

const FOLD: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const DROP: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };
const COMBINING = /[\u0300-\u036f]/g;

const stripAccents = (s: string) => s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
/**
 * ASCII and the four precomposed German letters only: such a word is already NFC, and once the
 * four are replaced it is ASCII, which NFD/NFC and COMBINING leave alone — so the Unicode
 * normalisations (the costly part, and most words) can be skipped without changing a result
 * (test/property/search-fold.property.test.ts checks this against the full definition).
 */
const PLAIN = /^[\x00-\x7fäöüß]*$/;
const UMLAUT = /[äöüß]/g;

/** Lower case, ä/ö/ü/ß replaced from `map`, other accents dropped. */
function folder(map: Readonly<Record<string, string>>): (word: string) => string {
  const replace = (c: string) => map[c] ?? c;
  return (word) => {
    const lower = word.toLowerCase();
    if (PLAIN.test(lower)) return lower.replace(UMLAUT, replace);
    return stripAccents(lower.normalize('NFC').replace(UMLAUT, replace));
  };
}

/** "Pjöngjang" → "pjoengjang"; "Café" → "cafe". */
export const fold = folder(FOLD);

/** "Pjöngjang" → "pjongjang": what a reader without umlaut keys types. */
export const dropUmlauts = folder(DROP);

function loadStopwords(data: unknown): ReadonlySet<string> {
  const list = (data as { words?: unknown }).words; // validated right below
  if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && w === w.toLowerCase() && w.length > 0)) {
    throw new Error('search-stopwords.json: "words" muss eine Liste kleingeschriebener Wörter sein');
  }
  const set = new Set<string>();
  for (const w of list as string[]) {
    set.add(w);
    set.add(fold(w));
  }
  return set;
}

const STOPWORDS = loadStopwords(stopwordData);

export const isStopword = (word: string): boolean => STOPWORDS.has(word.toLowerCase());

/** Single letters carry nothing; single digits neither. Numbers of two or more digits stay ("2024", "24"). */
const tooShort = (folded: string) => folded.length < 2;

/**
 * Words repeat heavily (Zipf), and stemming is the costly step: remember recent results. Bounded,
 * so a long browser session or a huge corpus cannot grow it without limit.
 */
const CACHE_LIMIT = 100_000;
const indexCache = new Map<string, string[]>();
const queryCache = new Map<string, string | null>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Index side: every term a word is stored under (none for stop words). */
export function indexTerms(word: string): string[] {
  const known = indexCache.get(word);
  if (known) return known;
  return remember(indexCache, word, analyseForIndex(word));
}

function analyseForIndex(word: string): string[] {
  if (isStopword(word)) return [];
  const folded = fold(word);
  if (tooShort(folded)) return [];
  const main = stemmer(folded);
  const plain = dropUmlauts(word);
  if (plain === folded) return [main];
  const alt = stemmer(plain);
  return alt === main ? [main] : [main, alt];
}

/** Query side: the one term a typed word is looked up as, or null for a stop word. */
export function queryTerm(word: string): string | null {
  const known = queryCache.get(word);
  if (known !== undefined) return known;
  return remember(queryCache, word, analyseForQuery(word));
}

function analyseForQuery(word: string): string | null {
  if (isStopword(word)) return null;
  const folded = fold(word);
  if (tooShort(folded)) return null;
  return stemmer(folded);
}

/**
 * Shards are keyed by term prefix. A file name must be portable (no case clash, no odd bytes):
 * a–z and 0–9 stay, anything else becomes `_<hex>_`.
 */
export function shardFileKey(prefix: string): string {
  let out = '';
  for (const ch of prefix) out += /[a-z0-9]/.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  return out;
}

/**
 * The shards a term can live in. Every term is stored in the longest shard key that is a prefix
 * of it; a term matching `term` (equal, or longer with `term` as prefix) therefore lies in a shard
 * whose key is a prefix of `term` or starts with `term`.
 */
export function shardsFor(term: string, keys: readonly string[]): string[] {
  return keys.filter((k) => term.startsWith(k) || k.startsWith(term));
}

/** The shard a term is stored in: the longest key that is a prefix of it. */
export function shardOf(term: string, keys: readonly string[] | ReadonlySet<string>): string | undefined {
  const set = keys instanceof Set ? keys : new Set(keys);
  // Keys are prefixes of code points; walk from the longest candidate down (cost: term length, not key count).
  const chars = [...term];
  for (let n = chars.length; n > 0; n--) {
    const candidate = chars.slice(0, n).join('');
    if (set.has(candidate)) return candidate;
  }
  return undefined;
}
