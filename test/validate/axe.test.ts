/**
 * axe-core in Chromium reports no violations on one page of each type, in light and dark mode
 * (the site follows prefers-color-scheme, so contrast is checked for both).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, launchChromium, ROOT, type BuiltSite } from '../e2e/helpers.ts';

/** One page of each type: a fixed page, or the first file matching a pattern. */
export const PAGE_TYPES: ReadonlyArray<{ type: string; match: RegExp; query?: string }> = [
  { type: 'Start', match: /^index\.html$/ },
  { type: 'Artikel', match: /^artikel\/[^/]+\.html$/ },
  { type: 'Person', match: /^personen\/[^/]+\.html$/ },
  { type: 'Ort', match: /^orte\/[^/]+\.html$/ },
  { type: 'Organisation', match: /^organisationen\/[^/]+\.html$/ },
  { type: 'Ereignis', match: /^ereignisse\/[^/]+\.html$/ },
  { type: 'Quelle', match: /^quellen\/[^/]+\.html$/ },
  { type: 'Ereignisse', match: /^ereignisse\.html$/ },
  { type: 'Zeitleiste', match: /^zeitleiste\.html$/ },
  { type: 'Register', match: /^register\.html$/ },
  { type: 'Zitate', match: /^zitate\.html$/ },
  { type: 'Berichterstattung', match: /^berichterstattung\.html$/ },
  { type: 'Quellen', match: /^quellen\.html$/ },
  { type: 'Suche', match: /^suche\.html$/, query: 'Gipfeltreffen' },
  { type: '404', match: /^404\.html$/ },
  { type: 'Build-Bericht', match: /^_build\/bericht\.html$/ },
];

let site: BuiltSite;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  site = await sharedSite();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.cleanup();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('axe-core in Chromium', () => {
  it('finds every page type in the build', () => {
    const missing = PAGE_TYPES.filter((t) => !site.html.some((f) => t.match.test(f))).map((t) => t.type);
    expect(missing).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`reports no violations on one page of each type (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const violations: string[] = [];
      try {
        for (const t of PAGE_TYPES) {
          const file = site.html.find((f) => t.match.test(f));
          if (!file) continue;
          const url = pathToFileURL(path.join(site.dir, file)).href + (t.query ? `?q=${encodeURIComponent(t.query)}` : '');
          await page.goto(url);
          if (t.query) await page.waitForSelector('#suche-ergebnisse li', { timeout: 10_000 });
          // evaluate() runs through the DevTools protocol, so the page's CSP (no inline script) does not block axe.
          await page.evaluate(axeSource);
          const found = await page.evaluate(async () => {
            // axe is the global axe.min.js just defined; its result shape is AxeViolation[].
            const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } }).axe;
            return (await axe.run(document)).violations;
          });
          for (const v of found as AxeViolation[]) {
            violations.push(`${t.type} (${file}): ${v.id} [${v.impact ?? '?'}] ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`);
          }
        }
      } finally {
        await context.close();
      }
      expect(violations).toEqual([]);
    }, 60_000);
  }
});
