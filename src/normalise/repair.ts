/**
 * Repairs of text damaged by stripped markup, made only where certain, each one recorded:
 *  - `space-after-quote`: a closing quote glued to the next word („Dokumente“einschließlich),
 *    or an opening „ glued to the previous word;
 *  - `space-after-sentence`: "2023.Ahn", "gesagt.Die";
 *  - `glued-capital`: lowercase→Uppercase inside a token where both halves are plausible words
 *    ("Kim Jong-unDas", "UschakowKremlberater"), never in brand spellings (rules/glue.json);
 *  - `glued-verb`: a capitalised word with a finite verb from rules/glue.json glued on
 *    ("Putinwird"), only with evidence the prefix is a word of its own.
 * All scans are linear; the state object carries open quotes across the lines of a paragraph.
 */
import type { Repair } from '../model/article.ts';
import { isSpace, isWordUnit } from './chars.ts';
import { GLUE } from './data.ts';

/** How often a whitespace-separated token (punctuation trimmed) occurs in the document. */
export interface TokenCounts {
  get(token: string): number | undefined;
}

export interface RepairContext {
  /** The document's token counts (a Map from countTokens, or lazyTokenCounts). */
  tokenCount: TokenCounts;
  /**
   * Repairs left for this document. A news text needs a handful; thousands mean the input is
   * not prose (generated or binary-like text), and repairing it would only cost time.
   */
  budget?: number;
}

/** Default repair budget per document. */
export const MAX_REPAIRS = 1000;

export interface QuoteState {
  open: string | null;
}

const CLOSER: Record<string, string> = { '„': '“', '‚': '‘', '»': '«', '«': '»', '“': '”', '"': '"' };
const WORD_CHAR = /[\p{L}\d]/u;
const PUNCT_EDGE = /^[^\p{L}\d]+|[^\p{L}\d]+$/gu;

export const coreToken = (t: string): string =>
  // Most tokens start and end with a letter: skip the regex for them (hot on large inputs).
  isWordUnit(t.charAt(0)) && isWordUnit(t.charAt(t.length - 1)) ? t : t.replace(PUNCT_EDGE, '');

/**
 * Token counts for RepairContext. Repairs only ever ask about tokens that start with an upper-case
 * letter (a glued word and its prefix), so tokens starting with a lower-case ASCII letter are not
 * counted: that is most of the text, and no answer changes.
 */
export function countTokens(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    CANDIDATE_TOKEN.lastIndex = 0;
    for (let m = CANDIDATE_TOKEN.exec(text); m !== null; m = CANDIDATE_TOKEN.exec(text)) {
      const core = coreToken(m[0]);
      if (core) counts.set(core, (counts.get(core) ?? 0) + 1);
    }
  }
  return counts;
}
/** A whole whitespace-delimited token not starting with a-z (`\s` and `\S` as in split(/\s+/)). */
const CANDIDATE_TOKEN = /(?<!\S)[^\sa-z]\S*/g;


/**
 * The counts countTokens(texts) would give, found per question: repairs ask about a few tokens per
 * document at most (none when no token could split: lexical() is null for all of them), so each
 * asked token is looked up with indexOf instead of counting every token of the document. `texts`
 * is read at the question, so callers hand in a snapshot taken before any line is repaired.
 */
export function lazyTokenCounts(texts: readonly string[]): TokenCounts {
  const asked = new Map<string, number>();
  return {
    get(token) {
      let n = asked.get(token);
      if (n === undefined) asked.set(token, (n = occurrences(texts, token)));
      return n === 0 ? undefined : n;
    },
  };
}

/**
 * How many whitespace-delimited tokens of `texts` not starting with a-z have `key` as their core.
 * A token whose core is `key` holds it once (the core starts and ends with a word character,
 * the edges around it are none), so after a hit the search goes on past the token.
 */
function occurrences(texts: readonly string[], key: string): number {
  let n = 0;
  for (const text of texts) {
    for (let at = text.indexOf(key); at !== -1; ) {
      let start = at;
      while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
      let end = at + key.length;
      while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      const c = text.charCodeAt(start);
      if (!(c >= 97 && c <= 122) && coreToken(text.slice(start, end)) === key) n++;
      at = text.indexOf(key, end);
    }
  }
  return n;
}

/** The whitespace-delimited token around `at`, before and after a space is inserted at `at`. */
function spaced(text: string, at: number, rule: string): Omit<Repair, 'line'> {
  const start = text.lastIndexOf(' ', at - 1) + 1;
  const endRaw = text.indexOf(' ', at);
  const token = text.slice(start, endRaw === -1 ? undefined : endRaw);
  const cut = at - start;
  return { before: token, after: `${token.slice(0, cut)} ${token.slice(cut)}`, rule };
}

