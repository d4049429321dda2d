/**
 * Titles: is the first line a headline; split a publisher suffix off it ("… – POLITICO");
 * recognise repeated title lines; derive a short title from the lede when there is no headline.
 */
import { isSpace } from './chars.ts';
import { TITLES, escapeRegExp } from './data.ts';
import { splitCredit } from './captions.ts';

/** Compare titles ignoring case, quote style, spacing and trailing punctuation. */
export const titleKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/["„“”‚‘’»«'*_#]/gu, '')
    .replace(/[\s.:!?…-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Characters titleKey drops wherever they stand (whitespace aside). */
const KEY_DROPPED = new Set([...'"„“”‚‘’»«\'*_#'].map((c) => c.charCodeAt(0)));

/**
 * `keys.has(titleKey(text))`, with a cheap first test: when the first character titleKey keeps
 * is ASCII, its lower case must start one of the keys. Most lines fail here without the
 * lowercase copy and three regex passes over the line.
 */
export function isTitleRepeat(text: string, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false;
  let i = 0;
  while (i < text.length && (KEY_DROPPED.has(text.charCodeAt(i)) || isSpace(text.charCodeAt(i)))) i++;
  const c = text.charCodeAt(i);
  if (c < 128) {
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    let possible = false;
    for (const k of keys) if (k.charCodeAt(0) === lower) possible = true;
    if (!possible) return false;
  }
  return keys.has(titleKey(text));
}

/**
 * A headline: not too long, no final full stop, not a photo caption, and not the first line of
 * a hard-wrapped paragraph (the next line of the same paragraph would start in lowercase).
 */
export function isHeadline(text: string, nextInGroup: string | undefined): boolean {
  if (text.length > TITLES.maxTitleLength || !/\p{L}/u.test(text)) return false;
  if (/^\p{Ll}/u.test(text)) return false;
  if (/[.,;]["“”»«’)]*$/u.test(text) && !/(?:\.\.\.|…)$/u.test(text)) return false;
  if (splitCredit(text)) return false;
  if (nextInGroup !== undefined && /^\p{Ll}/u.test(nextInGroup)) return false;
  return true;
}

export interface TitleSplit {
  title: string;
  publisher?: string;
}

const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:de|at|ch|com|net|org|eu|info|news)$/iu;

function looksLikePublisher(suffix: string, pipe: boolean): boolean {
  const words = suffix.split(/\s+/);
  if (suffix.length > TITLES.maxSuffixLength || words.length > TITLES.maxSuffixWords) return false;
  if (/[.!?,;:]$/u.test(suffix) && !DOMAIN.test(suffix)) return false;
  if (!/^[\p{Lu}\d]/u.test(suffix) && !DOMAIN.test(suffix) && !TITLES.publisherMarkers.has(suffix.toLowerCase())) return false;
  if (pipe) return true;
  const letters = suffix.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return true;
  if (DOMAIN.test(suffix) || TITLES.publisherMarkers.has(suffix.toLowerCase())) return true;
  return words.some((w) => TITLES.publisherMarkers.has(w.toLowerCase()));
}

/** "Putin und Kim … sucht – POLITICO" → title + publisher "POLITICO". */
export function splitPublisherSuffix(line: string): TitleSplit {
  for (const sep of TITLES.publisherSeparators) {
    const at = line.lastIndexOf(sep);
    if (at < 10) continue;
    const suffix = line.slice(at + sep.length).trim();
    const pipe = !/[-–—]/u.test(sep);
    if (suffix && looksLikePublisher(suffix, pipe)) return { title: line.slice(0, at).trim(), publisher: suffix };
  }
  return { title: line };
}

const FIRST_SENTENCE_END = /[.!?](?=\s+["„»]?\p{Lu}|\s*$)/u;

function firstSentence(text: string): string {
  const head = text.slice(0, 800);
  let from = 0;
  for (;;) {
    const m = FIRST_SENTENCE_END.exec(head.slice(from));
    if (!m) return head;
    const at = from + m.index;
    // "19. Juni", "Nr. 5": a dot after a number or a one-letter abbreviation ends no sentence.
    if (/(?:\d|\b\p{L})$/u.test(head.slice(0, at))) {
      from = at + 1;
      continue;
    }
    return head.slice(0, at);
  }
}

const ROLE_NAME = new RegExp(
  // "Der russische Präsident, Wladimir Putin," / "der nordkoreanische Diktator Kim Jong-un"
  `(?<![\\p{L}])(?:[Dd](?:er|ie|as|en|em|es))\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,3}(?:${TITLES.roleNouns.map(escapeRegExp).join('|')})(?:,\\s*|\\s+)((?:\\p{Lu}[\\p{L}-]*)(?:\\s+\\p{Lu}[\\p{L}-]*){0,3})(?:,(?=\\s)|(?=\\s+\\p{Ll}))`,
  'gu',
);

function cutWords(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  let words = cut.split(' ');
  while (words.length > 1 && (TITLES.trailingStopWords.has(words.at(-1)!.toLowerCase()) || /^[^\p{L}\d]*$/u.test(words.at(-1)!))) words = words.slice(0, -1);
  return `${words.join(' ').replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * A short title from the lede's main clause: first sentence, parentheses dropped, "role, Name"
 * reduced to the name, cut before a subordinate clause; time adverbials dropped and the rest cut
 * on a word boundary only when still too long.
 */
export function inferTitle(lede: string): string {
  const max = TITLES.maxInferredLength;
  let t = firstSentence(lede.trim())
    .replace(/\s*\([^()]{0,80}\)/gu, '')
    .replace(/\s+/g, ' ');
  t = t.replace(ROLE_NAME, (_m, name: string) => name);
  const clauses = t.split(/,\s+/);
  let main = clauses[0] ?? t;
  for (let i = 1; i < clauses.length; i++) {
    const first = (clauses[i] ?? '').split(/\s+/)[0] ?? '';
    if (TITLES.subordinators.has(first)) break;
    main += `, ${clauses[i]}`;
  }
  if (main.length > max) {
    for (const adverbial of TITLES.timeAdverbials) main = main.replace(new RegExp(`\\s${escapeRegExp(adverbial)}(?=[\\s,]|$)`, 'u'), '');
  }
  main = main.replace(/[\s,;:.–—-]+$/u, '').trim();
  return main.length <= max + TITLES.inferredSlack ? main : cutWords(main, max);
}

