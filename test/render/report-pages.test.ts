/**
 * The build report's long sections are split over pages (render/pages/report.ts): 250 generated
 * articles, each with one info message, and two skipped files with a warning each, rendered with 100 rows per page.
 * Every message and every file appears exactly once across bericht.html and its further pages, in
 * the report's order; every page links back and on, all links resolve, each page passes
 * html-validate; with the real page size the same corpus gets bericht.html alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/cache/store.ts';
import { buildSiteModel, type SiteModel } from '../../src/index/index.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import { diag } from '../../src/model/diagnostic.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import { renderEnv, renderInline, renderSite } from '../../src/render/index.ts';
import { REPORT_HTML, REPORT_ROWS_PER_PAGE, reportHtmlPages, reportOf } from '../../src/render/pages/report.ts';
import { checkLinks } from '../helpers/links.ts';
import { knowledge } from './fixtures/site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const N = 250;
const PER = 100;

function generated(i: number): EnrichedArticle {
  const id = `r_${String(i).padStart(3, '0')}`;
  const text = `Absatz ${i}: Die Delegationen trafen sich am Vormittag.`;
  return {
    id, slug: id.replace('_', '-'), path: `artikel/${id.replace('_', '-')}.html`, sourceFile: `${id}.txt`, sha256: '0'.repeat(64), language: 'de',
    title: `Bericht ${i}`, titleProvenance: i % 2 === 0 ? 'inferred' : 'extracted', titleEvidence: text, blocks: [{ type: 'paragraph', text, line: 1 }],
    removed: [], repairs: [], source: null, credits: [], declared: {},
    wordCount: 8, readingMinutes: 1,
    published: null, event: null, mentionedEvents: [], candidates: [], entities: [], quotes: [],
  };
}

type Element = DefaultTreeAdapterMap['element'];
function* elements(node: DefaultTreeAdapterMap['node']): Generator<Element> {
  if ('tagName' in node) yield node;
  for (const c of 'childNodes' in node ? node.childNodes : []) yield* elements(c);
}
const text = (node: DefaultTreeAdapterMap['node']): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
/** Per body row of the table in the section `id` that starts with a file (`<td><code>`), that cell's text, in page order. */
function firstCells(html: string, id: string): string[] {
  const section = [...elements(parse(html))].find((e) => e.tagName === 'section' && e.attrs.some((a) => a.name === 'aria-labelledby' && a.value === id));
  if (!section) return [];
  return [...elements(section)].filter((e) => e.tagName === 'tr' && e.parentNode && 'tagName' in e.parentNode && e.parentNode.tagName === 'tbody').flatMap((tr) => {
    const td = tr.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'td');
    return td?.childNodes.some((c) => 'tagName' in c && c.tagName === 'code') ? [text(td)] : [];
  });
}

let site: SiteModel;
let pages: Map<string, string>;
let small: Map<string, string>;

beforeAll(async () => {
  const theme = await loadTheme('/nonexistent/seeds', { overrideRoots: [] });
  const store = memoryStore();
  const records = Array.from({ length: N }, (_, i) => generated(i));
  const files = [...records.map((r) => r.sourceFile), 'leer-1.txt', 'leer-2.txt'].sort();
  const diagnostics = [
    ...records.map((r) => diag(r.sourceFile, 'info', 'normalise', 'caption-dedupe', `Bildunterschrift doppelt in ${r.id}`, { line: 3 })),
    diag('leer-1.txt', 'warning', 'ingest', 'empty-file', 'Datei ist leer', { line: 1 }),
    diag('leer-2.txt', 'warning', 'ingest', 'empty-file', 'Datei ist leer', { line: 1 }),
  ];
  site = buildSiteModel(records, knowledge, { files, diagnostics }, store);
  const env = renderEnv(site, theme, store);
  const render = (p: Parameters<typeof renderInline>[0]) => {
    const c = renderInline(p, env);
    return typeof c === 'string' ? c : new TextDecoder().decode(c);
  };
  small = new Map();
  for (const p of renderSite(site, theme, env.ctx)) small.set(p.path, render(p));
  // The same site, its report with PER rows per page.
  pages = new Map([...small].filter(([p]) => !p.startsWith('_build/bericht')));
  for (const p of reportHtmlPages(site, env.ctx, PER)) pages.set(p.path, render(p));
});

