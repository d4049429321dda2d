/**
 * The name matcher: one token trie over every alias, short name and role phrase of every entity,
 * built once per build. Matching a text is one left-to-right pass over its word tokens
 * (leftmost-longest), so the cost does not grow with the number of entities.
 *
 * Tokens are compared folded (lower case, no diacritics, ß → ss), and hyphens count as spaces, so
 * "Kim Jong-un", "Kim Jong Un" and "Kim-Jong-Un" are one key. Acronyms (AP, UN) must match in
 * exact case. The last token of a name may carry a German genitive -s/-es ("Putins", "Moskaus",
 * "Kim Jong-uns", "Sicherheitsrates").
 */
import type { Entity } from '../../model/knowledge.ts';
import { loadGlueWords } from './vocab.ts';

export type EntryKind = 'alias' | 'short' | 'role';

export interface Entry {
  entityId: string;
  kind: EntryKind;
  /** The alias as written in corpus.yml. */
  form: string;
  /** The alias starts with a capital letter: the text must, too (a name, not a word). */
  capStart: boolean;
  from?: string;
  to?: string;
}

interface Node {
  next: Map<string, Node>;
  entries: Entry[];
}

export interface Token {
  start: number;
  end: number;
  raw: string;
  key: string;
}

export interface RawMatch {
  start: number;
  end: number;
  text: string;
  /** Index of the first and one past the last token in the text's token list. */
  tokenStart: number;
  tokenEnd: number;
  entries: Entry[];
  /** Matched through a genitive ending. */
  inflected: boolean;
}

export interface NameMatcher {
  /** Every name in `text`, leftmost-longest, non-overlapping, in text order. */
  match(text: string): RawMatch[];
  /** The entity id a name as written stands for, when it is unambiguous without context. */
  resolve(name: string): string | undefined;
  /** Aliases (forms) claimed by more than one entity; they are treated as short names. */
  shared: string[];
  /** The word tokens the matcher sees in `text` (glued words split). */
  tokens(text: string): Token[];
}

/**
 * Tokens may be joined by spaces or one hyphen (incl. the non-breaking and Unicode hyphens), or
 * by nothing where a scraper glued two words ("Kim Jong-unDas" is split into "un" + "Das").
 */
const JOIN = /^(?:|\s+|\s*[-‐‑]\s*)$/u;
/** A lower-case letter directly followed by an upper-case one: two glued words. */
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;
const HAS_CAMEL = /\p{Ll}\p{Lu}/u;

/** Plain ASCII (the common case): no Unicode decomposition needed to fold it. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function fold(s: string): string {
  // Most tokens are plain ASCII: skip the (costly) Unicode decomposition for them.
  if (isAscii(s)) return s.toLowerCase();
  return foldUnicode(s);
}

const MARKS = /\p{M}/gu;
function foldUnicode(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss');
}

/**
 * fold(), remembered per word (bounded; a pure function): words recur (Zipf), the NFD fold is
 * costly, and so is toLowerCase of a word cut from a two-byte string (most German text, with its
 * „“ quotes, is one) — some 100 ns against a Map probe whose hash the later lookups reuse.
 */
const folded = new Map<string, string>();
function foldMemo(s: string): string {
  let k = folded.get(s);
  if (k === undefined) {
    if (folded.size >= 100_000) folded.clear();
    folded.set(s, (k = fold(s)));
  }
  return k;
}

export function nameKey(name: string): string {
  return tokenize(name).map((t) => t.key).join(' ');
}

/** A word character beyond ASCII (letter, mark or digit), remembered per UTF-16 unit. */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const bmpVerdict = new Uint8Array(0x10000); // 0 unknown, 1 word char, 2 not

/** Case of a BMP code unit beyond ASCII, remembered: 1 \p{Ll}, 2 \p{Lu}, 3 neither (0 unknown). */
const bmpCase = new Uint8Array(0x10000);
const LOWER = /^\p{Ll}$/u;
const UPPER = /^\p{Lu}$/u;
function caseOf(c: number): number {
  let v = bmpCase[c]!; // c < 0x10000
  if (v === 0) {
    const ch = String.fromCharCode(c);
    bmpCase[c] = v = LOWER.test(ch) ? 1 : UPPER.test(ch) ? 2 : 3;
  }
  return v;
}
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    // An astral code point: two units, judged as one.
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let v = bmpVerdict[c];
  if (v === 0) bmpVerdict[c] = v = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1 ? 1 : 0;
}

