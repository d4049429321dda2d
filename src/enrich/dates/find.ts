/**
 * findDates: German date expressions in running text. Every pattern is a flat alternation of
 * vocabulary words and fixed-width digit groups (no nested quantifiers), so each scan is linear
 * in the text; overlaps are settled afterwards, longest match first.
 */
import { iso } from './calendar.ts';
import {
  DAYPARTS, LAST, MONTHS, NEXT, NUMBER_WORDS, THIS, UNITS, WEEKDAYS,
  monthOf, numberOf, unitOf, vocab, weekdayOf,
} from './vocab.ts';

export type DateUnit = 'day' | 'week' | 'month' | 'year';

/** A date named in a text. `date` is set when day, month and year are all known. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  kind: 'full' | 'month' | 'year' | 'weekday' | 'relative' | 'time';
  year?: number;
  month?: number;
  day?: number;
  /** YYYY-MM-DD when fully determined. */
  date?: string;
  /** ISO weekday (Monday = 1) when a weekday is named ("am Mittwoch", "Mittwoch, 19. Juni 2024"). */
  weekday?: number;
  /** "morgen", "abend" … from "Mittwochmorgen", "am Dienstag Abend", "heute Abend". */
  dayPart?: string;
  /** HH:MM when a clock time is named. */
  time?: string;
  /** Day offset of "heute" (0), "gestern" (−1), "morgen" (+1) … relative to the text's own day. */
  offsetDays?: number;
  /** "letzte Woche" → {unit:'week', amount:-1}; "seit 24 Jahren" → {unit:'year', amount:-24, since:true}. */
  relative?: { unit: DateUnit; amount: number; since?: boolean };
  /** The preposition in front ("am", "im", "seit", "vom"), lower-cased, when there is one. */
  preposition?: string;
  /** A garbled date such as "Russland 13, 2023" (a translator replaced the month). */
  broken?: boolean;
}

export interface FindDatesOptions {
  /** Fill in the year of "19. Juni" (no year) — otherwise such a mention has no `date`. */
  defaultYear?: number;
}

// \b is not Unicode-aware in JS, so word edges are spelled out.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const TIME = '(?:,?\\s+(?:um\\s+)?(\\d{1,2})[:.](\\d{2})(?:\\s*Uhr)?)?';
const PREP = '(?:(am|vom|bis|ab|seit|im|Am|Vom|Bis|Ab|Seit|Im)\\s+)?';
const cap = (alt: string) => alt.split('|').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('|');

type Built = Omit<DateMention, 'start' | 'end' | 'text'>;
/** What a builder may hand in: optional keys may be undefined; clean() drops them. */
type Loose = { [K in keyof Built]?: Built[K] | undefined } & { kind: Built['kind'] };
type Builder = (m: RegExpExecArray, opts: FindDatesOptions) => Built | undefined;
interface Rule { re: RegExp; build: Builder }

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const clock = (h: string | undefined, m: string | undefined): string | undefined =>
  h !== undefined && m !== undefined && Number(h) < 24 && Number(m) < 60 ? `${h.padStart(2, '0')}:${m}` : undefined;

function full(y: number | undefined, mo: number | undefined, d: number | undefined, extra: Omit<Loose, 'kind'>): Built | undefined {
  if (mo === undefined || d === undefined || d < 1 || d > 31) return undefined;
  const date = y !== undefined ? iso(y, mo, d) : undefined;
  if (y !== undefined && date === undefined) return undefined;
  return clean({ kind: date ? 'full' : 'month', month: mo, day: d, ...extra, year: y, date });
}

/** exactOptionalPropertyTypes: drop keys whose value is undefined. */
function clean(o: Loose): Built {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Built; // same keys as Loose minus the undefined ones, which is exactly Built
}

const year4 = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return s.length === 2 ? 2000 + n : n;
};

