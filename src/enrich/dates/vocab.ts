/**
 * Date vocabulary (vocab.json), validated once at module load. A malformed entry is a build bug,
 * not an editor mistake, so it throws here with the zod path instead of failing silently later.
 */
import * as z from 'zod';
import raw from './vocab.json' with { type: 'json' };

const Words = z.array(z.string().min(1)).min(1);
const VocabSchema = z.strictObject({
  $source: z.string().min(1),
  months: z.array(z.strictObject({ month: z.number().int().min(1).max(12), names: Words })).length(12),
  weekdays: z.array(z.strictObject({ isoDay: z.number().int().min(1).max(7), names: Words })).length(7),
  dayParts: Words,
  relativeDays: z.array(z.strictObject({ word: z.string().min(1), offset: z.number().int(), lowercaseOnly: z.boolean().optional() })),
  units: z.array(z.strictObject({ unit: z.enum(['day', 'week', 'month', 'year']), names: Words })),
  lastWords: Words,
  nextWords: Words,
  thisWords: Words,
  numberWords: z.record(z.string(), z.number().int().positive()),
  publishedLabels: Words,
  updateLabels: Words,
  notPublicationLines: Words,
});
export type DateVocab = z.infer<typeof VocabSchema>;

export const vocab: DateVocab = VocabSchema.parse(raw);

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest first, so "Sept." wins over "Sep." and "Jänner" is not cut short. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRe).join('|');
}

const monthByName = new Map<string, number>();
for (const m of vocab.months) for (const n of m.names) monthByName.set(n.toLowerCase(), m.month);
const weekdayByName = new Map<string, number>();
for (const w of vocab.weekdays) for (const n of w.names) weekdayByName.set(n.toLowerCase(), w.isoDay);
const unitByName = new Map<string, 'day' | 'week' | 'month' | 'year'>();
for (const u of vocab.units) for (const n of u.names) unitByName.set(n.toLowerCase(), u.unit);

export const monthOf = (name: string): number | undefined => monthByName.get(name.toLowerCase());
export const weekdayOf = (name: string): number | undefined => weekdayByName.get(name.toLowerCase());
export const unitOf = (name: string): 'day' | 'week' | 'month' | 'year' | undefined => unitByName.get(name.toLowerCase());
export const numberOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : vocab.numberWords[word.toLowerCase()]);

export const MONTHS = alternation(vocab.months.flatMap((m) => m.names));
export const WEEKDAYS = alternation(vocab.weekdays.flatMap((w) => w.names));
export const DAYPARTS = alternation(vocab.dayParts);
export const UNITS = alternation(vocab.units.flatMap((u) => u.names));
export const LAST = alternation(vocab.lastWords);
export const NEXT = alternation(vocab.nextWords);
export const THIS = alternation(vocab.thisWords);
export const NUMBER_WORDS = alternation(Object.keys(vocab.numberWords));
