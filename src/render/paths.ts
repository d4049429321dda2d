/**
 * The one place that turns "link from page A to page B" into an href. Every internal link is
 * relative and names a file (`../personen/wladimir-putin.html`, never `/personen/` or a folder),
 * so the site works from file:// and under any sub-path of any host.
 */

/**
 * Memo of computed hrefs per folder of `from`, then per `to`: every page links the same
 * navigation, entities and teasers, and the href depends only on the folder it is written from.
 * Bounded: cleared when it grows past MEMO_LIMIT entries, so memory stays flat on huge corpora.
 */
const memo = new Map<string, Map<string, string>>();
let memoSize = 0;
const MEMO_LIMIT = 200_000;

/** `relHref` bound to one page: the folder's memo is looked up once, not per link. */
export function relHrefFrom(from: string): (to: string) => string {
  const dir = from.slice(0, from.lastIndexOf('/') + 1);
  let own = memo.get(dir);
  if (!own) memo.set(dir, (own = new Map()));
  const hrefs = own;
  return (to) => {
    // a bare fragment or empty target names the page itself: that depends on its file name, not memoised
    if (to === '' || to.charCodeAt(0) === 35 /* # */) return computeHref(from, to);
    let href = hrefs.get(to);
    if (href === undefined) {
      href = computeHref(from, to);
      if (++memoSize > MEMO_LIMIT) {
        for (const m of memo.values()) m.clear();
        memoSize = 1;
      }
      hrefs.set(to, href);
    }
    return href;
  };
}

/** `from`, `to`: posix paths relative to the output folder; `to` may carry a `#fragment`. */
export function relHref(from: string, to: string): string {
  return relHrefFrom(from)(to);
}

function computeHref(from: string, to: string): string {
  const hash = to.indexOf('#');
  const target = hash === -1 ? to : to.slice(0, hash);
  const fragment = hash === -1 ? '' : to.slice(hash);
  if (target === '') return fragment === '' ? fileName(from) : fragment;
  if (from.startsWith('/') || target.startsWith('/') || target.endsWith('/')) {
    throw new Error(`relHref: Seitenpfade sind relativ zum Ausgabeordner und nennen eine Datei (von „${from}“ nach „${to}“)`);
  }
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = target.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  const rest = toParts.slice(common).map(encodeSegment);
  return '../'.repeat(up) + rest.join('/') + fragment;
}

const fileName = (p: string): string => encodeSegment(p.slice(p.lastIndexOf('/') + 1));

/** Ids and slugs are ASCII already; anything else is percent-encoded rather than trusted. */
const encodeSegment = (s: string): string => s.replace(/[^A-Za-z0-9._~!$&'()*+,;=:@-]/g, (c) => encodeURIComponent(c));

/** Absolute URL for canonical links and metadata, only when the site has a base URL. */
export function absoluteUrl(baseUrl: string | undefined, pagePath: string): string | null {
  if (baseUrl === undefined) return null;
  return new URL(pagePath, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