/**
 * Word tokens: maximal runs of letters, marks and digits (what /[\p{L}\p{M}\p{N}]+/gu finds),
 * read by char code without a match object per word. Glued words (\p{Ll} right before \p{Lu}) are
 * seen on the way for BMP text (case per code unit from a table); an ASCII word without a capital
 * is its own key; only words with astral letters take the Unicode regex.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i += 1;
      continue;
    }
    let start = i;
    let ascii = true;
    let astral = false;
    let camel = false;
    let capital = false;
    let prevLower = false;
    while (w !== 0) {
      const c = text.charCodeAt(i);
      let lower: boolean;
      if (c < 0x80) {
        const upper = c >= 0x41 && c <= 0x5a;
        if (prevLower && upper) camel = true;
        capital ||= upper;
        lower = c >= 0x61 && c <= 0x7a;
      } else {
        ascii = false;
        if (w === 2) astral = true;
        const k = w === 2 ? 3 : caseOf(c);
        if (prevLower && k === 2) camel = true;
        lower = k === 1;
      }
      prevLower = lower;
      i += w; // 1 unit, or 2 for an astral code point
      w = i < n ? wordCharAt(text, i) : 0;
    }
    const raw = text.slice(start, i);
    // An astral letter has a case too: there the regex decides.
    if (astral) camel = HAS_CAMEL.test(raw);
    if (!camel) {
      // toLowerCase of an ASCII word without a capital is the word itself.
      out.push({ start, end: i, raw, key: ascii && !capital ? raw : foldMemo(raw) });
      continue;
    }
    for (const part of raw.split(CAMEL)) {
      out.push({ start, end: start + part.length, raw: part, key: fold(part) });
      start += part.length;
    }
  }
  return out;
}

/**
 * A name glued to the next word ("Putinwird"): split when the front is a known name token and
 * the rest is a glue word from glue-words.json. Tokens that are names themselves stay whole.
 */
