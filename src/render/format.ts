/** German display formats. Dates are calendar dates (YYYY-MM-DD): formatted in UTC so they never shift a day. */

const longDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const monthYear = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const number = new Intl.NumberFormat('de-DE');

const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * Intl formatting costs microseconds per call and every teaser shows a date: memoised by input
 * (a corpus has a few thousand distinct dates at most; the memo is cleared past that bound).
 */
function memoised(f: (key: string) => string): (key: string) => string {
  const memo = new Map<string, string>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined) {
      v = f(key);
      if (memo.size >= 50_000) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}

/** `2024-06-19` → „19. Juni 2024“. */
export const formatDate: (iso: string) => string = memoised((iso) => longDate.format(toDate(iso)));

/** `2024-06` axis labels → „Juni 2024“. */
export const formatMonth = (iso: string): string => monthYear.format(toDate(iso));

/** „18.–19. Juni 2024“: Intl shortens the shared month and year itself. */
export function formatRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  return rangeMemo(`${start}/${end}`);
}
const rangeMemo = memoised((key) => longDate.formatRange(toDate(key.slice(0, key.indexOf('/'))), toDate(key.slice(key.indexOf('/') + 1))));

export const formatNumber = (n: number): string => number.format(n);

/** „1 Artikel“, „3 Artikel“; „1 Zitat“, „2 Zitate“. */
export const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

export const readingTime = (minutes: number): string => `${formatNumber(minutes)} Min. Lesezeit`;

/**
 * A passage around [start, end) of `text`, cut at word boundaries, for "where is it mentioned".
 * Returns the three parts so the template can mark the hit without building HTML by hand.
 */
export function passage(text: string, start: number, end: number, radius = 110): { before: string; hit: string; after: string } {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space !== -1 && space < start ? space + 1 : from;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > end ? space : to;
  }
  return {
    before: (from > 0 ? '… ' : '') + text.slice(from, start),
    hit: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? ' …' : ''),
  };
}
