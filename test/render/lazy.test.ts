/**
 * Keyed pages (render/lazy.ts spec pages, the API records): the key of a page must change whenever its output would, or a
 * rebuild leaves stale pages; and an unchanged rebuild must render none of them. Through the real
 * build with its cache, on a copy of the seeds.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.ts';
import { loadTheme } from '../../src/ingest/templates.ts';
import { storeDirOf } from '../../src/cache/index.ts';
import { segmentReader } from '../../src/cache/store.ts';
import { isArticlePage, isLazyPage, isPartedPage, isRecordsPage, isSpecPage } from '../../src/model/page.ts';
import { renderEnv, renderSite } from '../../src/render/index.ts';
import { specKey } from '../../src/render/lazy.ts';
import { articlePageSpec } from '../../src/render/pages/article.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
let root: string;
let opts: BuildOptions;

/** path → key of every keyed page (spec pages, article pages, the API records, the build report) the build's site model gives. */
async function keys(result: Awaited<ReturnType<typeof build>>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const theme = await loadTheme(opts.seedsDir);
  const records = segmentReader(storeDirOf(opts.cache as string));
  const env = renderEnv(result.site!, theme, records);
  for (const p of renderSite(result.site!, theme, env.ctx)) {
    if (isSpecPage(p)) out.set(p.path, p.inputKey ?? specKey(p)); // as the writer keys them (parallel/pages.ts)
    else if (isArticlePage(p)) out.set(p.path, articlePageSpec(p, env).key);
    else if (isRecordsPage(p) || isPartedPage(p)) out.set(p.path, p.key); // api/articles.json, _build/report.json
    else if (isLazyPage(p)) out.set(p.path, p.key); // the search's document chunks and term shards, bericht.html
  }
  records.close();
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'presseschau-lazy-'));
  await cp(SEEDS, path.join(root, 'seeds'), { recursive: true });
  opts = { seedsDir: path.join(root, 'seeds'), outDir: path.join(root, 'out'), cache: path.join(root, 'cache'), workers: 0, keepSite: true }; // keys() renders result.site again
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('lazy pages', () => {
  it('an unchanged rebuild renders no lazy page (every article page linked)', async () => {
    const first = await build(opts);
    const lazy = await keys(first);
    const articles = [...lazy.keys()].filter((p) => p.startsWith('artikel/'));
    expect(articles.length).toBe(first.records.length);
    const second = await build(opts);
    expect(second.written?.skipped).toBe(lazy.size);
  });

  it("a related article's new title changes the key of the page that lists it, and the page is re-rendered", async () => {
    const before = await build(opts);
    const k1 = await keys(before);
    const [a, b] = [...before.site!.related].find(([, list]) => list.length > 0)!;
    const target = before.site!.byId.get(b[0]!.id)!;
    const file = path.join(opts.seedsDir, target.sourceFile);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(target.title.slice(0, 20), 'Neuer Titel: '));
    const after = await build(opts);
    const k2 = await keys(after);
    const page = before.site!.byId.get(a)!.path;
    expect(k2.get(page)).toBeDefined();
    expect(k2.get(page)).not.toBe(k1.get(page));
    expect(await readFile(path.join(opts.outDir, page), 'utf8')).toContain('Neuer Titel: ');
    // the build report, made of parts copied from the previous one and the changed ones, is what a cold build writes
    expect(k2.get('_build/report.json')).not.toBe(k1.get('_build/report.json'));
    const cold = await build({ ...opts, outDir: path.join(root, 'cold'), cache: false, write: false });
    for (const p of ['_build/report.json', '_build/bericht.html']) expect(await readFile(path.join(opts.outDir, p), 'utf8')).toBe(cold.pages?.get(p));
    // so are the search files, term shards and document chunks linked or made again by their keys
    const search = [...(cold.pages?.keys() ?? [])].filter((p) => p.startsWith('suche/'));
    expect(search.length).toBeGreaterThan(10);
    for (const p of search) expect(await readFile(path.join(opts.outDir, p), 'utf8')).toBe(cold.pages?.get(p));
    await writeFile(file, text);
  });

  it('a renamed entity in corpus.yml and a changed theme re-render the article pages', async () => {
    await build(opts);
    const yml = path.join(opts.seedsDir, 'corpus.yml');
    const source = await readFile(yml, 'utf8');
    await writeFile(yml, source.replace('name: Wladimir Putin', 'name: Wladimir W. Putin'));
    const renamed = await build(opts);
    const withPutin = renamed.records.find((r) => r.entities.some((e) => e.id === 'putin' || e.name.includes('Putin')))!;
    expect(await readFile(path.join(opts.outDir, withPutin.path), 'utf8')).toContain('Wladimir W. Putin');
    expect(renamed.written?.skipped).toBe(0);

    const builtIn = await readFile(path.resolve(import.meta.dirname, '../../templates/article.eta'), 'utf8');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates', 'article.eta'), `${builtIn}\n<p>Thema geändert</p>\n`);
    const themed = await build(opts);
    expect(await readFile(path.join(opts.outDir, withPutin.path), 'utf8')).toContain('Thema geändert');
    expect(themed.written?.skipped).toBe(0);
    await rm(path.join(root, 'templates'), { recursive: true });
    await writeFile(yml, source);
  });
});