function splitGlued(tokens: Token[], known: Set<string>): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.key.length >= 6 && startsUpper(t.raw) && !known.has(t.key)) {
      const cut = glueCut(t.key, known);
      if (cut > 0) {
        out.push({ start: t.start, end: t.start + cut, raw: t.raw.slice(0, cut), key: t.key.slice(0, cut) });
        out.push({ start: t.start + cut, end: t.end, raw: t.raw.slice(cut), key: t.key.slice(cut) });
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

function glueCut(key: string, known: Set<string>): number {
  for (let n = Math.min(GLUE_MAX, key.length - 3); n >= 3; n--) {
    if (GLUE.has(key.slice(-n)) && known.has(key.slice(0, -n))) return key.length - n;
  }
  return 0;
}

const GLUE = new Set<string>(loadGlueWords());
const GLUE_MAX = Math.max(0, ...[...GLUE].map((w) => w.length));

const isAcronym = (raw: string) => raw.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(raw) && /\p{Lu}/u.test(raw);
const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();
/** isUpper(raw[0]), decided by char code for ASCII (where only A-Z change in lower case). */
const startsUpper = (raw: string): boolean => {
  const c = raw.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : isUpper(raw[0]);
};
/** Trie key of an alias token: acronyms keep their case ("=AP"), everything else is folded. */
const keyOf = (raw: string) => (isAcronym(raw) ? `=${raw}` : fold(raw));

/** German declension endings a role phrase may carry on each word ("russischen Präsidenten"). */
const ROLE_ENDINGS = ['', 'n', 'en', 'r', 'm', 's'];

function expandRole(tokens: string[]): string[][] {
  let acc: string[][] = [[]];
  for (const t of tokens) {
    const forms = isAcronym(t) || !/\p{L}$/u.test(t) ? [t] : ROLE_ENDINGS.map((e) => t + e);
    acc = acc.flatMap((prefix) => forms.map((f) => [...prefix, f]));
  }
  return acc;
}

/**
 * Place and organisation names open with declined adjectives ("Vereinte Nationen" → "der
 * Vereinten Nationen", "Weißes Haus" → "im Weißen Haus"): every non-final word ending in
 * -e/-er/-es/-en/-em also matches the other endings. Such names may start in lower case
 * ("der koreanischen Halbinsel").
 */
const ADJECTIVE = /^(.{3,}e)(?:|r|s|n|m)$/u;
function expandAdjectives(tokens: string[]): string[][] {
  let acc: string[][] = [[]];
  tokens.forEach((t, i) => {
    const m = i < tokens.length - 1 ? ADJECTIVE.exec(t) : null;
    const forms = m?.[1] ? ['', 'r', 's', 'n', 'm'].map((e) => (m[1] as string) + e) : [t];
    acc = acc.flatMap((prefix) => forms.map((f) => [...prefix, f]));
  });
  return acc;
}

export function compileMatcher(entities: readonly Entity[]): NameMatcher {
  const root: Node = { next: new Map(), entries: [] };
  const insert = (keys: string[], entry: Entry) => {
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    for (const k of keys) {
      known.add(k);
      if (k.startsWith('=')) acronyms.add(k.slice(1));
    }
    const same = (e: Entry) => e.entityId === entry.entityId && e.kind === entry.kind && e.from === entry.from && e.to === entry.to;
    if (!node.entries.some(same)) node.entries.push(entry);
  };
  const known = new Set<string>();
  /** Raw tokens that have an exact-case key ("=AP") somewhere in the trie. */
  const acronyms = new Set<string>();
  // Each form is tokenized once (claims, kinds and trie keys all read it) and each raw token
  // keyed once: compiling runs once per build, cold, where every repeated call costs.
  const formTokens = new Map<string, Token[]>();
  const tokensOfForm = (s: string): Token[] => {
    let t = formTokens.get(s);
    if (!t) formTokens.set(s, (t = tokenize(s)));
    return t;
  };
  const rawTokens = (s: string) => tokensOfForm(s).map((t) => t.raw);
  const formKey = (s: string) => tokensOfForm(s).map((t) => t.key).join(' ');
  const keys = new Map<string, string>();
  const keyOfCached = (raw: string): string => {
    let k = keys.get(raw);
    if (k === undefined) keys.set(raw, (k = keyOf(raw)));
    return k;
  };

  // Who claims which unconditional form: a form claimed by two entities is only a short name.
  const claims = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) {
      const k = formKey(form);
      if (!claims.has(k)) claims.set(k, new Set());
      claims.get(k)?.add(e.id);
    }
  }
  const shared = [...claims].filter(([, ids]) => ids.size > 1).map(([k]) => k).sort();

  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) {
      const kind: EntryKind = (claims.get(formKey(form))?.size ?? 0) > 1 ? 'short' : 'alias';
      const raw = rawTokens(form);
      const variants = e.type === 'person' ? [raw] : expandAdjectives(raw);
      const capStart = isUpper(form[0]) && !(variants.length > 1 && ADJECTIVE.test(raw[0] ?? ''));
      for (const v of variants) insert(v.map(keyOfCached), { entityId: e.id, kind, form, capStart });
    }
    for (const form of e.shortNames) {
      insert(rawTokens(form).map(keyOfCached), { entityId: e.id, kind: 'short', form, capStart: isUpper(form[0]) });
    }
    for (const r of e.roleAliases) {
      const role = typeof r === 'string' ? { text: r } : r;
      const entry: Entry = { entityId: e.id, kind: 'role', form: role.text, capStart: isUpper(role.text[0]) };
      if ('from' in role && role.from !== undefined) entry.from = role.from;
      if ('to' in role && role.to !== undefined) entry.to = role.to;
      for (const variant of expandRole(rawTokens(role.text))) insert(variant.map(keyOfCached), entry);
    }
  }

  // The same text is tokenized and matched by mentions, candidates, events and quotes in turn
  // (and a caption or agency paragraph recurs across articles): keep the last few. Both are pure
  // functions of the text; RawMatch objects are shared, so callers get a copy of the list.
  const recent = new Map<string, { tokens: Token[]; matches?: RawMatch[] }>();
  const memo = (text: string) => {
    let m = recent.get(text);
    if (!m) {
      m = { tokens: splitGlued(tokenize(text), known) };
      if (recent.size >= 256) recent.clear();
      recent.set(text, m);
    }
    return m;
  };
  const tokensOf = (text: string): Token[] => memo(text).tokens;

  const match = (text: string): RawMatch[] => {
    const m = memo(text);
    if (m.matches) return m.matches.slice();
    const tokens = m.tokens;
    const out: RawMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = longestAt(root, tokens, i, text, acronyms);
      if (found) {
        out.push(found);
        i = found.tokenEnd;
      } else i++;
    }
    m.matches = out;
    return out.slice();
  };

  const resolve = (name: string): string | undefined => {
    const ms = match(name);
    const ids = new Set<string>();
    for (const m of ms) {
      const unconditional = m.entries.filter((e) => e.kind !== 'short');
      const pool = unconditional.length > 0 ? unconditional : m.entries;
      const entityIds = new Set(pool.map((e) => e.entityId));
      if (entityIds.size === 1) ids.add([...entityIds][0] as string);
    }
    return ids.size === 1 ? [...ids][0] : undefined;
  };

  return { match, resolve, shared, tokens: tokensOf };
}

