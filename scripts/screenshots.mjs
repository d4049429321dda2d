// Screenshots of each page type at 390 px (phone) and 1280 px (desktop) into docs/screenshots/,
// made with Debian's Chromium from a fresh build of seeds/ opened from disk (file://).
//   npm run screenshots            all page types
//   npm run screenshots -- Start   only the named types
// Chromium: /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'docs', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One page of each type; `prefer` names a page that shows the type well when it exists. */
const TYPES = [
  { name: 'start', label: 'Start', match: /^index\.html$/ },
  { name: 'artikel', label: 'Artikel', match: /^artikel\/[^/]+\.html$/, prefer: 'artikel/wladimir-putin-und-kim-jong-un-begannen-in-nordkorea-ein-bilaterales.html' },
  { name: 'person', label: 'Person', match: /^personen\/[^/]+\.html$/, prefer: 'personen/kim-jong-un.html' },
  { name: 'ort', label: 'Ort', match: /^orte\/[^/]+\.html$/, prefer: 'orte/pjoengjang.html' },
  { name: 'organisation', label: 'Organisation', match: /^organisationen\/[^/]+\.html$/, prefer: 'organisationen/kcna.html' },
  { name: 'ereignis', label: 'Ereignis', match: /^ereignisse\/[^/]+\.html$/, prefer: 'ereignisse/2024-06-pyongyang.html' },
  { name: 'quelle', label: 'Quelle', match: /^quellen\/[^/]+\.html$/ },
  { name: 'ereignisse', label: 'Ereignisse', match: /^ereignisse\.html$/ },
  { name: 'zeitleiste', label: 'Zeitleiste', match: /^zeitleiste\.html$/ },
  { name: 'register', label: 'Register', match: /^register\.html$/ },
  { name: 'zitate', label: 'Zitate', match: /^zitate\.html$/ },
  { name: 'berichterstattung', label: 'Berichterstattung', match: /^berichterstattung\.html$/ },
  { name: 'quellen', label: 'Quellen', match: /^quellen\.html$/ },
  { name: 'suche', label: 'Suche', match: /^suche\.html$/, query: 'Gipfeltreffen' },
  { name: '404', label: '404', match: /^404\.html$/ },
];
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

function listHtml(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listHtml(dir, rel));
    else if (rel.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

if (!existsSync(executablePath)) {
  console.error(`Chromium nicht gefunden (${executablePath}): apt-get install chromium, oder CHROMIUM_PATH setzen.`);
  process.exit(1);
}
const only = process.argv.slice(2);
const site = path.join(mkdtempSync(path.join(os.tmpdir(), 'presseschau-shots-')), 'site');
execFileSync(process.execPath, [path.join(root, 'scripts', 'compile.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'bin', 'presseschau.js'), 'build', '--out', site], { stdio: ['ignore', 'ignore', 'inherit'] });
const pages = listHtml(site);
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars', '--font-render-hinting=none'],
});
const missing = [];
try {
  for (const viewport of WIDTHS) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const t of TYPES) {
      if (only.length > 0 && !only.includes(t.label) && !only.includes(t.name)) continue;
      const file = t.prefer && pages.includes(t.prefer) ? t.prefer : pages.find((p) => t.match.test(p));
      if (!file) {
        missing.push(t.label);
        continue;
      }
      const url = pathToFileURL(path.join(site, file)).href + (t.query ? `?q=${encodeURIComponent(t.query)}` : '');
      await page.goto(url);
      if (t.query) await page.waitForSelector('#suche-ergebnisse li', { timeout: 10_000 });
      await page.evaluate(() => document.fonts.ready);
      const target = path.join(outDir, `${t.name}-${viewport.width}.png`);
      await page.screenshot({ path: target, fullPage: false });
      console.log(`${path.relative(root, target)}  ← ${file}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  rmSync(path.dirname(site), { recursive: true, force: true });
}
if (missing.length > 0) {
  console.error(`Seitentypen fehlen im Build: ${[...new Set(missing)].join(', ')}`);
  process.exitCode = 1;
}