function fixQuotes(text: string, state: QuoteState, out: Omit<Repair, 'line'>[], limit: number): string {
  const QUOTES = /["„“”‚‘»«]/gu;
  if (out.length >= limit || !/["„“”‚‘»«]/u.test(text)) return text;
  // Work on slices between quote marks (all BMP), not on a char array: lines may be megabytes.
  const result: string[] = [];
  let last = 0;
  for (const m of text.matchAll(QUOTES)) {
    if (out.length >= limit) break;
    const i = m.index;
    const c = m[0];
    const prev = text.charAt(i - 1) || ' ';
    const next = text.charAt(i + 1) || ' ';
    let closing = false;
    let spaceBefore = false;
    if (state.open !== null && (c === CLOSER[state.open] || (state.open === '“' && c === '“'))) {
      closing = true;
      state.open = null;
    } else if (state.open === null && c in CLOSER && c !== '«' && c !== '”' && c !== '‘') {
      state.open = c;
      // German „ never follows a letter directly.
      spaceBefore = c === '„' && WORD_CHAR.test(prev);
    }
    result.push(text.slice(last, i));
    if (spaceBefore) {
      result.push(' ');
      out.push(spaced(text, i, 'space-after-quote'));
    }
    result.push(c);
    if (closing && WORD_CHAR.test(next) && c !== '‘') {
      result.push(' ');
      out.push(spaced(text, i + 1, 'space-after-quote'));
    }
    last = i + 1;
  }
  result.push(text.slice(last));
  return result.join('');
}

const GLUED_SENTENCE = /(?<=[\p{Ll}\d]{2})([.!?])(?=\p{Lu}\p{Ll}{2,})/gu;

/**
 * Whether `text` may hold a GLUED_SENTENCE match: some [.!?] directly before an ASCII capital or
 * a non-ASCII code unit. A cheap necessary condition: most lines have none, and the lookbehind
 * regex is costly to run over every line. Without the u flag the class is per code unit; a regex
 * that opens with a literal class scans far faster than a char-code loop in JavaScript.
 */
const MAY_GLUE_SENTENCE = /[.!?][A-Z\u0080-\uffff]/;
const mayGlueSentence = (text: string): boolean => MAY_GLUE_SENTENCE.test(text);

function fixSentenceSpace(text: string, out: Omit<Repair, 'line'>[], limit: number): string {
  if (out.length >= limit || !mayGlueSentence(text)) return text;
  return text.replace(GLUED_SENTENCE, (p: string, _g: string, offset: number) => {
    if (out.length >= limit) return p;
    const r = spaced(text, offset + 1, 'space-after-sentence');
    // URLs, mail addresses and domains keep their dots.
    if (/:\/\/|www\.|@|\.(?:de|com|org|net|at|ch|eu|ru)\b/i.test(r.before)) return p;
    out.push(r);
    return `${p} `;
  });
}

const CAMEL = /(?<=\p{Ll})(?=\p{Lu}\p{Ll}{2})/u;
const STARTS_UPPER = /^\p{Lu}/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const NAME_TOKEN = /^\p{Lu}[\p{L}-]+$/u;

/**
 * What a token's spelling alone says about splitting it; the document's token counts decide the
 * rest. `always`: certain without evidence from the document (camel: a function word or two long
 * halves; verb: a suffix long enough that a name before it is evidence enough).
 */
interface Lexical {
  camel?: { prefix: string; suffix: string; always: boolean };
  verb?: { prefix: string; suffix: string; short: boolean };
}

function lexicalCamel(core: string): Lexical['camel'] {
  if (!STARTS_UPPER.test(core) || GLUE.camelCaseTokens.has(core)) return undefined;
  const m = CAMEL.exec(core);
  if (!m) return undefined;
  const prefix = core.slice(0, m.index);
  const suffix = core.slice(m.index);
  const segment = prefix.split('-').pop() ?? prefix;
  const suffixWord = /^\p{Lu}\p{Ll}+/u.exec(suffix)?.[0] ?? '';
  if (segment.length < 2 || GLUE.camelCasePrefixes.has(segment) || GLUE.neverSplitSuffixes.has(suffixWord)) return undefined;
  if (!/^[\p{L}-]+$/u.test(suffix) || /\p{Lu}/u.test(suffix.slice(1))) return undefined;
  return { prefix, suffix, always: GLUE.functionWords.has(suffix) || (segment.length >= 4 && suffix.length >= 4) };
}

function lexicalVerb(core: string): Lexical['verb'] {
  if (!CAPITALISED_WORD.test(core)) return undefined;
  for (const suffix of GLUE.safeSuffixes) {
    if (!core.endsWith(suffix)) continue;
    const prefix = core.slice(0, -suffix.length);
    if (prefix.length < 3) return undefined;
    return { prefix, suffix, short: suffix.length < GLUE.shortSuffixNeedsEvidence };
  }
  return undefined;
}

/**
 * Lexical analysis per distinct token, shared by all documents (news vocabulary repeats a lot).
 * A pure function of the token, so caching changes no result; cleared when large to bound memory.
 */
const LEXICAL = new Map<string, Lexical | null>();
const LEXICAL_MAX = 200_000;

function lexical(core: string): Lexical | null {
  let lex = LEXICAL.get(core);
  if (lex === undefined) {
    const camel = lexicalCamel(core);
    const verb = lexicalVerb(core);
    lex = camel || verb ? { ...(camel ? { camel } : {}), ...(verb ? { verb } : {}) } : null;
    if (LEXICAL.size >= LEXICAL_MAX) LEXICAL.clear();
    LEXICAL.set(core, lex);
  }
  return lex;
}

/**
 * The split of a glued token, if certain: `glued-capital` (camel case: lowercase→Uppercase inside
 * a token where both halves are plausible words) before `glued-verb` (a finite verb glued on).
 * Neither splits a token that occurs more than once in the document: a repeated spelling is meant.
 */
function splitGlued(core: string, prevToken: () => string, ctx: RepairContext): { prefix: string; suffix: string; rule: string } | undefined {
  // Both kinds need an upper-case first letter: skip lower-case ASCII words without a lookup.
  const c = core.charCodeAt(0);
  if (c >= 97 && c <= 122) return undefined;
  // The spelling first (cached, pure): most tokens cannot split, and then the counts are never needed.
  const lex = lexical(core);
  if (!lex) return undefined;
  if ((ctx.tokenCount.get(core) ?? 0) > 1) return undefined;
  const { camel, verb } = lex;
  if (camel && (camel.always || (ctx.tokenCount.get(camel.prefix) ?? 0) > 0)) return { prefix: camel.prefix, suffix: camel.suffix, rule: 'glued-capital' };
  if (!verb) return undefined;
  const standalone = (ctx.tokenCount.get(verb.prefix) ?? 0) > 0;
  const evidence = standalone || (!verb.short && verb.prefix.length >= 4 && NAME_TOKEN.test(coreToken(prevToken())));
  return evidence ? { prefix: verb.prefix, suffix: verb.suffix, rule: 'glued-verb' } : undefined;
}

/** A whole token of 6+ code units not starting with a-z: the only ones splitGlued can split. */
const GLUE_CANDIDATE = /(?<!\S)[^\sa-z]\S{5,}/g;

function fixGlue(text: string, ctx: RepairContext, out: Omit<Repair, 'line'>[], limit: number): string {
  if (out.length >= limit) return text;
  // Candidates found by one regex scan; the text is rebuilt only when a token splits.
  const pieces: string[] = [];
  let last = 0;
  let fixedEnd = -1;
  let fixed = '';
  let start = 0;
  /** The token before the current one, as already repaired (empty at the start of the text). */
  const prevToken = (): string => {
    let e = start;
    while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
    if (e === fixedEnd) return fixed;
    let s = e;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    return text.slice(s, e);
  };
  GLUE_CANDIDATE.lastIndex = 0;
  for (let m = GLUE_CANDIDATE.exec(text); m !== null && out.length < limit; m = GLUE_CANDIDATE.exec(text)) {
    const token = m[0];
    start = m.index;
    const core = coreToken(token);
    const split = core.length >= 6 ? splitGlued(core, prevToken, ctx) : undefined;
    if (!split) continue;
    const after = `${split.prefix} ${split.suffix}`;
    fixed = token.replace(core, after);
    fixedEnd = start + token.length;
    out.push({ before: core, after, rule: split.rule });
    pieces.push(text.slice(last, start), fixed);
    last = fixedEnd;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(last));
  return pieces.join('');
}

/** Repair one source line. Returns the new text; repairs are appended to `repairs`. */
export function repairLine(text: string, line: number, state: QuoteState, ctx: RepairContext, repairs: Repair[]): string {
  const budget = ctx.budget ?? MAX_REPAIRS;
  if (budget <= 0) return text;
  const found: Omit<Repair, 'line'>[] = [];
  let t = fixQuotes(text, state, found, budget);
  t = fixSentenceSpace(t, found, budget);
  t = fixGlue(t, ctx, found, budget);
  ctx.budget = budget - found.length;
  for (const r of found) repairs.push({ line, ...r });
  return t;
}
