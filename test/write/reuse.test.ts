/**
 * The writer's fast paths: chunked content streamed to the file, unchanged bytes hard-linked from
 * the previous output, lazy pages skipped by key through the page manifest — and the manifest
 * never trusted for a folder or salt it was not written for.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChunkedPage, LazyPage, Page } from '../../src/model/page.ts';

type AnyPage = Page | ChunkedPage | LazyPage;
import { stageOutput, type StageOptions } from '../../src/write/index.ts';
import { tempDir } from '../bad-input/corpus.ts';

let work: string;
let out: string;
let manifest: string;
beforeEach(() => {
  work = tempDir('reuse');
  out = path.join(work, 'dist');
  manifest = path.join(work, 'cache', 'pages.json');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function site(pages: AnyPage[], options: StageOptions = { manifest, salt: 's1' }) {
  const staged = await stageOutput(out, options);
  for (const p of pages) await staged.write(p);
  return staged.commit();
}

/** A lazy page that counts its renders. */
function lazy(p: string, key: string, text: string, calls: { n: number }): AnyPage {
  return { path: p, key, render: () => (calls.n++, text) };
}

const read = (p: string) => readFileSync(path.join(out, p), 'utf8');
const inode = (p: string) => statSync(path.join(out, p)).ino;

describe('chunked content', () => {
  it('streams an iterable of strings into one file, byte for byte', async () => {
    function* chunks() {
      yield '[';
      for (let i = 0; i < 5000; i++) yield `${i > 0 ? ',' : ''}{"n":${i},"t":"Ä„ü“ ${'x'.repeat(i % 50)}"}`;
      yield ']';
    }
    const stats = await site([{ path: 'api/a.json', content: chunks() }]);
    const expected = [...chunks()].join('');
    expect(read('api/a.json')).toBe(expected);
    expect(stats.bytes).toBe(Buffer.byteLength(expected));
  });
});

describe('unchanged bytes', () => {
  // Without a manifest the previous file is read back and compared; with one, its hash is compared.
  it.each([['without a page manifest', false], ['with a page manifest', true]] as const)('are hard-linked from the previous output; changed ones are written (%s)', async (_, withManifest) => {
    const opts = withManifest ? { manifest, salt: 's1' } : {}; // `manifest` is set per test (beforeEach)
    await site([{ path: 'a.html', content: 'eins' }, { path: 'b.html', content: 'zwei' }], opts);
    const a = inode('a.html');
    const b = inode('b.html');
    const stats = await site([{ path: 'a.html', content: 'eins' }, { path: 'b.html', content: 'ZWEI' }], opts);
    expect([inode('a.html'), read('a.html')]).toEqual([a, 'eins']);
    expect([inode('b.html') === b, read('b.html')]).toEqual([false, 'ZWEI']);
    expect(stats).toMatchObject({ files: 2, bytes: 8, linked: 1, skipped: 0 });
  });
});

describe('unchanged bytes with a page manifest', () => {
  it('are known by the hash of their bytes, without reading the previous file back', async () => {
    await site([{ path: 'a.html', content: 'eins' }, { path: 'b.html', content: 'zwei' }]);
    // What the manifest keeps for a plain page is a hash of the bytes, not the text.
    const stored = JSON.parse(readFileSync(manifest, 'utf8')) as { pages: [string, string, number][] };
    expect(stored.pages.map(([p, k, n]) => [p, k.startsWith('c:'), n])).toEqual([['a.html', true, 4], ['b.html', true, 4]]);
    expect(JSON.stringify(stored)).not.toContain('zwei');
    // It vouches for the bytes, as it does for lazy pages: the previous file is not read back, so
    // a same-sized change made behind its back (the output is the build's own) stays.
    writeFileSync(path.join(out, 'a.html'), 'EINS');
    await site([{ path: 'a.html', content: 'eins' }]);
    expect(read('a.html')).toBe('EINS');
  });

  it('another size, a missing file or another salt: written, not linked', async () => {
    await site([{ path: 'a.html', content: 'eins' }, { path: 'b.html', content: 'zwei' }, { path: 'c.html', content: 'drei' }]);
    writeFileSync(path.join(out, 'a.html'), 'verändert');
    rmSync(path.join(out, 'b.html'));
    const stats = await site([{ path: 'a.html', content: 'eins' }, { path: 'b.html', content: 'zwei' }, { path: 'c.html', content: 'drei' }]);
    expect([read('a.html'), read('b.html')]).toEqual(['eins', 'zwei']);
    expect(stats).toMatchObject({ files: 3, linked: 1 });
    const c = inode('c.html');
    await site([{ path: 'c.html', content: 'drei' }], { manifest, salt: 's2' });
    // a new salt drops the manifest; the bytes are then compared with the previous file itself
    expect(inode('c.html')).toBe(c);
  });
});

