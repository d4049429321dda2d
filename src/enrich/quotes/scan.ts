/**
 * Quotation spans in one block of text. A small state machine over quote marks rather than one
 * regex, because scraped and machine-translated text mixes styles: „…“, „…”, “…”, »…«, «…», "…",
 * a quote closed too early and finished by a stray mark (`„Wir werden … besprechen.“ Da ist Zeit.”`),
 * and a quote left open to the end of the paragraph. Nested ‚…‘ and ›…‹ stay inside the text.
 */

import { countWords } from './words.ts';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the text length when the quote runs to the end of the block. */
  close: number;
  text: string;
  closed: boolean;
}

const CLOSERS: Record<string, string> = { '„': '“”"', '“': '”“"', '”': '”“', '"': '"“”', '»': '«', '«': '»' };
const LETTER = /[\p{L}\p{N}[(]/u;

/** A mark that could open or close (“ ” "): it opens when a word follows and no word precedes it. */
function opensHere(text: string, i: number): boolean {
  const next = text[i + 1] ?? '';
  const prev = text[i - 1] ?? ' ';
  return LETTER.test(next) && !/[\p{L}\p{N}.,!?]/u.test(prev);
}

/** Text between open and close, with a wrongly placed mark in the middle removed. */
function inner(text: string, open: number, close: number, drop?: number): string {
  const body = drop === undefined ? text.slice(open + 1, close) : text.slice(open + 1, drop) + text.slice(drop + 1, close);
  return body.trim();
}

/** Every mark in CLOSERS: the scan jumps from one to the next instead of visiting each character. */
const MARK = /[„“”"»«]/g;

export function scanQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let closers = '';
  let last: (QuoteSpan & { closeMark: number }) | undefined;
  MARK.lastIndex = 0;
  for (let hit = MARK.exec(text); hit; hit = MARK.exec(text)) {
    const i = hit.index;
    const c = hit[0];
    if (openAt >= 0) {
      if (closers.includes(c)) {
        last = { open: openAt, close: i, text: inner(text, openAt, i), closed: true, closeMark: i };
        spans.push(last);
        openAt = -1;
      } else if (c === '„' || c === '»') {
        // A new opener while one is open: the first was never closed; give it up, start again.
        openAt = i;
        closers = CLOSERS[c] ?? '';
      }
      continue;
    }
    if (c === '„' || c === '»' || c === '«' || opensHere(text, i)) {
      openAt = i;
      closers = CLOSERS[c] ?? '';
      continue;
    }
    // A stray closer: extend the previous quote when it ended a sentence and nothing but plain
    // text lies between ("besprechen.“ Da ist Zeit.”") — the first closing mark was misplaced.
    if (last && last === spans[spans.length - 1] && i - last.close <= 150 && /[.!?]$/.test(last.text) && /[.!?]\s*$/.test(text.slice(last.close + 1, i))) {
      const merged = { ...last, close: i, text: inner(text, last.open, i, last.closeMark) };
      spans[spans.length - 1] = merged;
      last = undefined;
    }
  }
  if (openAt >= 0) spans.push({ open: openAt, close: text.length, text: text.slice(openAt + 1).trim(), closed: false });
  return spans.map(({ open, close, text: t, closed }) => ({ open, close, text: t, closed }));
}

/** Number of words in `s`; with `upTo`, counting stops there (enough to compare with a bound). */
export const wordCount = countWords;
