/**
 * Name candidates: things that look like people or organisations but are not in corpus.yml, for
 * the build report (an editor decides whether they become entities). Three cues for people:
 *   A. a role word right before the name   ("Präsidentenberater Mykhaïlo Podoliak")
 *   B. a speech verb right before the name ("sagte Koh Yu-hwan", "sagte Nordkorea-Experte X Y")
 *   C. an apposition after the name        ("Andrei Lankov, ein Nordkorea-Experte")
 * and one for organisations: capitalised words joined to an institution head
 * ("Kookmin-Universität", "Sejong-Institut"). Known entities are never candidates: any name that
 * overlaps a matcher hit is skipped. All cue words live in vocab.json.
 */
import type { Candidate } from '../../model/enriched.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import type { RawMatch } from './matcher.ts';
import type { TextUnit } from './index.ts';
import { vocab } from './vocab.ts';

const lower = (w: string) => w.toLowerCase();
const ROLE_SUFFIXES = vocab.roleSuffixes.map(lower).sort((a, b) => b.length - a.length);
const SPEECH = new Set(vocab.speechVerbs.map(lower));
/**
 * First code units of the speech verbs and of the institution heads, as tables: a token whose key
 * (or raw form) starts with none of them needs no Set or Map probe.
 */
const firstUnits = (words: readonly string[]): Uint8Array => {
  const t = new Uint8Array(0x10000);
  for (const w of words) t[w.charCodeAt(0)] = 1;
  return t;
};
const SPEECH_FIRST = firstUnits([...SPEECH]);
const mayBeSpeech = (key: string): boolean => SPEECH_FIRST[key.charCodeAt(0)] === 1 && SPEECH.has(key);
const APPOSITION = new Set(vocab.appositionArticles.map(lower));
const NOT_NAMES = new Set(vocab.notNames);
const NOUN_ENDINGS = vocab.nounEndings.map(lower);
const ORG_HEADS = vocab.orgHeads.join('|');

/** One name word: capitalised, optionally hyphenated parts ("Yu-hwan", "Thomas-Greenfield"). */
const WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{L}[\p{Ll}\p{M}]+)*`;
/** Two to four name words, with a nobiliary particle allowed between them. */
const NAME = String.raw`${WORD}(?:\s(?:(?:von|van|de|der|al|bin)\s)?${WORD}){1,3}`;
/** A name right at a position (sticky): used after a cue word. */
const RE_NAME_AT = new RegExp(String.raw`,?\s+(${NAME})`, 'uy');
/** A name that ends right where the text before an apposition ends. */
const RE_NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NAME})$`, 'u');
/** ", ein Nordkorea-Experte" / ", eine Expertin des …": up to two words before the role word. */
// The article is named in the pattern (not read as any lower-case word and checked afterwards): V8
// then only stops at commas that can start an apposition. Only all-lower-case words could match.
const APPOSITION_WORDS = [...APPOSITION].filter((w) => /^\p{Ll}+$/u.test(w)).sort((a, b) => b.length - a.length);
const RE_APPOSITION = new RegExp(String.raw`,\s+(${APPOSITION_WORDS.join('|')})\s+((?:\p{L}+\s+){0,2}(?:\p{L}+-)?\p{L}+)`, 'gu');
/**
 * The left edge (no letter or digit before the name) is checked by hand in orgMatches: a regex that
 * opens with a lookbehind is tried at every position, one that opens with \p{Lu} is not.
 */
const RE_ORG = new RegExp(String.raw`((?:\p{Lu}[\p{L}]+[-\s]){1,3}(?:${ORG_HEADS}))(?:e?s)?(?![\p{L}\p{N}])`, 'gu');
const WORDISH = /[\p{L}\p{N}]/u;

/** What `(?<![\p{L}\p{N}])` + RE_ORG with matchAll finds: a refused start resumes one code point later. */
export function* orgMatches(text: string): Generator<RegExpExecArray> {
  RE_ORG.lastIndex = 0;
  for (let m = RE_ORG.exec(text); m; m = RE_ORG.exec(text)) {
    const at = m.index;
    if (at > 0 && WORDISH.test(codePointBefore(text, at))) {
      const c = text.charCodeAt(at);
      RE_ORG.lastIndex = at + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      continue;
    }
    const next = RE_ORG.lastIndex;
    yield m;
    RE_ORG.lastIndex = next;
  }
}

function codePointBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
}
/**
 * An institution head starts a word token (RE_ORG wants a hyphen or a space before it), so a text
 * can hold an organisation only if some token opens with a head — or is the front of one that
 * splitGlued (matcher.ts) cut off, which keeps at least three letters: tokens are filed by those.
 */
const ORG_PREFIX = 3;
/** The first three chars as one small integer (no string cut per token); equal prefixes, equal slots. */
const slot3 = (w: string) => ((w.charCodeAt(0) & 0x3ff) << 20) | ((w.charCodeAt(1) & 0x3ff) << 10) | (w.charCodeAt(2) & 0x3ff);
const ORG_STARTS = new Map<number, string[]>();
for (const h of vocab.orgHeads) ORG_STARTS.set(slot3(h), [...(ORG_STARTS.get(slot3(h)) ?? []), h]);
/** Both startsWith tests below need the first units equal. */
const HEAD_FIRST = firstUnits(vocab.orgHeads);
/** The token opens with a head, or is a glued-off front part of one. */
const opensHead = (raw: string): boolean => {
  if (raw.length < ORG_PREFIX || HEAD_FIRST[raw.charCodeAt(0)] !== 1) return false;
  const heads = ORG_STARTS.get(slot3(raw));
  return heads !== undefined && heads.some((h) => raw.startsWith(h) || h.startsWith(raw));
};

