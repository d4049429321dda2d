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
  /** Only run the rules that can produce these kinds (e.g. `['weekday']`): cheaper on long texts. */
  kinds?: readonly DateMention['kind'][];
}

// Every rule's regex starts with its mandatory core (a digit group or a vocabulary word): V8 then
// skips ahead fast, where a leading lookbehind or optional prefix is tried at every position (~100×
// slower, measured on the seeds). Optional words in front ("am", "Mittwoch,") are read afterwards
// by `prefix`, a small regex anchored at the end of the 40 characters before the core.
const E = '(?![\\p{L}\\p{N}])';
const TIME = '(?:,?\\s+(?:um\\s+)?(\\d{1,2})[:.](\\d{2})(?:\\s*Uhr)?)?';
const PREPS = 'am|vom|bis|ab|seit|im|Am|Vom|Bis|Ab|Seit|Im';
const cap = (alt: string) => alt.split('|').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('|');
const LOOKBACK = 40;

type Built = Omit<DateMention, 'start' | 'end' | 'text'>;
/** What a builder may hand in: optional keys may be undefined; clean() drops them. */
type Loose = { [K in keyof Built]?: Built[K] | undefined } & { kind: Built['kind'] };
type Need = 'digit' | 'month';
type Builder = (m: RegExpExecArray, pre: RegExpExecArray | null, opts: FindDatesOptions) => Built | undefined;
interface Rule {
  /** The kinds this rule can produce, for `FindDatesOptions.kinds`. */
  kinds: readonly DateMention['kind'][];
  re: RegExp;
  /** Words allowed (or, with `needsPrefix`, required) right before the core; must end with `$`. */
  prefix?: RegExp;
  needsPrefix?: boolean;
  /** Characters that may not touch the mention on the left (default: letters and digits). */
  left?: RegExp;
  /**
   * What every match of `re` contains (an ASCII digit, a month name from the vocabulary): a text
   * without it is not scanned by this rule at all. Only what the pattern itself requires.
   */
  needs?: readonly Need[];
  build: Builder;
}

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
  // for-in visits a literal's own keys in the order Object.entries gives, without building pairs.
  for (const k in o) {
    const v = o[k as keyof Loose];
    if (v !== undefined) out[k] = v;
  }
  return out as Built; // same keys as Loose minus the undefined ones, which is exactly Built
}

const year4 = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return s.length === 2 ? 2000 + n : n;
};

/** "am Mittwoch, " / "Mittwoch, den " / "am " before a day number. Groups: prep, weekday, prep. */
const WEEKDAY_PREFIX = new RegExp(`(?:(?:(${PREPS})\\s+)?(${WEEKDAYS}),?\\s+(?:den\\s+)?|(${PREPS})\\s+)$`, 'u');
const dayPrefix = (pre: RegExpExecArray | null): Omit<Loose, 'kind'> => ({
  weekday: pre?.[2] ? weekdayOf(pre[2]) : undefined,
  preposition: (pre?.[1] ?? pre?.[3])?.toLowerCase(),
});

