/**
 * BUG (src/normalise/slug.ts, assignSlugs): slugs are not stable when a file is ADDED whose id
 * sorts before an existing article with the same title: the newcomer takes the plain slug and
 * the existing article's URL changes (breaking links and bookmarks).
 * Repro: ids "b" and "a", both titled "Gipfel in Moskau"; before: b → gipfel-in-moskau;
 * after adding a: a → gipfel-in-moskau, b → gipfel-in-moskau-<hash>.
 * `it.fails` documents the bug and passes while it exists; when fixed it fails: turn it into `it`.
 */
import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../../src/normalise/slug.ts';

const art = (id: string, title: string) => ({ id, slug: slugify(title), path: '' });

describe('slug stability across builds', () => {
  it('adding a file that sorts last keeps existing slugs', () => {
    const before = assignSlugs([art('b', 'Gipfel in Moskau')]);
    const after = assignSlugs([art('b', 'Gipfel in Moskau'), art('c', 'Gipfel in Moskau')]);
    expect(after[0]!.slug).toBe(before[0]!.slug);
  });

  it.fails('adding a file that sorts FIRST keeps existing slugs (known bug, see header)', () => {
    const before = assignSlugs([art('b', 'Gipfel in Moskau')]);
    const after = assignSlugs([art('b', 'Gipfel in Moskau'), art('a', 'Gipfel in Moskau')]);
    expect(after.find((x) => x.id === 'b')!.slug).toBe(before[0]!.slug);
  });
});