const RULES: Rule[] = [
  {
    // Mittwoch, 19. Juni 2024, 14:32 Uhr · am 19. Juni · 19. Sept. 2023
    re: new RegExp(`${B}${PREP}(?:(${WEEKDAYS}),?\\s+(?:den\\s+)?)?(\\d{1,2})\\.\\s?(${MONTHS})${E}(?:\\s+(\\d{4})${E})?${TIME}`, 'gu'),
    build: (m, o) => {
      const y = num(m[5]) ?? o.defaultYear;
      return full(y, monthOf(m[4] ?? ''), num(m[3]), { weekday: m[2] ? weekdayOf(m[2]) : undefined, time: clock(m[6], m[7]), preposition: m[1]?.toLowerCase() });
    },
  },
  {
    // 19.06.2024 · Mittwoch, 19.06.24, 14:32 Uhr (a year is required: "3.1." is more often a section number)
    re: new RegExp(`${B}${PREP}(?:(${WEEKDAYS}),?\\s+)?(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})${E}${TIME}`, 'gu'),
    build: (m) => full(year4(m[5]), num(m[4]), num(m[3]), { weekday: m[2] ? weekdayOf(m[2]) : undefined, time: clock(m[6], m[7]), preposition: m[1]?.toLowerCase() }),
  },
  {
    // English order left by machine translation: "September 13, 2023"
    re: new RegExp(`${B}(${MONTHS})\\s+(\\d{1,2}),\\s*(\\d{4})${E}`, 'gu'),
    build: (m) => full(num(m[3]), monthOf(m[1] ?? ''), num(m[2]), {}),
  },
  {
    // "Russland 13, 2023": the month was translated into a word; keep day and year, flag it.
    re: new RegExp(`${B}(\\p{Lu}\\p{Ll}+)\\s+(\\d{1,2}),\\s(\\d{4})${E}`, 'gu'),
    build: (m) => (monthOf(m[1] ?? '') !== undefined ? undefined : clean({ kind: 'year' as const, year: num(m[3]), day: num(m[2]), broken: true })),
  },
  {
    // Juni 2024 · im Juli 2000 · seit März 2022
    re: new RegExp(`${B}(?:(im|seit|bis|ab|Anfang|Mitte|Ende|Im|Seit|Bis|Ab)\\s+)?(${MONTHS})\\s+(\\d{4})${E}`, 'gu'),
    build: (m) => clean({ kind: 'month' as const, month: monthOf(m[2] ?? ''), year: num(m[3]), preposition: m[1]?.toLowerCase() }),
  },
  {
    // im September vergangenen Jahres · im März dieses Jahres
    re: new RegExp(`${B}(?:(im|seit|Im|Seit)\\s+)?(${MONTHS})\\s+(${LAST}|${NEXT}|${THIS})\\s+Jahres${E}`, 'gu'),
    build: (m) => clean({ kind: 'month' as const, month: monthOf(m[2] ?? ''), relative: { unit: 'year' as const, amount: direction(m[3] ?? '') }, preposition: m[1]?.toLowerCase() }),
  },
  {
    // im vergangenen September · im März (year unknown)
    re: new RegExp(`${B}(im|seit|Im|Seit)\\s+(?:(${LAST}|${NEXT}|${THIS})\\s+)?(${MONTHS})${E}`, 'gu'),
    build: (m) => clean({ kind: 'month' as const, month: monthOf(m[3] ?? ''), relative: m[2] ? { unit: 'year' as const, amount: direction(m[2]) } : undefined, preposition: m[1]?.toLowerCase() }),
  },
  {
    // am Mittwoch (19) · Mittwochmorgen · am Dienstag Abend · letzten Montag
    re: new RegExp(`${B}(?:(am|vom|seit|bis|ab|Am|Vom|Seit|Bis|Ab|${LAST}|${NEXT}|${THIS})\\s+)?(${WEEKDAYS})(${DAYPARTS})?(?:\\s+(${cap(DAYPARTS)})${E})?(?:\\s*\\((\\d{1,2})\\))?${E}`, 'gu'),
    build: (m) => {
      const rel = m[1] && !/^(am|vom|seit|bis|ab)$/i.test(m[1]) ? direction(m[1]) : undefined;
      return clean({
        kind: 'weekday' as const, weekday: weekdayOf(m[2] ?? ''), dayPart: (m[3] ?? m[4])?.toLowerCase(), day: num(m[5]),
        relative: rel !== undefined ? { unit: 'week' as const, amount: rel } : undefined,
        preposition: rel === undefined ? m[1]?.toLowerCase() : undefined,
      });
    },
  },
  {
    // Heute um 19:58 Uhr · gestern Abend · morgen (lower case only: "Morgen" is also the noun)
    re: new RegExp(`${B}(${vocab.relativeDays.map((r) => (r.lowercaseOnly ? r.word : `${r.word}|${cap(r.word)}`)).join('|')})${E}(?:\\s+(${DAYPARTS}|${cap(DAYPARTS)})${E})?${TIME}`, 'gu'),
    build: (m) => clean({
      kind: 'relative' as const, offsetDays: vocab.relativeDays.find((r) => r.word === m[1]?.toLowerCase())?.offset,
      dayPart: m[2]?.toLowerCase(), time: clock(m[3], m[4]),
    }),
  },
  {
    // letzte Woche · vergangenes Jahr · diesen Monat
    re: new RegExp(`${B}(${LAST}|${NEXT}|${THIS}|${cap(LAST)}|${cap(NEXT)}|${cap(THIS)})\\s+(Woche|Monat|Jahr|Jahres|Monats|Tag)${E}`, 'gu'),
    build: (m) => {
      const unit = unitOf(m[2] ?? '');
      return unit ? { kind: 'relative', relative: { unit, amount: direction(m[1] ?? '') } } : undefined;
    },
  },
  {
    // seit 24 Jahren · vor zwei Wochen · in drei Tagen
    re: new RegExp(`${B}(seit|vor|in|nach|Seit|Vor|In|Nach)\\s+(\\d{1,4}|${NUMBER_WORDS})\\s+(${UNITS})${E}`, 'gu'),
    build: (m) => {
      const unit = unitOf(m[3] ?? '');
      const n = numberOf(m[2] ?? '');
      if (!unit || n === undefined) return undefined;
      const p = (m[1] ?? '').toLowerCase();
      const amount = p === 'in' || p === 'nach' ? n : -n;
      return { kind: 'relative', relative: p === 'seit' ? { unit, amount, since: true } : { unit, amount }, preposition: p };
    },
  },
  {
    // 19:58 Uhr · um 14 Uhr
    re: new RegExp(`${B}(?:um\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*Uhr${E}`, 'gu'),
    build: (m) => (Number(m[1]) < 24 ? { kind: 'time', time: clock(m[1], m[2] ?? '00') ?? '' } : undefined),
  },
  {
    // 2019 · im Jahr 1991 · seit 2019 (1900–2099 only; "80.000" and "1.000" are not years)
    re: new RegExp(`(?<![\\p{L}\\p{N}.,])(?:(im Jahr|im Jahre|seit|bis|ab|von|Im Jahr|Seit|Bis|Ab|Von)\\s+)?((?:19|20)\\d{2})(?![\\p{L}\\p{N}]|[.,]\\d)`, 'gu'),
    build: (m) => clean({ kind: 'year' as const, year: num(m[2]), preposition: m[1]?.toLowerCase() }),
  },
];

function direction(word: string): number {
  const w = word.toLowerCase();
  if (vocab.lastWords.includes(w)) return -1;
  if (vocab.nextWords.includes(w)) return 1;
  return 0;
}

export function findDates(text: string, opts: FindDatesOptions = {}): DateMention[] {
  const found: DateMention[] = [];
  try {
    for (const rule of RULES) {
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
        if (m[0] === '') { rule.re.lastIndex++; continue; }
        const built = rule.build(m, opts);
        if (built) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...built });
      }
    }
  } catch {
    // A date extractor must never stop a build; what was found so far is still valid.
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  let reach = -1;
  for (const d of found) {
    if (d.start >= reach) {
      out.push(d);
      reach = d.end;
    }
  }
  return out;
}
