/**
 * Calendar dates (YYYY-MM-DD) and numbers as German text: „Mittwoch, 19. Juni 2024“,
 * „19. Juni 2024“, „Juni 2024“, „18.–19. Juni 2024“, „12.345“, „1,3“.
 *
 * Written out from german-dates.json instead of asking Intl: a process's first
 * Intl.DateTimeFormat costs ~30 ms and its first Intl.NumberFormat ~8 ms (ICU sets up its pattern
 * generator), in the main thread and again in every worker thread — a twentieth of a cold build
 * of the five seeds. The forms are ICU's de-DE ones (test/model/german.test.ts compares every day
 * of 1900–2100 with Intl). What the hand-written forms do not cover — a year before 1000 or after
 * 9999, a number that is not a safe integer or a non-negative decimal — goes to Intl, created on
 * first use only.
 */
import * as z from 'zod';
import raw from './german-dates.json' with { type: 'json' };

const Schema = z.strictObject({
  $source: z.string().min(1),
  months: z.array(z.string().min(1)).length(12),
  monthsShort: z.array(z.string().min(1)).length(12),
  weekdays: z.array(z.string().min(1)).length(7),
  groupSeparator: z.string().length(1),
  decimalSeparator: z.string().length(1),
  rangeDash: z.string().length(1),
  rangeSpace: z.string().length(1),
});
const names = Schema.parse(raw);

interface Day {
  y: number;
  m: number;
  d: number;
}

/** The parts of a YYYY-MM-DD date the hand-written forms cover (years 1000–9999), else null. */
function day(iso: string): Day | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  // 2024-02-30 is no day: written as Intl writes it (JavaScript's dates roll it over to 1 March)
  if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
  return { y, m, d };
}

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
let intl: { long: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat; month: Intl.DateTimeFormat; number: Intl.NumberFormat; decimal: Intl.NumberFormat } | undefined;
/** The Intl fallback, made once when first needed. */
function fallback(): NonNullable<typeof intl> {
  return (intl ??= {
    long: new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
    weekday: new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', month: 'short', year: 'numeric' }),
    number: new Intl.NumberFormat('de-DE'),
    decimal: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  });
}

/** `2024-06-19` → „19. Juni 2024“. */
export function longDate(iso: string): string {
  const t = day(iso);
  return t ? `${t.d}. ${names.months[t.m - 1]} ${t.y}` : fallback().long.format(utc(iso));
}

/** `2024-06-19` → „Mittwoch, 19. Juni 2024“. */
export function weekdayDate(iso: string): string {
  const t = day(iso);
  if (!t) return fallback().weekday.format(utc(iso));
  const isoWeekday = ((Math.round(Date.UTC(t.y, t.m - 1, t.d) / 86_400_000) + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday
  return `${names.weekdays[isoWeekday]}, ${longDate(iso)}`;
}

/** `2024-06` or `2024-06-19` → „Juni 2024“ (abbreviated months: „Sept. 2024“). */
export function monthYear(iso: string): string {
  const date = iso.length === 7 ? `${iso}-01` : iso;
  const t = day(date);
  return t ? `${names.monthsShort[t.m - 1]} ${t.y}` : fallback().month.format(utc(date));
}

/** „18.–19. Juni 2024“, „30. Mai – 2. Juni 2024“, „30. Dezember 2023 – 2. Januar 2024“ (thin spaces around the dash, as ICU writes them). */
export function dateRange(start: string, end: string): string {
  const a = day(start);
  const b = day(end);
  if (!a || !b) return fallback().long.formatRange(utc(start), utc(end));
  if (start === end) return longDate(start);
  const wide = `${names.rangeSpace}${names.rangeDash}${names.rangeSpace}`;
  if (a.y !== b.y) return `${longDate(start)}${wide}${longDate(end)}`;
  if (a.m !== b.m) return `${a.d}. ${names.months[a.m - 1]}${wide}${longDate(end)}`;
  return `${a.d}.${names.rangeDash}${longDate(end)}`;
}

function grouped(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += names.groupSeparator;
    out += digits[i];
  }
  return out;
}

/** 12345 → „12.345“. */
export function germanNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return fallback().number.format(n);
  return n < 0 || Object.is(n, -0) ? `-${grouped(String(-n))}` : grouped(String(n));
}

/**
 * 1.25 → „1,3“: one decimal, rounded half up — from the number's shortest decimal form, as ICU
 * rounds (1.15 → „1,2“, where rounding the binary value would give 1,1).
 */
export function germanDecimal(n: number): string {
  const s = String(n);
  if (!(n >= 0) || Object.is(n, -0) || n >= 1e14 || s.includes('e')) return fallback().decimal.format(n);
  const dot = s.indexOf('.');
  const int = dot === -1 ? s : s.slice(0, dot);
  const frac = dot === -1 ? '' : s.slice(dot + 1);
  const tenths = Number(int) * 10 + Number(frac[0] ?? '0') + ((frac[1] ?? '0') >= '5' ? 1 : 0);
  return `${grouped(String(Math.floor(tenths / 10)))}${names.decimalSeparator}${tenths % 10}`;
}
