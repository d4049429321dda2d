/** The site rendered from hand-made fixtures: links, reachability, escaping, metadata, page features. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/index/index.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import type { Knowledge } from '../../src/model/knowledge.ts';
import { memoryStore } from '../../src/cache/store.ts';
import { renderEnv, renderInline, renderSite } from '../../src/render/index.ts';
import { checkLinks, unreachable } from '../helpers/links.ts';
import { articles, HOSTILE_TITLE, knowledge } from './fixtures/site.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let pages: Map<string, string>;

async function render(k: Knowledge = knowledge): Promise<Map<string, string>> {
  // override roots: none, so a templates/ folder beside some test seeds cannot leak in
  const theme = await loadTheme('/nonexistent/seeds', { overrideRoots: [] });
  const store = memoryStore();
  const site = buildSiteModel(articles(), k, { files: [], diagnostics: [] }, store);
  const env = renderEnv(site, theme, store);
  const out = new Map<string, string>();
  for (const p of renderSite(site, theme, env.ctx)) {
    const content = renderInline(p, env);
    out.set(p.path, typeof content === 'string' ? content : new TextDecoder().decode(content));
  }
  return out;
}

function* walk(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  for (const c of 'childNodes' in node ? node.childNodes : []) yield* walk(c);
}
const elements = (html: string, tag: string) => [...walk(parse(html))].filter((e) => e.tagName === tag);
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const text = (n: Node): string => ('value' in n && n.nodeName === '#text' ? n.value : 'childNodes' in n ? n.childNodes.map(text).join('') : '');
const page = (p: string) => pages.get(p) ?? expect.unreachable(`page ${p} missing`);

beforeAll(async () => {
  pages = await render();
});

describe('site from fixtures', () => {
  it('generates every page type', () => {
    for (const p of ['index.html', 'artikel/a-001.html', 'personen/wladimir-putin.html', 'orte/pjoengjang.html', 'organisationen/kreml.html', 'ereignisse/2024-06-pyongyang.html', 'ereignisse.html', 'register.html', 'zeitleiste.html', 'zitate.html', 'berichterstattung.html', 'quellen.html', 'quellen/tagesblatt.html', 'quellen/ohne-angabe.html', '404.html', 'assets/style.css', 'assets/favicon.svg']) {
      expect(pages.has(p), p).toBe(true);
    }
  });

  it('every internal link resolves to a generated file (search and build report belong to other stages)', () => {
    const others = new Set(['suche.html', '_build/bericht.html']);
    expect(checkLinks(pages, { ignore: (t) => others.has(t) || t.startsWith('suche/') })).toEqual([]);
  });

  it('every page is reachable from the start page', () => {
    // 404.html is served by the host for missing URLs, not linked
    expect(unreachable(pages).filter((p) => !p.startsWith('suche') && !p.startsWith('_build/') && p !== '404.html')).toEqual([]);
  });

  it('renders a hostile title inert, everywhere', () => {
    for (const [p, html] of pages) {
      if (!p.endsWith('.html')) continue;
      for (const s of elements(html, 'script')) if (attr(s, 'src') === undefined) expect(attr(s, 'type'), `${p}: only data blocks inline`).toBe('application/ld+json');
      expect(elements(html, 'img').length, p).toBe(0);
      for (const e of walk(parse(html))) for (const a of e.attrs) {
        expect(a.name, `${p}: event handler attribute`).not.toMatch(/^on/);
        if (a.name === 'href') expect(a.value, p).not.toMatch(/^\s*javascript:/i);
      }
      expect(html).not.toContain('<script>alert');
    }
    const art = page('artikel/b-002.html');
    expect(text(elements(art, 'h1')[0] ?? expect.unreachable())).toBe(HOSTILE_TITLE);
    expect(text(elements(art, 'title')[0] ?? expect.unreachable())).toContain(HOSTILE_TITLE);
  });

  it('JSON-LD parses, has the schema.org types, and contains no "<"', () => {
    const types = new Set<string>();
    for (const [p, html] of pages) {
      for (const s of elements(html, 'script').filter((e) => attr(e, 'type') === 'application/ld+json')) {
        const raw = text(s);
        expect(raw, p).not.toMatch(/[<>]/);
        const data = JSON.parse(raw) as { '@type'?: string; '@graph'?: { '@type': string }[] };
        for (const item of data['@graph'] ?? [data]) if (item['@type']) types.add(item['@type']);
      }
    }
    for (const t of ['NewsArticle', 'Person', 'Place', 'Organization', 'Event', 'BreadcrumbList']) expect(types).toContain(t);
    const art = page('artikel/b-002.html');
    const ld = JSON.parse(text(elements(art, 'script')[0] ?? expect.unreachable())) as { '@graph': { headline?: string }[] };
    expect(ld['@graph'][0]?.headline).toBe(HOSTILE_TITLE);
  });

  it('layout: lang="de", CSP without inline script, relative stylesheet, no canonical without baseUrl', () => {
    const art = page('artikel/a-001.html');
    expect(art).toMatch(/<html lang="de">/);
    const csp = elements(art, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp ?? expect.unreachable(), 'content')).toMatch(/script-src 'self'(?!.*unsafe-inline)/);
    expect(art).toContain('href="../assets/style.css"');
    expect(art).not.toContain('rel="canonical"');
    expect(art).not.toMatch(/style="/);
  });

  it('canonical and og:url appear when baseUrl is set', async () => {
    const withBase = await render({ ...knowledge, site: { ...knowledge.site, baseUrl: 'https://example.org/presse/' } });
    expect(withBase.get('artikel/a-001.html')).toContain('<link rel="canonical" href="https://example.org/presse/artikel/a-001.html">');
    expect(withBase.get('404.html')).toContain('href="https://example.org/presse/index.html"');
  });
});

describe('article page', () => {
  it('links the first mention per paragraph, by offsets, relative', () => {
    const body = page('artikel/a-001.html').split('class="article-body"')[1]?.split('</details>')[0] ?? '';
    const [p0 = '', , p1 = ''] = body.split(/<\/p>|<\/figure>/);
    expect(p0.match(/href="\.\.\/personen\/wladimir-putin\.html"/g)).toHaveLength(1);
    expect(p0.match(/href="\.\.\/personen\/kim-jong-un\.html"/g)).toHaveLength(1);
    expect(p0).toContain('<a href="../personen/wladimir-putin.html">Putin</a> traf <a href="../personen/kim-jong-un.html">Kim</a> in <a href="../orte/pjoengjang.html">Pjöngjang</a>. Putin lobte Kim');
    expect(p1).toContain('<a href="../personen/wladimir-putin.html">Kremlchef</a>');
  });

  it('marks quotations with <q>, captions as figure with credit, inferred date with its evidence', () => {
    const art = page('artikel/a-001.html');
    expect(art).toContain('„<q title="Zitat: Wladimir Putin">Wir unterzeichnen heute wichtige Dokumente über eine umfassende strategische Partnerschaft</q>“');
    expect(art).toMatch(/<figure><figcaption><a href="\.\.\/personen\/wladimir-putin\.html">Putin<\/a> und Kim bei der Ankunft\. <small class="credit">Foto: Sputnik\/Pool via REUTERS<\/small><\/figcaption><\/figure>/);
    expect(art).toContain('<time datetime="2024-06-19">19. Juni 2024</time>');
    expect(art).toMatch(/<details class="provenance">\s*<summary>Datum erschlossen<\/summary>[\s\S]*am Mittwoch/);
  });

  it('side panel: event, entities, related article, the same quotation in the other outlet, cleanup', () => {
    const art = page('artikel/a-001.html');
    expect(art).toContain('<a href="../ereignisse/2024-06-pyongyang.html">Gipfel in Pjöngjang</a>');
    expect(art).toContain('Verwandte Artikel');
    expect(art).toMatch(/Dieselben Zitate anderswo[\s\S]*<a href="b-002.html">Abendpost<\/a>/);
    expect(art).toMatch(/<details class="cleanup">[\s\S]*share-buttons[\s\S]*Teilen auf Facebook[\s\S]*Putintraf[\s\S]*Putin traf/);
  });

  it('renders headings, lists and block quotations of the blocks', () => {
    const art = page('artikel/c-003.html');
    expect(art).toMatch(/<h2>Chronik<\/h2>\s*<ul>\s*<li>/);
    expect(art).toContain('<blockquote>');
  });
});

describe('index pages', () => {
  it('register: German collation, Ä with A, Ö with O', () => {
    const html = page('register.html');
    const names = elements(html, 'section').flatMap((s) => elements(parse5Serialize(s), 'a').map((a) => text(a)));
    expect(names.indexOf('Ägypten')).toBeLessThan(names.indexOf('Berlin'));
    expect(names.indexOf('Oman')).toBeLessThan(names.indexOf('Österreich'));
    expect(names.indexOf('Österreich')).toBeLessThan(names.indexOf('Pjöngjang'));
    const letters = elements(html, 'h2').map((h) => text(h));
    expect(letters).toEqual(['A', 'B', 'K', 'O', 'P', 'R', 'W']);
  });

  it('timeline: inline SVG with a title, linked events and articles, and a list beside it', () => {
    const html = page('zeitleiste.html');
    const svg = elements(html, 'svg')[0] ?? expect.unreachable();
    expect(elements(parse5Serialize(svg), 'title').map(text)).toContain('Zeitleiste der Ereignisse und Artikel');
    expect(html).toMatch(/<a class="event" href="ereignisse\/2024-06-pyongyang\.html"><title>Gipfel in Pjöngjang, 18\.–19\. Juni 2024: 2 Artikel<\/title>/);
    expect(html).toMatch(/<a class="doc" href="artikel\/a-001\.html"><title>19\. Juni 2024: Putin besucht Kim/);
    expect(html).toContain('<h2>Artikel nach Monat</h2>');
  });

  it('quotations page groups the statement once, with both outlets', () => {
    const html = page('zitate.html');
    expect(html.match(/Wir unterzeichnen heute wichtige Dokumente über eine umfassende strategische Partnerschaft/g)).toHaveLength(1);
    expect(html).toMatch(/zitiert in 2 Artikeln[\s\S]*Tagesblatt[\s\S]*Abendpost|zitiert in 2 Artikeln[\s\S]*Abendpost[\s\S]*Tagesblatt/);
  });

  it('coverage matrix: outlets as columns, people and topics as rows', () => {
    const html = page('berichterstattung.html');
    const table = elements(html, 'table').find((t) => text(t).includes('Gipfel in Pjöngjang')) ?? expect.unreachable();
    const heads = elements(parse5Serialize(table), 'th').map(text);
    expect(heads).toEqual(expect.arrayContaining(['Tagesblatt', 'Abendpost', 'Wladimir Putin', 'Partnerschaftsvertrag']));
  });

  it('entity page: passages with the mention marked, quotations, co-mentioned entities', () => {
    const html = page('personen/wladimir-putin.html');
    expect(html).toContain('<mark>Putin</mark>');
    expect(html).toContain('Wir unterzeichnen heute wichtige Dokumente über eine umfassende strategische Partnerschaft');
    expect(html).toMatch(/Oft genannt mit[\s\S]*Pjöngjang/);
    expect(html).toContain('Präsident Russlands');
  });
});

function parse5Serialize(e: Element): string {
  // re-parse a subtree cheaply: serialise its text and tags through parse5's own serializer
  return serializeOuter(e);
}
import { serializeOuter } from 'parse5';
