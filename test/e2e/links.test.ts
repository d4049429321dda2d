/** Every internal link of the built seeds resolves from file://, and every page is reachable from the start page. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, type BuiltSite } from './helpers.ts';
import { checkLinks, extract, reachable } from './links.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await sharedSite();
}, 60_000);
afterAll(() => site?.cleanup());

describe('links of the built site', () => {
  it('all resolve to files (and fragments) inside the site, none is root-relative or a folder', async () => {
    const report = await checkLinks(site.dir, site.files);
    expect(report.checked).toBeGreaterThan(site.html.length * 5);
    expect(report.problems).toEqual([]);
  });
  it('every page is reachable from index.html (404.html excepted: the server shows it)', async () => {
    const { graph } = await checkLinks(site.dir, site.files);
    const seen = reachable(graph, 'index.html');
    expect(site.html.filter((p) => !seen.has(p) && p !== '404.html')).toEqual([]);
  });
});

describe('links inside the search index', () => {
  it('every document the search can show links to a page of the site', async () => {
    const chunks = site.files.filter((f) => /^suche\/d-\d+\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    const missing: string[] = [];
    let rows = 0;
    for (const chunk of chunks) {
      const content = await readFile(path.join(site.dir, chunk), 'utf8');
      let data: { p: string }[] = [];
      // The chunk is a script calling the registry; run it with a stand-in registry.
      new Function('__presseschauSearch', content)({ load: (_: string, d: { p: string }[]) => (data = d) });
      for (const row of data) {
        rows += 1;
        if (!site.files.includes(row.p)) missing.push(`${chunk}: ${row.p}`);
      }
    }
    expect(rows).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});

describe('the link checker itself', () => {
  it('finds broken, root-relative, folder and external-resource links', async () => {
    const { links } = extract('<a href="/x.html">a</a><a href="dir/">b</a><script src="https://cdn.example/x.js"></script><img srcset="a.png 1x, b.png 2x">', 'p.html');
    expect(links.map((l) => l.value)).toEqual(['/x.html', 'dir/', 'https://cdn.example/x.js', 'a.png', 'b.png']);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'presseschau-links-'));
    await mkdir(path.join(dir, 'dir'));
    await writeFile(path.join(dir, 'dir/ok.html'), '<p id="da">x</p>');
    await writeFile(path.join(dir, 'p.html'), '<a href="/x.html">a</a><a href="dir/">b</a><a href="fehlt.html">c</a><a href="dir/ok.html#weg">d</a><a href="dir/ok.html#da">e</a><a href="https://example.org/">f</a><script src="https://cdn.example/x.js"></script>');
    const report = await checkLinks(dir, ['p.html', 'dir/ok.html']);
    await rm(dir, { recursive: true });
    expect(report.problems.map((p) => p.replace(/^.*?> /, ''))).toEqual([
      'ist wurzelrelativ; unter file:// und in Unterpfaden kaputt',
      'nennt keine Datei (Ordner-Link zeigt unter file:// eine Verzeichnisliste)',
      '→ fehlt.html existiert nicht',
      '→ #weg fehlt in dir/ok.html',
      'lädt eine Ressource von außerhalb der Website',
    ]);
  });
});
