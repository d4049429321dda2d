/**
 * Inferred publication day: weekday words in the body ("am Mittwoch", "Mittwochmorgen",
 * "am Mittwoch (19)") resolved against the article's event, read with the tense of their clause.
 * A past-tense weekday says the text speaks from that day or later; a future one, from before it.
 * The text's own day is the latest past weekday, bounded by the earliest future one; with only
 * future words it is the same day only when an evening is named ("wird am Dienstagabend reisen").
 * Anything contradictory or thin is null: no date is better than a wrong date.
 */
import type { Article } from '../../model/article.ts';
import type { CorpusEvent } from '../../model/knowledge.ts';
import { fromDays, germanDate, toDays, weekdayOfDays } from './calendar.ts';
import { findDates, type DateMention } from './find.ts';
import { tenseAround, type Tense } from './tense.ts';

export interface Anchor {
  mention: DateMention;
  date: string;
  tense: Exclude<Tense, 'unknown'>;
  /** The clause as written, for the evidence. */
  clause: string;
}

export interface Inference {
  date: string;
  anchors: Anchor[];
  /** The anchor that fixed the day. */
  decisive: Anchor;
}

/** Evening words: a text that announces "am Dienstagabend" is written on that Tuesday. */
const SAME_DAY_PARTS = new Set(['abend', 'nacht', 'nachmittag']);
const SEARCH_DAYS = 6;
const WEEKDAYS_ONLY = { kinds: ['weekday'] } as const;

/** The weekday's date nearest the event: inside its range if possible, else up to six days either side. */
export function weekdayDate(m: DateMention, ev: CorpusEvent): string | undefined {
  if (m.weekday === undefined) return undefined;
  const [from, to] = [toDays(ev.start), toDays(ev.end)];
  let best: number | undefined;
  let bestDist = Infinity;
  let tie = false;
  for (let d = from - SEARCH_DAYS; d <= to + SEARCH_DAYS; d++) {
    if (weekdayOfDays(d) !== m.weekday) continue;
    if (m.day !== undefined && Number(fromDays(d).slice(8)) !== m.day) continue;
    const dist = d < from ? from - d : d > to ? d - to : 0;
    if (dist < bestDist) [best, bestDist, tie] = [d, dist, false];
    else if (dist === bestDist) tie = true;
  }
  return tie || best === undefined ? undefined : fromDays(best);
}

/** Spans inside quotation marks: a speaker's "heute" or "am Montag" is not the reporter's. */
function quoted(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/„[^“”"]*[“”"]|»[^«]*«|«[^»]*»|"[^"]*"|“[^”“]*[”“]/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The clause around a mention, at most ~80 characters either side, for the evidence. */
function clauseOf(text: string, m: DateMention): string {
  const head = text.slice(Math.max(0, m.start - 80), m.start);
  const cut = Math.max(...['. ', ', ', '; ', ': ', '– '].map((s) => head.lastIndexOf(s) + s.length - 1));
  // No boundary found: start at the block's start, or at the first whole word of the window.
  const from = m.start - head.length + (cut > 0 ? cut + 1 : m.start <= 80 ? 0 : head.indexOf(' ') + 1);
  const tail = text.slice(m.end, m.end + 80);
  const stops = [/[.,;:–]\s/.exec(tail)?.index, tail.length === 80 ? tail.lastIndexOf(' ') : tail.length].filter((i): i is number => i !== undefined && i >= 0);
  return text.slice(from, m.end + Math.min(...stops)).trim();
}

export function collectAnchors(article: Article, ev: CorpusEvent): Anchor[] {
  const anchors: Anchor[] = [];
  for (const block of article.blocks) {
    // Captions date the photo, not the article.
    if (block.type === 'caption' || block.type === 'blockquote') continue;
    let spans: [number, number][] | undefined;
    for (const m of findDates(block.text, WEEKDAYS_ONLY)) {
      if (m.kind !== 'weekday' || m.relative !== undefined) continue;
      spans ??= quoted(block.text);
      if (spans.some(([s, e]) => m.start >= s && m.end <= e)) continue;
      const date = weekdayDate(m, ev);
      const tense = tenseAround(block.text, m.start, m.end);
      if (date === undefined || tense === 'unknown') continue;
      anchors.push({ mention: m, date, tense, clause: clauseOf(block.text, m) });
    }
  }
  return anchors;
}

export function inferFromEvent(article: Article, ev: CorpusEvent): Inference | { conflict: string } | null {
  const anchors = collectAnchors(article, ev);
  const past = anchors.filter((a) => a.tense === 'past').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const future = anchors.filter((a) => a.tense === 'future').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latestPast = past[0];
  const firstFuture = future[0];
  if (latestPast) {
    if (firstFuture && firstFuture.date < latestPast.date) {
      return { conflict: `„${latestPast.clause}“ (${germanDate(latestPast.date)}) liegt nach „${firstFuture.clause}“ (${germanDate(firstFuture.date)})` };
    }
    return { date: latestPast.date, anchors, decisive: latestPast };
  }
  if (firstFuture && firstFuture.mention.dayPart !== undefined && SAME_DAY_PARTS.has(firstFuture.mention.dayPart)) {
    return { date: firstFuture.date, anchors, decisive: firstFuture };
  }
  return null;
}
