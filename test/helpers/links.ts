/**
 * Link checker for a site held in memory (`build({ write: false }).pages`): every internal
 * href/src/action must be relative, name a file that was generated, and, with a #fragment, an
 * id on that page. Also: which HTML pages cannot be reached from the start page.
 * Reusable by every page type's tests (search, feeds, site).
 */
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const LINK_ATTRS: Record<string, string[]> = { a: ['href'], link: ['href'], script: ['src'], img: ['src'], form: ['action'], source: ['src'], iframe: ['src'] };
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const c of kids) yield* elements(c);
  if ('content' in node && node.content) yield* elements(node.content as unknown as Node); // <template> content fragment
}

export interface ParsedPage {
  links: string[];
  ids: Set<string>;
}

const cache = new WeakMap<object, Map<string, ParsedPage>>();

export function parsePage(html: string): ParsedPage {
  const links: string[] = [];
  const ids = new Set<string>();
  for (const el of elements(parse(html))) {
    for (const attr of el.attrs) {
      if (attr.name === 'id') ids.add(attr.value);
      const wanted = LINK_ATTRS[el.tagName] ?? [];
      // inline SVG links: `href` (SVG 2) or `xlink:href`
      if (wanted.includes(attr.name) || (el.namespaceURI === 'http://www.w3.org/2000/svg' && el.tagName === 'a' && (attr.name === 'href' || attr.name === 'xlink:href'))) links.push(attr.value);
    }
  }
  return { links, ids };
}

function parsedSite(pages: ReadonlyMap<string, string | Uint8Array>): Map<string, ParsedPage> {
  let parsed = cache.get(pages);
  if (!parsed) {
    parsed = new Map();
    for (const [p, content] of pages) if (p.endsWith('.html')) parsed.set(p, parsePage(typeof content === 'string' ? content : new TextDecoder().decode(content)));
    cache.set(pages, parsed);
  }
  return parsed;
}

/** Resolve `href` from `page` to a page path, or explain why it is not a proper internal link. */
export function resolveHref(page: string, href: string): { target: string; fragment: string } | { error: string } | null {
  if (EXTERNAL.test(href) || href.startsWith('//')) return null;
  if (href.startsWith('/')) return { error: 'absoluter Pfad (bricht unter file:// und Unterpfaden)' };
  const [beforeHash = '', fragment = ''] = href.split('#', 2);
  const target = beforeHash.split('?')[0] ?? '';
  if (target === '') return { target: page, fragment };
  if (target.endsWith('/') || target === '.' || target === '..') return { error: 'zeigt auf einen Ordner statt auf eine Datei' };
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(target)));
  if (resolved.startsWith('../')) return { error: 'zeigt aus der Website heraus' };
  return { target: resolved, fragment: decodeURIComponent(fragment) };
}

export function checkLinks(pages: ReadonlyMap<string, string | Uint8Array>, options: { ignore?: (target: string) => boolean } = {}): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const parsed = parsedSite(pages);
  for (const [page, { links }] of parsed) {
    for (const href of links) {
      const r = resolveHref(page, href);
      if (r === null) continue;
      if ('error' in r) {
        broken.push({ page, href, reason: r.error });
        continue;
      }
      if (options.ignore?.(r.target)) continue;
      if (!pages.has(r.target)) broken.push({ page, href, reason: `Datei ${r.target} wurde nicht erzeugt` });
      else if (r.fragment !== '' && r.target.endsWith('.html') && !parsed.get(r.target)?.ids.has(r.fragment)) broken.push({ page, href, reason: `kein Element mit id „${r.fragment}“ in ${r.target}` });
    }
  }
  return broken;
}

/** HTML pages no chain of links from `start` reaches. */
export function unreachable(pages: ReadonlyMap<string, string | Uint8Array>, start = 'index.html'): string[] {
  const parsed = parsedSite(pages);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const page = queue.pop() ?? start;
    for (const href of parsed.get(page)?.links ?? []) {
      const r = resolveHref(page, href);
      if (r === null || 'error' in r || seen.has(r.target)) continue;
      seen.add(r.target);
      if (parsed.has(r.target)) queue.push(r.target);
    }
  }
  return [...parsed.keys()].filter((p) => !seen.has(p)).sort();
}
