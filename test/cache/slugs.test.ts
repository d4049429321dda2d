/** The previous build's slugs in the cache (src/cache/slugs.ts): round trip; anything unreadable counts as "no previous build". */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSlugs, saveSlugs } from '../../src/cache/slugs.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'presseschau-slugcache-'));
  dirs.push(d);
  return d;
};

describe('slug cache', () => {
  it('gives back what was saved', async () => {
    const dir = path.join(await tmp(), 'cache');
    await saveSlugs(dir, [{ id: 'b', slug: 'gipfel' }, { id: 'a', slug: 'gipfel-1a2b3c' }]);
    expect(await loadSlugs(dir)).toEqual(new Map([['a', 'gipfel-1a2b3c'], ['b', 'gipfel']]));
  });

  it('ignores a missing, corrupt or foreign file', async () => {
    const dir = await tmp();
    expect(await loadSlugs(dir)).toBeUndefined();
    await writeFile(path.join(dir, 'slugs.json'), '{not json');
    expect(await loadSlugs(dir)).toBeUndefined();
    await writeFile(path.join(dir, 'slugs.json'), JSON.stringify({ format: 1, slugs: [['a', 7]] }));
    expect(await loadSlugs(dir)).toBeUndefined();
    await writeFile(path.join(dir, 'slugs.json'), JSON.stringify({ format: 99, slugs: [] }));
    expect(await loadSlugs(dir)).toBeUndefined();
  });
});