describe('lazy pages', () => {
  it('with an unchanged key are linked without rendering; a changed key renders', async () => {
    const calls = { n: 0 };
    await site([lazy('a.html', 'k1', 'eins', calls), lazy('b.html', 'k1', 'zwei', calls)]);
    expect(calls.n).toBe(2);
    const stats = await site([lazy('a.html', 'k1', 'eins', calls), lazy('b.html', 'k2', 'ZWEI', calls)]);
    expect(calls.n).toBe(3);
    expect(read('a.html')).toBe('eins');
    expect(read('b.html')).toBe('ZWEI');
    expect(stats).toMatchObject({ files: 2, linked: 1, skipped: 1, bytes: 8 });
  });

  it('render again when the salt changed (code, theme or corpus settings)', async () => {
    const calls = { n: 0 };
    await site([lazy('a.html', 'k', 'alt', calls)]);
    await site([lazy('a.html', 'k', 'neu', calls)], { manifest, salt: 's2' });
    expect(calls.n).toBe(2);
    expect(read('a.html')).toBe('neu');
  });

  it('render again when the output folder is not the one the manifest describes', async () => {
    const calls = { n: 0 };
    await site([lazy('a.html', 'k', 'alt', calls)]);
    // Someone replaced the output folder by hand with a same-sized file under the same name.
    renameSync(out, path.join(work, 'elsewhere'));
    await site([{ path: 'a.html', content: 'xyz' }], {});
    await site([lazy('a.html', 'k', 'neu', calls)]);
    expect(calls.n).toBe(2);
    expect(read('a.html')).toBe('neu');
  });

  it('render again when the previous file is gone or has another size', async () => {
    const calls = { n: 0 };
    await site([lazy('a.html', 'k', 'alt', calls), lazy('b.html', 'k', 'alt', calls)]);
    rmSync(path.join(out, 'a.html'));
    writeFileSync(path.join(out, 'b.html'), 'verändert');
    await site([lazy('a.html', 'k', 'neu', calls), lazy('b.html', 'k', 'neu', calls)]);
    expect(calls.n).toBe(4);
    expect(read('a.html')).toBe('neu');
    expect(read('b.html')).toBe('neu');
  });

  it('without a manifest option are always rendered', async () => {
    const calls = { n: 0 };
    await site([lazy('a.html', 'k', 'x', calls)], {});
    await site([lazy('a.html', 'k', 'x', calls)], {});
    expect(calls.n).toBe(2);
  });

  it('keep the previous output intact when a later page fails', async () => {
    const calls = { n: 0 };
    await site([lazy('a.html', 'k', 'alt', calls)]);
    const staged = await stageOutput(out, { manifest, salt: 's1' });
    await staged.write(lazy('a.html', 'k', 'alt', calls));
    await expect(staged.write({ path: '../x', content: '' })).rejects.toThrow();
    await staged.abort();
    expect(read('a.html')).toBe('alt');
  });
});
