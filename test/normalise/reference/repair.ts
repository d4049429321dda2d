// Reference copy of src/normalise/repair.ts as of 274304c (before the performance rewrite): the
// oracle for test/normalise/equivalence.test.ts. Do not optimise this file; it defines the output.
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
import type { Repair } from '../../../src/model/article.ts';
import { GLUE } from '../../../src/normalise/data.ts';

export interface RepairContext {
  /** How often each whitespace-separated token (punctuation trimmed) occurs in the document. */
  tokenCount: Map<string, number>;
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

const EDGE_WORD = /[\p{L}\d]/u;
export const coreToken = (t: string): string =>
  // Most tokens start and end with a letter: skip the regex for them (hot on large inputs).
  EDGE_WORD.test(t.charAt(0)) && EDGE_WORD.test(t.charAt(t.length - 1)) ? t : t.replace(PUNCT_EDGE, '');

export function countTokens(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const t of text.split(/\s+/)) {
      const core = coreToken(t);
      if (core) counts.set(core, (counts.get(core) ?? 0) + 1);
    }
  }
  return counts;
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

function fixSentenceSpace(text: string, out: Omit<Repair, 'line'>[], limit: number): string {
  if (out.length >= limit) return text;
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

function splitCamel(core: string, ctx: RepairContext): [string, string] | undefined {
  if (!/^\p{Lu}/u.test(core) || GLUE.camelCaseTokens.has(core) || (ctx.tokenCount.get(core) ?? 0) > 1) return undefined;
  const m = CAMEL.exec(core);
  if (!m) return undefined;
  const prefix = core.slice(0, m.index);
  const suffix = core.slice(m.index);
  const segment = prefix.split('-').pop() ?? prefix;
  const suffixWord = /^\p{Lu}\p{Ll}+/u.exec(suffix)?.[0] ?? '';
  if (segment.length < 2 || GLUE.camelCasePrefixes.has(segment) || GLUE.neverSplitSuffixes.has(suffixWord)) return undefined;
  if (!/^[\p{L}-]+$/u.test(suffix) || /\p{Lu}/u.test(suffix.slice(1))) return undefined;
  const certain =
    GLUE.functionWords.has(suffix) ||
    (ctx.tokenCount.get(prefix) ?? 0) > 0 ||
    (segment.length >= 4 && suffix.length >= 4);
  return certain ? [prefix, suffix] : undefined;
}

function splitVerb(core: string, prevToken: string, ctx: RepairContext): [string, string] | undefined {
  if (!/^\p{Lu}\p{Ll}+$/u.test(core) || (ctx.tokenCount.get(core) ?? 0) > 1) return undefined;
  for (const suffix of GLUE.safeSuffixes) {
    if (!core.endsWith(suffix)) continue;
    const prefix = core.slice(0, -suffix.length);
    if (prefix.length < 3) return undefined;
    const standalone = (ctx.tokenCount.get(prefix) ?? 0) > 0;
    const nameContext = /^\p{Lu}[\p{L}-]+$/u.test(coreToken(prevToken)) && prefix.length >= 4;
    const evidence = suffix.length < GLUE.shortSuffixNeedsEvidence ? standalone : standalone || nameContext;
    return evidence ? [prefix, suffix] : undefined;
  }
  return undefined;
}

function fixGlue(text: string, ctx: RepairContext, out: Omit<Repair, 'line'>[], limit: number): string {
  if (out.length >= limit) return text;
  const parts = text.split(/(\s+)/);
  for (let i = 0; i < parts.length && out.length < limit; i += 2) {
    const token = parts[i]!;
    const core = coreToken(token);
    if (core.length < 6) continue;
    const camel = splitCamel(core, ctx);
    const split = camel ?? splitVerb(core, parts[i - 2] ?? '', ctx);
    if (!split) continue;
    const fixed = token.replace(core, `${split[0]} ${split[1]}`);
    out.push({ before: core, after: `${split[0]} ${split[1]}`, rule: camel ? 'glued-capital' : 'glued-verb' });
    parts[i] = fixed;
  }
  return parts.join('');
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
