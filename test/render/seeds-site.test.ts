/** The real corpus, built in memory: the link and reachability guarantees hold for whatever enrich finds. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { checkLinks, unreachable } from '../helpers/links.ts';

const root = path.resolve(import.meta.dirname, '../..');
let pages: ReadonlyMap<string, string | Uint8Array>;

beforeAll(async () => {
  const r = await build({ seedsDir: path.join(root, 'seeds'), outDir: path.join(root, 'dist-test-unused'), write: false });
  pages = r.pages ?? new Map();
}, 60_000);

describe('site from seeds/', () => {
  it('has one page per article, entity page type, event and the fixed pages', () => {
    const paths = [...pages.keys()];
    expect(paths.filter((p) => p.startsWith('artikel/')).length).toBe(5);
    for (const p of ['index.html', 'register.html', 'zeitleiste.html', 'zitate.html', 'berichterstattung.html', 'quellen.html', 'ereignisse.html', '404.html', 'assets/style.css']) expect(pages.has(p), p).toBe(true);
  });

  it('every internal link resolves to a generated file, relative and naming a file', () => {
    expect(checkLinks(pages)).toEqual([]);
  });

  it('every HTML page is reachable from index.html', () => {
    expect(unreachable(pages).filter((p) => p !== '404.html')).toEqual([]);
  });
});