describe('build report pages', () => {
  it('with the real page size, this corpus gets bericht.html alone, every row on it', () => {
    expect(N + 2).toBeLessThan(REPORT_ROWS_PER_PAGE);
    expect([...small.keys()].filter((p) => p.startsWith('_build/'))).toEqual(['_build/report.json', REPORT_HTML]);
    expect(firstCells(small.get(REPORT_HTML) ?? '', 'dateien')).toHaveLength(N + 2);
  });

  it('splits the info messages and the files over ⌈252/100⌉ = 3 pages, the two warnings stay on bericht.html', () => {
    expect([...pages.keys()].filter((p) => p.startsWith('_build/')).sort()).toEqual([
      '_build/bericht-dateien.seite-2.html', '_build/bericht-dateien.seite-3.html',
      '_build/bericht-hinweise.seite-2.html', '_build/bericht-hinweise.seite-3.html',
      REPORT_HTML, '_build/report.json',
    ]);
  });

  it('shows every message and every file exactly once, in the report’s order', () => {
    const report = reportOf(site);
    const across = (id: string, base: string) => [REPORT_HTML, `_build/${base}.seite-2.html`, `_build/${base}.seite-3.html`].flatMap((p) => firstCells(pages.get(p) ?? '', id));
    const infos = report.diagnostics.filter((d) => d.severity === 'info').map((d) => `${d.file}:${d.line}:1`);
    expect(infos).toHaveLength(N);
    expect(across('hinweise', 'bericht-hinweise')).toEqual(infos);
    expect(across('dateien', 'bericht-dateien')).toEqual(report.files.map((f) => f.file));
    expect(firstCells(pages.get(REPORT_HTML) ?? '', 'warnungen')).toEqual(['leer-1.txt:1:1', 'leer-2.txt:1:1']);
    for (const p of ['_build/bericht-hinweise.seite-2.html', '_build/bericht-dateien.seite-3.html']) expect(firstCells(pages.get(p) ?? '', 'dateien').length + firstCells(pages.get(p) ?? '', 'hinweise').length).toBeLessThanOrEqual(PER);
    // the nav counts the whole section, not the first page
    expect(pages.get(REPORT_HTML)).toContain('Dateien und erschlossene Angaben (252)');
    expect(pages.get(REPORT_HTML)).toContain('Hinweise (250)');
  });

  it('links page 1 to the section in bericht.html, and every page back and on; every link resolves', () => {
    const second = pages.get('_build/bericht-hinweise.seite-2.html') ?? '';
    expect(second).toContain('<title>Build-Bericht: Hinweise – Seite 2 von 3 – Testschau</title>');
    expect(second).toContain('Seite 2 von 3: Einträge 101–200');
    expect(second).toContain('<a href="bericht.html#hinweise" rel="prev">');
    expect(second).toContain('<a href="bericht-hinweise.seite-3.html" rel="next">');
    expect(pages.get(REPORT_HTML)).toContain('<a href="bericht-dateien.seite-2.html" rel="next">');
    expect(pages.get('_build/bericht-dateien.seite-3.html')).not.toContain('rel="next"');
    expect(checkLinks(pages)).toEqual([]);
  });

  it('passes html-validate', async () => {
    const config = JSON.parse(await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(config);
    const errors: string[] = [];
    for (const [file, html] of pages) {
      if (!file.startsWith('_build/bericht')) continue;
      const report = await validator.validateString(html, file);
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) errors.push(`${file}:${m.line}:${m.column}  ${m.message}  ${m.ruleId}`);
    }
    expect(errors).toEqual([]);
  });
});
