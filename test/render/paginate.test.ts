/**
 * Pages whose lists grow with the corpus are split (100 entries per page): 250 generated articles
 * by one publisher, about one event, each mentioning Putin and quoting him with a distinct
 * statement. Every page of every list is reachable from the start page, links stay valid, no page
 * lists more than PER_PAGE entries, and the counts on page 1 are the totals.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/index/index.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import { memoryStore } from '../../src/cache/store.ts';
import { renderEnv, renderInline, renderSite } from '../../src/render/index.ts';
import { pagePath, PER_PAGE } from '../../src/render/pages/paginate.ts';
import { checkLinks, unreachable } from '../helpers/links.ts';
import { at, knowledge } from './fixtures/site.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
function* walk(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  for (const c of 'childNodes' in node ? node.childNodes : []) yield* walk(c);
}
const count = (html: string, tag: string, cls: string) => [...walk(parse(html))].filter((e) => e.tagName === tag && e.attrs.some((a) => a.name === 'class' && a.value.split(' ').includes(cls))).length;

const N = 250;

function generated(i: number): EnrichedArticle {
  const id = `g_${String(i).padStart(3, '0')}`;
  const text = `Putin sagte: „Aussage Nummer ${i} über den Gipfel“, berichtete die Zeitung.`;
  return {
    id, slug: id.replace('_', '-'), path: `artikel/${id.replace('_', '-')}.html`, sourceFile: `${id}.txt`, sha256: '0'.repeat(64), language: 'de',
    title: `Bericht ${i} vom Gipfel`, titleProvenance: 'extracted', titleEvidence: '', blocks: [{ type: 'paragraph', text, line: 1 }],
    removed: [], repairs: [], source: { name: 'Tagesblatt', provenance: 'extracted', evidence: '© Tagesblatt' }, credits: [], declared: {},
    wordCount: 12, readingMinutes: 1,
    published: { date: `2024-06-${String(1 + (i % 28)).padStart(2, '0')}`, provenance: 'declared', evidence: '' },
    event: '2024-06-pyongyang', mentionedEvents: [], candidates: [],
    entities: [{ id: 'wladimir-putin', name: 'Wladimir Putin', type: 'person', mentions: 1, occurrences: [at(text, 'Putin', 0)] }],
    quotes: [{ text: `Aussage Nummer ${i} über den Gipfel`, speakerId: 'wladimir-putin', speakerName: 'Wladimir Putin', paragraph: 0, evidence: 'sagte', sameAs: [] }],
  };
}

let pages: Map<string, string>;

beforeAll(async () => {
  const theme = await loadTheme('/nonexistent/seeds', { overrideRoots: [] });
  const store = memoryStore();
  const site = buildSiteModel(Array.from({ length: N }, (_, i) => generated(i)), knowledge, { files: [], diagnostics: [] }, store);
  const env = renderEnv(site, theme, store);
  pages = new Map();
  for (const p of renderSite(site, theme, env.ctx)) {
    const c = renderInline(p, env);
    pages.set(p.path, typeof c === 'string' ? c : new TextDecoder().decode(c));
  }
});

const lists = [
  { first: 'quellen/tagesblatt.html', cls: 'teasers', item: 'li' },
  { first: 'personen/wladimir-putin.html', cls: 'passages', item: 'li' },
  { first: 'ereignisse/2024-06-pyongyang.html', cls: 'teasers', item: 'li' },
  { first: 'zitate.html', cls: 'quote', item: 'figure' },
] as const;

describe('pagination of lists that grow with the corpus', () => {
  it('splits each list into ⌈250/100⌉ = 3 pages named <name>.seite-<n>.html, and no more', () => {
    for (const { first } of lists) {
      expect(pagePath(first, 2)).toBe(first.replace(/\.html$/, '.seite-2.html'));
      for (let n = 1; n <= 3; n++) expect(pages.has(pagePath(first, n)), pagePath(first, n)).toBe(true);
      expect(pages.has(pagePath(first, 4)), pagePath(first, 4)).toBe(false);
    }
  });

  it('keeps every page reachable from the start page, with every link resolving', () => {
    expect(checkLinks(pages)).toEqual([]);
    expect(unreachable(pages).filter((p) => p !== '404.html')).toEqual([]); // a host serves 404.html, nothing links it
  });

  it('lists at most PER_PAGE entries per page, all of them across the pages, and shows „Seite n von 3“', () => {
    for (const { first, cls } of lists) {
      let seen = 0;
      for (let n = 1; n <= 3; n++) {
        const html = pages.get(pagePath(first, n)) ?? '';
        const items = cls === 'quote' ? (html.match(/<figure class="quote"/g) ?? []).length : [...walk(parse(html))].filter((e) => e.tagName === 'li' && e.parentNode && 'attrs' in e.parentNode && e.parentNode.attrs.some((a) => a.name === 'class' && a.value.split(' ').includes(cls))).length;
        expect(items, `${first} page ${n}`).toBeLessThanOrEqual(PER_PAGE);
        seen += items;
        expect(html).toContain(`Seite ${n} von 3`);
        expect(count(html, 'nav', 'pagination')).toBe(1);
      }
      expect(seen, first).toBe(N);
    }
  });

  it('gives later pages their own title and a breadcrumb back to page 1', () => {
    const second = pages.get('quellen/tagesblatt.seite-2.html') ?? '';
    expect(second).toContain('<title>Tagesblatt – Seite 2 von 3 – Testschau</title>');
    expect(second).toMatch(/<a href="tagesblatt\.html">Tagesblatt<\/a>/);
    expect(pages.get('quellen/tagesblatt.html')).toContain('250 Artikel');
  });

  it('links the entity page to the quotes page its statements start on when it shows only some', () => {
    const putin = pages.get('personen/wladimir-putin.html') ?? '';
    expect(putin).toContain('200 weitere Äußerungen');
    expect(putin).toMatch(/href="\.\.\/zitate\.html#sprecher-wladimir-putin"/);
  });
});
