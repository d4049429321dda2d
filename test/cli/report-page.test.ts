/**
 * The report pages of the real seeds, built in memory: every seed is listed with its date
 * (value and evidence, or „nicht gefunden“), the HTML is the shared layout, the JSON parses.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import type { BuildReport } from '../../src/index/report.ts';
import { ROOT } from './helpers.ts';

const seeds = path.join(ROOT, 'seeds');

describe('report pages (real seeds)', async () => {
  const result = await build({ seedsDir: seeds, outDir: path.join(ROOT, 'unused-out'), write: false });
  const page = (p: string) => {
    const c = result.pages?.get(p);
    if (typeof c !== 'string') throw new Error(`page ${p} missing`);
    return c;
  };
  const report = JSON.parse(page('_build/report.json')) as BuildReport;
  const html = page('_build/bericht.html');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  it('report.json accounts for every seed file', () => {
    expect(report.files.map((f) => f.file)).toEqual(result.files);
    expect(report.files.length).toBeGreaterThanOrEqual(5);
    expect(report.summary.articles).toBe(result.records.length);
  });

  it('bericht.html lists every seed with its date and the evidence for it', () => {
    for (const f of report.files) {
      expect(html).toContain(escape(f.file));
      if (f.status !== 'article') continue;
      const date = report.inferred.find((i) => i.articleId === f.article.id && i.field === 'published');
      expect(date).toBeDefined();
      if (date?.value) {
        expect(html).toContain(`<time datetime="${date.value}">`);
        // Eta escapes with numeric entities for quotes; compare the text's first words only
        expect(html).toContain(escape(date.evidence.split(/["'„“]/)[0] ?? ''));
      }
    }
    expect(html.match(/<th scope="row">Datum<\/th>/g)).toHaveLength(report.summary.articles);
  });

  it('is a page of the site: shared layout, German, sections per severity in order', () => {
    expect(html).toMatch(/^<!doctype html>\s*<html lang="de">/i);
    expect(html).toContain('<h1>Build-Bericht</h1>');
    const order = ['id="fehler"', 'id="warnungen"', 'id="hinweise"', 'id="dateien"', 'id="namen"', 'id="entfernt"', 'id="reparaturen"'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('two builds give byte-identical report.json', async () => {
    const again = await build({ seedsDir: seeds, outDir: path.join(ROOT, 'unused-out'), write: false });
    expect(again.pages?.get('_build/report.json')).toBe(page('_build/report.json'));
  });
});