/** Role words are nouns and keep recurring: remember the verdict per word (bounded). */
const roleMemo = new Map<string, boolean>();
/**
 * The last two letters of every role suffix (lower case, as one number): a word whose last two
 * characters are ASCII and not among them ends in no suffix (every suffix has two letters or more).
 */
const lowerAscii = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
const ROLE_TAILS = new Set(ROLE_SUFFIXES.filter((x) => x.length >= 2).map((x) => (x.charCodeAt(x.length - 2) << 16) | x.charCodeAt(x.length - 1)));
const SHORTEST_SUFFIX = Math.min(...ROLE_SUFFIXES.map((x) => x.length));
/** Suffixes by length: one Set probe per distinct length instead of one endsWith per suffix. */
const SUFFIX_SET = new Set(ROLE_SUFFIXES);
const SUFFIX_LENGTHS = [...new Set(ROLE_SUFFIXES.map((x) => x.length))];
const endsWithRoleSuffix = (k: string) => SUFFIX_LENGTHS.some((n) => k.length >= n && SUFFIX_SET.has(k.slice(-n)));
const isRoleWord = (w: string) => {
  const a = w.charCodeAt(w.length - 2);
  const b = w.charCodeAt(w.length - 1);
  if (SHORTEST_SUFFIX >= 2 && a < 0x80 && b < 0x80 && !ROLE_TAILS.has((lowerAscii(a) << 16) | lowerAscii(b))) return false;
  let v = roleMemo.get(w);
  if (v === undefined) {
    const k = lower(w.slice(w.lastIndexOf('-') + 1));
    v = endsWithRoleSuffix(k);
    if (roleMemo.size > 50_000) roleMemo.clear();
    roleMemo.set(w, v);
  }
  return v;
};
const CAPITAL = /^\p{Lu}/u;
/** A-Z by char code; anything beyond ASCII asks the Unicode class. */
const capitalised = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : CAPITAL.test(w);
};

/** Every word looks like part of a personal name, not a German noun or function word. */
function plausibleName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => !/^\p{Ll}/u.test(w));
  if (words.length < 2) return false;
  return words.every((w) => {
    const head = w.split('-')[0] ?? w;
    if (NOT_NAMES.has(w) || NOT_NAMES.has(head) || isRoleWord(w)) return false;
    const k = lower(head);
    return !NOUN_ENDINGS.some((e) => k.length > e.length + 2 && k.endsWith(e));
  });
}

export function findCandidates(texts: TextUnit[], matches: RawMatch[][], ck: CompiledKnowledge): Candidate[] {
  const out = new Map<string, Candidate>();
  texts.forEach((t, i) => {
    const known = matches[i] ?? [];
    const overlapsKnown = (start: number, end: number) => known.some((m) => m.start < end && start < m.end);
    const add = (name: string, kind: Candidate['kind'], start: number, context: string) => {
      const clean = name.trim();
      if (overlapsKnown(start, start + clean.length)) return;
      const key = `${kind}:${clean}`;
      if (!out.has(key)) out.set(key, { name: clean, kind, context: context.trim(), block: t.block });
    };
    // A and B: walk the words once; only cue words (a role or a speech verb) try a name after them.
    let orgHint = false;
    for (const tok of ck.matcher.tokens(t.text)) {
      if (!orgHint && opensHead(tok.raw)) orgHint = true;
      if (!(mayBeSpeech(tok.key) || (capitalised(tok.raw) && isRoleWord(tok.raw)))) continue;
      RE_NAME_AT.lastIndex = tok.end;
      const m = RE_NAME_AT.exec(t.text);
      const name = m?.[1];
      if (!m || name === undefined) continue;
      const trimmed = dropTrailingRole(name);
      if (!plausibleName(trimmed)) continue;
      const at = m.index + m[0].length - name.length;
      add(trimmed, 'person', at, `${t.text.slice(tok.start, at)}${trimmed}`);
    }
    // C: ", ein Nordkorea-Experte" after a name.
    for (const m of t.text.matchAll(RE_APPOSITION)) {
      const words = (m[2] ?? '').split(/\s+/);
      if (!words.some(isRoleWord)) continue;
      const before = RE_NAME_BEFORE.exec(t.text.slice(Math.max(0, m.index - 80), m.index));
      const name = before?.[1];
      if (name === undefined || !plausibleName(name)) continue;
      add(name, 'person', m.index - name.length, `${name}${m[0]}`);
    }
    // Organisations: capitalised words joined to an institution head ("Stimson-Zentrum").
    if (orgHint) {
      for (const m of orgMatches(t.text)) {
        const name = m[1] ?? '';
        const first = name.split(/[-\s]/)[0] ?? '';
        if (NOT_NAMES.has(first)) continue;
        add(name, 'organisation', m.index, name);
      }
    }
  });
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
}

/** "Koh Yu-hwan Professor" → "Koh Yu-hwan": a trailing role word is not part of the name. */
function dropTrailingRole(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 2 && isRoleWord(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}
