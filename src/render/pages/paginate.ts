/**
 * Pagination for the lists that grow with the corpus (articles of an entity, publisher or event):
 * at most PER_PAGE entries per file, so no page grows without bound at 100 000 articles. Page 1
 * keeps the entity's own path (links from everywhere stay valid); page n is `<name>.seite-n.html`
 * beside it — ids and slugs never contain a dot, so that name cannot collide with another page.
 * Every page links the next and the previous one, so each is reachable from page 1.
 */
import type { Helpers } from '../context.ts';

export const PER_PAGE = 100;
/** Page numbers shown around the current one in the navigation (plus first and last). */
const WINDOW = 2;

export const pagePath = (first: string, n: number): string => (n <= 1 ? first : first.replace(/\.html$/, '') + `.seite-${n}.html`);

export interface PageSlice<T> {
  /** 1-based. */
  number: number;
  count: number;
  path: string;
  items: T[];
}

/** The pages of `items`; an empty list still gives page 1 (the entity page itself). */
export function* pages<T>(first: string, items: readonly T[], per = PER_PAGE): Generator<PageSlice<T>> {
  const count = Math.max(1, Math.ceil(items.length / per));
  for (let n = 1; n <= count; n++) yield { number: n, count, path: pagePath(first, n), items: items.slice((n - 1) * per, n * per) };
}

export interface PaginationView {
  label: string;
  prev: string | null;
  next: string | null;
  /** Numbers around the current page; href null for the current one, `gap` for an ellipsis before it. */
  links: { number: number; href: string | null; gap: boolean }[];
}

/**
 * What templates/partials/pagination.eta shows; null when everything fits on one page. `pathOf`:
 * where page n is, when page 1 is not a file of its own (the build report's sections start on
 * `_build/bericht.html#…`); default pagePath.
 */
export function paginationView(first: string, page: { number: number; count: number }, h: Pick<Helpers, 'href'>, pathOf: (n: number) => string = (n) => pagePath(first, n)): PaginationView | null {
  if (page.count <= 1) return null;
  const shown = new Set<number>([1, page.count]);
  for (let n = page.number - WINDOW; n <= page.number + WINDOW; n++) if (n >= 1 && n <= page.count) shown.add(n);
  let last = 0;
  const links = [...shown].sort((a, b) => a - b).map((n) => {
    const gap = n > last + 1;
    last = n;
    return { number: n, href: n === page.number ? null : h.href(pathOf(n)), gap };
  });
  return {
    label: `Seite ${page.number} von ${page.count}`,
    prev: page.number > 1 ? h.href(pathOf(page.number - 1)) : null,
    next: page.number < page.count ? h.href(pathOf(page.number + 1)) : null,
    links,
  };
}

/** Title of page n: the name alone on page 1, „Name – Seite n von N“ after it (titles stay unique). */
export const pageTitle = (name: string, page: { number: number; count: number }): string => (page.number <= 1 ? name : `${name} – Seite ${page.number} von ${page.count}`);
