/** sitemap.xml and robots.txt against a real in-memory build of the seeds: the sitemap lists exactly the pages on disk. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { robots, sitemap } from '../../src/render/pages/feeds-sitemap.ts';

const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
const BASE = 'https://example.org/presse/';

describe('sitemap.xml and robots.txt', () => {
  it('with a base URL: the sitemap lists every page except search, 404 and the build report, absolute', async () => {
    const r = await build({ seedsDir: SEEDS, outDir: path.join(SEEDS, '..', 'unused'), write: false, baseUrl: BASE });
    const pages = r.pages ?? new Map();
    const xml = String(pages.get('sitemap.xml'));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ isArray: (n) => n === 'url' }).parse(xml) as { urlset: { url: { loc: string }[] } };
    const locs = doc.urlset.url.map((u) => u.loc);
    expect(locs.every((l) => l.startsWith(BASE))).toBe(true);
    const listed = locs.map((l) => l.slice(BASE.length)).sort();
    const html = [...pages.keys()].filter((p) => p.endsWith('.html') && !['suche.html', '404.html'].includes(p) && !p.startsWith('_build/')).sort();
    expect(listed).toEqual(html);
    expect(String(pages.get('robots.txt'))).toBe(`User-agent: *\nDisallow: /presse/_build/\nAllow: /presse/\n\nSitemap: ${BASE}sitemap.xml\n`);
  });
  it('without a base URL: no sitemap (it needs absolute URLs), robots.txt allows all', async () => {
    const r = await build({ seedsDir: SEEDS, outDir: path.join(SEEDS, '..', 'unused'), write: false });
    expect(r.pages?.has('sitemap.xml')).toBe(false);
    expect(r.pages?.get('robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });
  it('escapes URLs in XML', () => {
    expect(sitemap('https://example.org/a&b/', ['x.html'])).toContain('<loc>https://example.org/a&amp;b/x.html</loc>');
    expect(robots('https://example.org/')).toContain('Disallow: /_build/');
  });
});
