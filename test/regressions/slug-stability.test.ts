/**
 * Was a bug (src/normalise/slug.ts, assignSlugs): slugs were not stable when a file was ADDED whose
 * id sorts before an existing article with the same title: the newcomer took the plain slug and
 * the existing article's URL changed (breaking links and bookmarks).
 * Repro: ids "b" and "a", both titled "Gipfel in Moskau"; before: b → gipfel-in-moskau;
 * after adding a: a → gipfel-in-moskau, b → gipfel-in-moskau-<hash>.
 * Fixed by passing the previous build's id → slug map (kept in the build cache, src/cache/slugs.ts)
 * to assignSlugs; the second test goes through the real build with its cache.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { assignSlugs, slugify } from '../../src/normalise/slug.ts';

const art = (id: string, title: string) => ({ id, slug: slugify(title), path: '' });

const article = (body: string) => `Gipfel in Moskau\n\n${body}\n`;

describe('slug stability across builds', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('adding a file that sorts last keeps existing slugs', () => {
    const before = assignSlugs([art('b', 'Gipfel in Moskau')]);
    const after = assignSlugs([art('b', 'Gipfel in Moskau'), art('c', 'Gipfel in Moskau')]);
    expect(after[0]!.slug).toBe(before[0]!.slug);
  });

  it('adding a file that sorts FIRST keeps existing slugs (build with cache)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'presseschau-slugs-'));
    dirs.push(root);
    const seeds = path.join(root, 'seeds');
    const opts = { seedsDir: seeds, outDir: path.join(root, 'out'), cache: path.join(root, 'cache'), workers: 0 };
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'b.txt'), article('Wladimir Putin und Kim Jong-un trafen sich am Dienstag in Moskau zu langen Gesprächen über die Zusammenarbeit beider Länder.'));
    const first = await build(opts);
    const b1 = first.records.find((r) => r.sourceFile === 'b.txt');
    expect(b1?.slug).toBe('gipfel-in-moskau');

    await writeFile(path.join(seeds, 'a.txt'), article('Die Staatschefs sprachen am Mittwoch in Moskau erneut miteinander, diesmal über Handel, Energie und die Lage in der Region.'));
    const second = await build(opts);
    const b2 = second.records.find((r) => r.sourceFile === 'b.txt');
    const a2 = second.records.find((r) => r.sourceFile === 'a.txt');
    expect(b2?.path).toBe(b1?.path);
    expect(a2?.slug).toMatch(/^gipfel-in-moskau-[0-9a-f]{6}$/);

    // Without the cache (a cold build) the newcomer sorting first takes the plain slug, as before.
    const cold = await build({ ...opts, outDir: path.join(root, 'cold'), cache: false, write: false });
    expect(cold.records.find((r) => r.sourceFile === 'a.txt')?.slug).toBe('gipfel-in-moskau');
  });
});
