/**
 * Files made of keyed parts (api/articles.json): a rebuild copies each part whose key the previous
 * file had from there and makes only the others, the result byte for byte what making every part
 * gives; the previous file is trusted only as the manifest describes it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageOutput, type KeyedPart, type PartedFile } from '../../src/write/index.ts';
import { tempDir } from '../bad-input/corpus.ts';

let work: string;
let out: string;
let manifest: string;
beforeEach(() => {
  work = tempDir('parts');
  out = path.join(work, 'dist');
  manifest = path.join(work, 'cache', 'pages.json');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Parts named by key; `made` collects the keys whose pieces were asked for. */
function file(items: readonly [string, string][], made: string[]): PartedFile {
  const parts: KeyedPart[] = items.map(([key, text], i) => ({
    key,
    pieces: () => {
      made.push(key);
      // more than one piece, multi-byte text: lengths are bytes, not UTF-16 units
      return [i > 0 ? ',\n' : '', text.slice(0, 3), text.slice(3)];
    },
  }));
  return { head: '[\n', parts, tail: '\n]\n' };
}

const bytesOf = (items: readonly [string, string][]) => `[\n${items.map(([, t], i) => `${i > 0 ? ',\n' : ''}${t}`).join('')}\n]\n`;

async function build(items: readonly [string, string][], key: string, salt = 's1') {
  const made: string[] = [];
  const staged = await stageOutput(out, { manifest, salt });
  await staged.writeParts('api/articles.json', key, file(items, made));
  const stats = await staged.commit();
  return { made, stats, text: readFileSync(path.join(out, 'api/articles.json'), 'utf8') };
}

const records = (n: number): [string, string][] => Array.from({ length: n }, (_, i) => [`r${i}`, `{"id":${i},"titel":"„Gipfel“ in Pjöngjang ${'ä'.repeat(i % 7)}"}`]);

describe('a file made of keyed parts', () => {
  it('is made whole the first time', async () => {
    const items = records(6);
    const first = await build(items, 'k1');
    expect(first.text).toBe(bytesOf(items));
    expect(first.made).toEqual(items.map(([k]) => k));
    expect(first.stats.copied).toBe(0);
  });

  it('copies the unchanged parts from the previous file and makes only the changed ones', async () => {
    const items = records(8);
    await build(items, 'k1');
    const next = items.map(([k, t]): [string, string] => (k === 'r3' ? ['r3*', t.replace('Gipfel', 'Treffen')] : [k, t]));
    next.splice(6, 1); // one gone
    next.push(['r8', '{"id":8}']); // one new
    const second = await build(next, 'k2');
    expect(second.text).toBe(bytesOf(next));
    expect(second.made).toEqual(['r3*', 'r8']);
    expect(second.stats.copied).toBeGreaterThan(0);
    // and the layout it left behind serves the build after it
    const third = await build(next, 'k3');
    expect(third.text).toBe(bytesOf(next));
    expect(third.made).toEqual([]);
  });

  it('is linked whole when its key is unchanged, and keeps its layout for the next build', async () => {
    const items = records(4);
    await build(items, 'k1');
    const same = await build(items, 'k1');
    expect(same.made).toEqual([]);
    expect(same.stats.linked).toBe(1);
    const changed = items.map(([k, t]): [string, string] => (k === 'r0' ? ['r0*', '{"id":0}'] : [k, t]));
    const after = await build(changed, 'k2');
    expect(after.made).toEqual(['r0*']);
    expect(after.text).toBe(bytesOf(changed));
  });

  it('makes every part when the previous file is not what the manifest describes', async () => {
    const items = records(5);
    await build(items, 'k1');
    // changed by hand, other size: its parts are not where the manifest says
    writeFileSync(path.join(out, 'api/articles.json'), 'kaputt');
    const again = await build(items, 'k2');
    expect(again.made).toEqual(items.map(([k]) => k));
    expect(again.text).toBe(bytesOf(items));
  });

  it('makes every part under another salt', async () => {
    const items = records(3);
    await build(items, 'k1', 's1');
    const again = await build(items, 'k2', 's2');
    expect(again.made).toEqual(items.map(([k]) => k));
  });

  it('has no parts when empty', async () => {
    const made: string[] = [];
    const staged = await stageOutput(out, { manifest, salt: 's1' });
    await staged.writeParts('api/articles.json', 'k0', { head: '[]\n', parts: [], tail: '' });
    await staged.commit();
    expect(readFileSync(path.join(out, 'api/articles.json'), 'utf8')).toBe('[]\n');
    expect(made).toEqual([]);
  });
});
