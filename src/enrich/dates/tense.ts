/**
 * Which way a weekday word points: "wird am Dienstagabend reisen" (future, the text speaks from
 * before that day) or "haben am Mittwoch unterzeichnet" (past, the text speaks from that day or
 * after). The nearest tense cue within the sentence decides; a tie or no cue is "unknown".
 */
import * as z from 'zod';
import raw from './tense.json' with { type: 'json' };

const Words = z.array(z.string().min(1)).min(1);
const TenseSchema = z.strictObject({ $source: z.string().min(1), future: Words, past: Words, notPast: Words });
const data = TenseSchema.parse(raw);
const FUTURE = new Set(data.future);
const PAST = new Set(data.past);
const NOT_PAST = new Set(data.notPast);

export type Tense = 'past' | 'future' | 'unknown';

/** Weak Präteritum ("teilten", "brachte") and ge-participles ("gereist", "getroffen"). */
const WEAK_PAST = /^\p{Ll}{2,}(?:te|ten|tet)$/u;
const PARTICIPLE = /^ge\p{Ll}{3,}(?:t|en)$/u;
/** "Putinwird": a verb glued to the name before it by lost markup. */
const GLUED_FUTURE = /\p{Ll}(?:wird|werden)$/u;

function cue(token: string): Tense | undefined {
  if (FUTURE.has(token) || GLUED_FUTURE.test(token)) return 'future';
  if (NOT_PAST.has(token)) return undefined;
  if (PAST.has(token) || WEAK_PAST.test(token) || PARTICIPLE.test(token)) return 'past';
  return undefined;
}

const WINDOW = 8;

/** Tense of the clause around text[start, end) — looking no further than the sentence. */
export function tenseAround(text: string, start: number, end: number): Tense {
  const sentenceStart = Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('! ', start), text.lastIndexOf('? ', start)) + 1;
  const stops = ['. ', '! ', '? '].map((s) => text.indexOf(s, end)).filter((i) => i >= 0);
  const sentenceEnd = stops.length ? Math.min(...stops) : text.length;
  const before = text.slice(sentenceStart, start).split(/[\s,;:()„“”"]+/).filter(Boolean).reverse().slice(0, WINDOW);
  const after = text.slice(end, sentenceEnd).split(/[\s,;:()„“”"]+/).filter(Boolean).slice(0, WINDOW);
  for (let i = 0; i < WINDOW; i++) {
    const b = before[i] !== undefined ? cue(before[i] ?? '') : undefined;
    const a = after[i] !== undefined ? cue(after[i] ?? '') : undefined;
    if (b && a && b !== a) return 'unknown';
    if (b ?? a) return (b ?? a) as Tense; // one side found a cue at this distance; the `as` narrows away undefined, checked just above
  }
  return 'unknown';
}