export const RULES: Rule[] = [
  {
    // Mittwoch, 19. Juni 2024, 14:32 Uhr · am 19. Juni · 19. Sept. 2023
    kinds: ['full', 'month'],
    re: new RegExp(`(\\d{1,2})\\.\\s?(${MONTHS})${E}(?:\\s+(\\d{4})${E})?${TIME}`, 'gu'),
    needs: ['digit', 'month'],
    prefix: WEEKDAY_PREFIX,
    build: (m, pre, o) => full(num(m[3]) ?? o.defaultYear, monthOf(m[2] ?? ''), num(m[1]), { ...dayPrefix(pre), time: clock(m[4], m[5]) }),
  },
  {
    // 19.06.2024 · Mittwoch, 19.06.24, 14:32 Uhr (a year is required: "3.1." is more often a section number)
    kinds: ['full', 'month'],
    re: new RegExp(`(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})${E}${TIME}`, 'gu'),
    needs: ['digit'],
    prefix: WEEKDAY_PREFIX,
    build: (m, pre) => full(year4(m[3]), num(m[2]), num(m[1]), { ...dayPrefix(pre), time: clock(m[4], m[5]) }),
  },
  {
    // English order left by machine translation ("September 13, 2023"), or a month translated into
    kinds: ['full', 'year'],
    // a word ("Russland 13, 2023"): keep day and year of the latter, flagged as broken.
    re: new RegExp(`(\\d{1,2}),\\s(\\d{4})${E}`, 'gu'),
    needs: ['digit'],
    prefix: /(\p{Lu}\p{Ll}+\.?)\s+$/u,
    needsPrefix: true,
    build: (m, pre) => {
      const month = monthOf(pre?.[1] ?? '');
      return month !== undefined ? full(num(m[2]), month, num(m[1]), {}) : clean({ kind: 'year', year: num(m[2]), day: num(m[1]), broken: true });
    },
  },
  {
    // Juni 2024 · im Juli 2000 · seit März 2022
    kinds: ['month'],
    re: new RegExp(`(${MONTHS})\\s+(\\d{4})${E}`, 'gu'),
    needs: ['digit', 'month'],
    prefix: /(im|seit|bis|ab|Anfang|Mitte|Ende|Im|Seit|Bis|Ab)\s+$/u,
    build: (m, pre) => clean({ kind: 'month', month: monthOf(m[1] ?? ''), year: num(m[2]), preposition: pre?.[1]?.toLowerCase() }),
  },
  {
    // im September vergangenen Jahres · im März dieses Jahres
    kinds: ['month'],
    re: new RegExp(`(${MONTHS})\\s+(${LAST}|${NEXT}|${THIS})\\s+Jahres${E}`, 'gu'),
    needs: ['month'],
    prefix: /(im|seit|Im|Seit)\s+$/u,
    build: (m, pre) => clean({ kind: 'month', month: monthOf(m[1] ?? ''), relative: { unit: 'year', amount: direction(m[2] ?? '') }, preposition: pre?.[1]?.toLowerCase() }),
  },
  {
    // im vergangenen September · im März (year unknown)
    kinds: ['month'],
    re: new RegExp(`(${MONTHS})${E}`, 'gu'),
    needs: ['month'],
    prefix: new RegExp(`(im|seit|Im|Seit)\\s+(?:(${LAST}|${NEXT}|${THIS})\\s+)?$`, 'u'),
    needsPrefix: true,
    build: (m, pre) => clean({ kind: 'month', month: monthOf(m[1] ?? ''), relative: pre?.[2] ? { unit: 'year', amount: direction(pre[2]) } : undefined, preposition: pre?.[1]?.toLowerCase() }),
  },
  {
    // am Mittwoch (19) · Mittwochmorgen · am Dienstag Abend · letzten Montag
    kinds: ['weekday'],
    re: new RegExp(`(${WEEKDAYS})(${DAYPARTS})?(?:\\s+(${cap(DAYPARTS)})${E})?(?:\\s*\\((\\d{1,2})\\))?${E}`, 'gu'),
    prefix: new RegExp(`(am|vom|seit|bis|ab|Am|Vom|Seit|Bis|Ab|${LAST}|${NEXT}|${THIS})\\s+$`, 'u'),
    build: (m, pre) => {
      const word = pre?.[1];
      const rel = word && !/^(am|vom|seit|bis|ab)$/i.test(word) ? direction(word) : undefined;
      return clean({
        kind: 'weekday', weekday: weekdayOf(m[1] ?? ''), dayPart: (m[2] ?? m[3])?.toLowerCase(), day: num(m[4]),
        relative: rel !== undefined ? { unit: 'week', amount: rel } : undefined,
        preposition: rel === undefined ? word?.toLowerCase() : undefined,
      });
    },
  },
  {
    // Heute um 19:58 Uhr · gestern Abend · morgen (lower case only: "Morgen" is also the noun)
    kinds: ['relative'],
    re: new RegExp(`(${vocab.relativeDays.map((r) => (r.lowercaseOnly ? r.word : `${r.word}|${cap(r.word)}`)).join('|')})${E}(?:\\s+(${DAYPARTS}|${cap(DAYPARTS)})${E})?${TIME}`, 'gu'),
    build: (m) => clean({
      kind: 'relative', offsetDays: vocab.relativeDays.find((r) => r.word === m[1]?.toLowerCase())?.offset,
      dayPart: m[2]?.toLowerCase(), time: clock(m[3], m[4]),
    }),
  },
  {
    // letzte Woche · vergangenes Jahr · diesen Monat
    kinds: ['relative'],
    re: new RegExp(`(${LAST}|${NEXT}|${THIS}|${cap(LAST)}|${cap(NEXT)}|${cap(THIS)})\\s+(Woche|Monat|Jahr|Jahres|Monats|Tag)${E}`, 'gu'),
    build: (m) => {
      const unit = unitOf(m[2] ?? '');
      return unit ? { kind: 'relative', relative: { unit, amount: direction(m[1] ?? '') } } : undefined;
    },
  },
  {
    // seit 24 Jahren · vor zwei Wochen · in drei Tagen
    kinds: ['relative'],
    re: new RegExp(`(\\d{1,4}|${NUMBER_WORDS})\\s+(${UNITS})${E}`, 'gu'),
    prefix: /(seit|vor|in|nach|Seit|Vor|In|Nach)\s+$/u,
    needsPrefix: true,
    build: (m, pre) => {
      const unit = unitOf(m[2] ?? '');
      const n = numberOf(m[1] ?? '');
      if (!unit || n === undefined) return undefined;
      const p = (pre?.[1] ?? '').toLowerCase();
      const amount = p === 'in' || p === 'nach' ? n : -n;
      return { kind: 'relative', relative: p === 'seit' ? { unit, amount, since: true } : { unit, amount }, preposition: p };
    },
  },
  {
    // 19:58 Uhr · um 14 Uhr
    kinds: ['time'],
    re: new RegExp(`(\\d{1,2})(?:[:.](\\d{2}))?\\s*Uhr${E}`, 'gu'),
    needs: ['digit'],
    prefix: /um\s+$/u,
    build: (m) => (Number(m[1]) < 24 ? { kind: 'time', time: clock(m[1], m[2] ?? '00') ?? '' } : undefined),
  },
  {
    // 2019 · im Jahr 1991 · seit 2019 (1900–2099 only; "80.000" and "1.000" are not years)
    kinds: ['year'],
    re: /((?:19|20)\d{2})(?![\p{L}\p{N}]|[.,]\d)/gu,
    needs: ['digit'],
    prefix: /(im Jahr|im Jahre|seit|bis|ab|von|Im Jahr|Seit|Bis|Ab|Von)\s+$/u,
    left: /[\p{L}\p{N}.,]/u,
    build: (m, pre) => clean({ kind: 'year', year: num(m[1]), preposition: pre?.[1]?.toLowerCase() }),
  },
];

