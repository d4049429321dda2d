/**
 * A reader's walk through the built seeds in Debian's Chromium, from disk (file://) and over
 * http under a sub-path: start → article → person → another article → search. Nothing may go
 * wrong on the way: no console error, no failed request, no request leaving the site.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/index/search.ts';
import { sharedSite, launchChromium, serve, watch, type BuiltSite, type Served } from './helpers.ts';

let site: BuiltSite;
let browser: Browser;
let served: Served;

beforeAll(async () => {
  site = await sharedSite();
  browser = await launchChromium();
  served = await serve(site.dir);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await site?.cleanup();
});

/** Click the first link whose href matches and which leads somewhere not yet visited. */
async function follow(page: Page, pattern: RegExp, avoid: readonly string[] = []): Promise<string> {
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const target = hrefs.find((h) => pattern.test(h) && !avoid.includes(h.split('#')[0] ?? h));
  if (!target) throw new Error(`no link matching ${pattern} on ${page.url()}`);
  await Promise.all([
    page.waitForURL((u) => u.href.split('#')[0] === target.split('#')[0]),
    page.$$eval('main a[href]', (as, t) => (as as HTMLAnchorElement[]).find((a) => a.href === t)?.click(), target),
  ]);
  await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
  return target.split('#')[0] ?? target;
}

/** Search through the header form of the current page, as a reader would. */
async function searchFromHeader(page: Page, query: string) {
  await page.fill('#suchfeld', query);
  await Promise.all([page.waitForURL(/suche\.html\?q=/), page.press('#suchfeld', 'Enter')]);
  await page.waitForSelector('#suche-ergebnisse li', { timeout: 10_000 });
}

async function hits(page: Page) {
  return page.$$eval('#suche-ergebnisse li', (lis) =>
    lis.map((li) => ({
      title: li.querySelector('h2')?.textContent ?? '',
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      marks: [...li.querySelectorAll('.treffer-auszug mark, h2 mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

async function walk(start: string, allowed: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const w = watch(page, allowed);
  try {
    await page.goto(start);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    const first = await follow(page, /\/artikel\/[^/]+\.html$/);
    expect(await page.locator('main article, main h1').count()).toBeGreaterThan(0);
    await follow(page, /\/personen\/[^/]+\.html$/);
    const second = await follow(page, /\/artikel\/[^/]+\.html$/, [first]);
    expect(second).not.toBe(first);

    await searchFromHeader(page, 'Gipfeltreffen');
    const found = await hits(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.flatMap((h) => h.marks).some((m) => /^gipfeltreffen/i.test(m))).toBe(true);
    expect(await page.textContent('#suche-status')).toMatch(/\d+ Treffer für „Gipfeltreffen“/);

    // Umlaut folding: typed with "oe", found as "ö".
    await page.fill('#suche-q', 'Pjoengjang');
    await page.press('#suche-q', 'Enter');
    await expect.poll(async () => (await hits(page)).flatMap((h) => h.marks)).toContain('Pjöngjang');

    // A hit is a working link.
    const target = (await hits(page))[0]?.href ?? '';
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith(target.split('/').pop() ?? '?')), page.click('#suche-ergebnisse li a')]);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
  expect(w.problems).toEqual([]);
}

describe('reader walk in Chromium', () => {
  it('works opened from disk (file://)', async () => {
    const root = pathToFileURL(site.dir).href + '/';
    await walk(`${root}index.html`, root);
  });
  it('works over http under a sub-path (/presse/)', async () => {
    await walk(`${served.url}index.html`, served.url);
  });
  it('loads the search index only when the reader searches, and only the shards the query needs', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${served.url}suche.html`);
    await page.waitForLoadState('load');
    expect(requested.filter((u) => u.includes('/suche/'))).toEqual([]);
    await page.fill('#suche-q', 'Wostotschny');
    await page.waitForSelector('#suche-ergebnisse li');
    const shards = requested.filter((u) => /\/suche\/t-/.test(u));
    const all = site.files.filter((f) => f.startsWith('suche/t-'));
    expect(shards.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThan(all.length / 4);
    await page.close();
  });
  it('shows hostile indexed text as text: no element, no script from titles or snippets', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const { files } = buildSearchIndex([
      { kind: 'artikel', title: `Feindlich ${hostile}`, path: 'index.html', date: null, source: hostile, text: `Vorher ${hostile} Feindlich nachher`, entities: [] },
      { kind: 'artikel', title: 'Kein Link', path: 'javascript:alert(1)', date: null, source: null, text: 'Feindlich', entities: [] },
    ]);
    const page = await browser.newPage();
    const w = watch(page, pathToFileURL(site.dir).href);
    await page.goto(pathToFileURL(`${site.dir}/suche.html`).href);
    // Register the hostile index before the search asks for it; evaluate() is not subject to the page's CSP.
    for (const f of files) await page.evaluate(f.content);
    await page.fill('#suche-q', 'Feindlich');
    await page.waitForSelector('#suche-ergebnisse li');
    const result = await page.evaluate(() => ({
      elements: document.querySelectorAll('#suche-ergebnisse img, #suche-ergebnisse script').length,
      text: document.getElementById('suche-ergebnisse')?.textContent ?? '',
      hrefs: [...document.querySelectorAll('#suche-ergebnisse a')].map((a) => a.getAttribute('href')),
      pwned: (window as unknown as { __pwned?: number }).__pwned,
    }));
    await page.close();
    expect(result.elements).toBe(0);
    expect(result.pwned).toBeUndefined();
    expect(result.text).toContain('<img src=x onerror=');
    expect(result.hrefs).toEqual(['index.html', null]);
    expect(w.problems).toEqual([]);
  });
  it('tells readers without JavaScript where to go instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(`${site.dir}/suche.html`).href);
    // With scripting off, the <noscript> content is real markup: its links exist and show.
    expect(await page.locator('main a[href="register.html"]').count()).toBe(1);
    expect(await page.isVisible('main a[href="register.html"]')).toBe(true);
    expect(await page.locator('main p', { hasText: 'Die Suche braucht JavaScript' }).isVisible()).toBe(true);
    await context.close();
  });
});
