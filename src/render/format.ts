/** German display formats (the date and number forms are src/model/german.ts). Dates are calendar dates (YYYY-MM-DD). */
import { dateRange, germanNumber, longDate, monthYear } from '../model/german.ts';
import { offsetsKept, packedChars, unpackChars, unpackText, type PackedText } from '../model/packed-text.ts';

/** `2024-06-19` → „19. Juni 2024“. */
export const formatDate: (iso: string) => string = longDate;

/** `2024-06` axis labels → „Juni 2024“. */
export const formatMonth: (iso: string) => string = monthYear;

/** „18.–19. Juni 2024“: the shared month and year are written once. */
export const formatRange: (start: string, end: string) => string = dateRange;

export const formatNumber: (n: number) => string = germanNumber;

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

/** `passage` of a packed text (a lean digest's block, model/packed-text.ts), unpacked. */
export function packedPassage(text: PackedText, start: number, end: number): { before: string; hit: string; after: string } {
  if (!offsetsKept(text)) {
    const plain = unpackText(text);
    return passage(plain, start, Math.min(end, plain.length));
  }
  const chars = packedChars(text);
  const { before, hit, after } = passage(chars, start, Math.min(end, chars.length));
  return { before: unpackChars(before), hit: unpackChars(hit), after: unpackChars(after) };
}