/** Shorter stem keys a genitive ending may hide ("putins" → "putin", "sicherheitsrates" → "sicherheitsrat"). */
function stemOf(key: string, cut: 1 | 2): string | undefined {
  if (cut === 1) return key.length >= 3 && key.charCodeAt(key.length - 1) === 0x73 ? key.slice(0, -1) : undefined;
  return key.length >= 6 && key.endsWith('es') ? key.slice(0, -2) : undefined;
}

/** Can any name start at this token? One or two Map probes; most tokens stop here. */
function mayStart(root: Node, tok: Token, acronyms: ReadonlySet<string>): boolean {
  const k = tok.key;
  if (root.next.has(k)) return true;
  if (acronyms.has(tok.raw) && root.next.has(`=${tok.raw}`)) return true;
  const s1 = stemOf(k, 1);
  if (s1 !== undefined && root.next.has(s1)) return true;
  const s2 = stemOf(k, 2);
  return s2 !== undefined && root.next.has(s2);
}

function longestAt(root: Node, tokens: Token[], i: number, text: string, acronyms: ReadonlySet<string>): RawMatch | undefined {
  const first = tokens[i];
  if (!first || !mayStart(root, first, acronyms)) return undefined;
  const capFirst = startsUpper(first.raw);
  // At most two live branches: the folded key and the exact-case acronym key ("ria" / "=RIA").
  let nodes: Node[] = [root];
  let best: { end: number; entries: Entry[]; inflected: boolean } | undefined;
  // With a capital first token every entry is usable: the node's own list (never mutated after compile).
  const usable = (entries: Entry[]): Entry[] => (capFirst ? entries : entries.filter((e) => !e.capStart));
  const probe = (node: Node, key: string | undefined, inflected: boolean, j: number, next: Node[]): void => {
    if (key === undefined) return;
    const child = node.next.get(key);
    if (!child) return;
    const entries = usable(child.entries);
    if (entries.length > 0) best = { end: j, entries, inflected };
    // Inflected ending: only ever the last token of a name, so it never continues the walk.
    if (!inflected) next.push(child);
  };
  for (let j = i; j < tokens.length && nodes.length > 0; j++) {
    const tok = tokens[j] as Token;
    if (j > i) {
      const prev = tokens[j - 1] as Token;
      if (!JOIN.test(text.slice(prev.end, tok.start))) break;
    }
    const next: Node[] = [];
    const s1 = stemOf(tok.key, 1);
    const s2 = stemOf(tok.key, 2);
    const acronym = acronyms.has(tok.raw) ? `=${tok.raw}` : undefined;
    // Keys in a fixed order (stems, then the key, then the acronym key), each probed once per node.
    for (const node of nodes) {
      probe(node, s1, true, j, next);
      probe(node, s2, true, j, next);
      probe(node, tok.key, false, j, next);
      probe(node, acronym, false, j, next);
    }
    nodes = next;
  }
  if (!best) return undefined;
  const last = tokens[best.end] as Token;
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokenStart: i,
    tokenEnd: best.end + 1,
    entries: best.entries,
    inflected: best.inflected,
  };
}