const WORDISH = /[\p{L}\p{N}]/u;

function direction(word: string): number {
  const w = word.toLowerCase();
  if (vocab.lastWords.includes(w)) return -1;
  if (vocab.nextWords.includes(w)) return 1;
  return 0;
}

const HAS_DIGIT = /\d/;
const HAS_MONTH = new RegExp(MONTHS, 'u');

export function findDates(text: string, opts: FindDatesOptions = {}): DateMention[] {
  const found: DateMention[] = [];
  // Each need is tested once per call, and only when a rule asks.
  let digit: boolean | undefined;
  let month: boolean | undefined;
  const meets = (need: Need): boolean => (need === 'digit' ? (digit ??= HAS_DIGIT.test(text)) : (month ??= HAS_MONTH.test(text)));
  try {
    for (const rule of RULES) {
      if (opts.kinds && !rule.kinds.some((k) => opts.kinds?.includes(k))) continue;
      if (rule.needs && !rule.needs.every(meets)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
        if (m[0] === '') { rule.re.lastIndex++; continue; }
        const pre = rule.prefix ? rule.prefix.exec(text.slice(Math.max(0, m.index - LOOKBACK), m.index)) : null;
        if (rule.needsPrefix && !pre) continue;
        const start = m.index - (pre?.[0].length ?? 0);
        if (start > 0 && (rule.left ?? WORDISH).test(text[start - 1] ?? '')) continue;
        const built = rule.build(m, pre, opts);
        if (built) found.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), ...built });
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
