/**
 * sitemap.xml (only with `site.baseUrl`: the protocol wants absolute URLs) and robots.txt.
 * The page list comes from the same catalogues the page builders render, so a page in the
 * sitemap is a page on disk (test/render/feeds-sitemap.test.ts checks that against a build).
 */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import { absoluteUrl } from '../paths.ts';

/** Pages a search engine should not list: the search form, the 404 page and the editors' build report. */
const UNLISTED: ReadonlySet<string> = new Set([PAGES.search, PAGES.notFound, PAGES.report]);

export function sitemapPaths(site: SiteModel): string[] {
  const paths = new Set<string>();
  for (const p of [PAGES.home, PAGES.events, PAGES.timeline, PAGES.register, PAGES.quotes, PAGES.coverage, PAGES.publishers]) paths.add(p);
  for (const a of site.articles) paths.add(a.path);
  for (const e of site.entities.values()) paths.add(e.path);
  for (const e of site.events) paths.add(e.path);
  for (const p of site.publishers) paths.add(p.path);
  for (const p of UNLISTED) paths.delete(p);
  return [...paths].sort();
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sitemap(baseUrl: string, paths: readonly string[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const p of paths) lines.push(`  <url><loc>${xml(absoluteUrl(baseUrl, p) ?? p)}</loc></url>`);
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function robots(baseUrl: string | undefined): string {
  const lines = ['User-agent: *'];
  if (baseUrl === undefined) {
    // Without a base URL we do not know where the site will live, so no path can be named.
    lines.push('Allow: /');
  } else {
    const root = new URL(absoluteUrl(baseUrl, 'index.html') ?? baseUrl);
    const dir = root.pathname.replace(/index\.html$/, '');
    lines.push(`Disallow: ${dir}_build/`, `Allow: ${dir}`, '', `Sitemap: ${absoluteUrl(baseUrl, 'sitemap.xml') ?? ''}`);
  }
  return lines.join('\n') + '\n';
}

export function* sitemapPages(site: SiteModel): Generator<Page> {
  const baseUrl = site.knowledge.site.baseUrl;
  yield { path: 'robots.txt', content: robots(baseUrl) };
  if (baseUrl !== undefined) yield { path: 'sitemap.xml', content: sitemap(baseUrl, sitemapPaths(site)) };
}
