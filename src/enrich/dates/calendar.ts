/** Calendar arithmetic on plain YYYY-MM-DD strings, in UTC so no local time zone shifts a day. */
import { weekdayDate } from '../../model/german.ts';

export function iso(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parse(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** „Mittwoch, 19. Juni 2024“ — how the evidence names a date for a German reader. */
export const germanDate: (isoDate: string) => string = weekdayDate;

/** Days since 1970-01-01: loops over dates stay integer arithmetic, no Date per step. */
export function toDays(isoDate: string): number {
  return Math.round(parse(isoDate).getTime() / 86_400_000);
}

export function fromDays(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (Monday = 1) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}
