/**
 * assignSlugs with the previous build's id → slug map: existing URLs survive a newcomer whose id
 * sorts first (the bug in test/regressions/slug-stability.test.ts, which the build fixes once it
 * passes the map); without the map nothing changes; slugs stay unique whatever the map says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, idSuffix, slugify } from '../../src/normalise/slug.ts';

const art = (id: string, title: string) => ({ id, slug: slugify(title), path: '' });
const slugs = (xs: { id: string; slug: string }[]) => new Map(xs.map((x) => [x.id, x.slug]));

describe('assignSlugs with the previous build', () => {
  it('keeps an existing slug when a file that sorts first arrives', () => {
    const before = slugs(assignSlugs([art('b', 'Gipfel in Moskau')]));
    const after = assignSlugs([art('b', 'Gipfel in Moskau'), art('a', 'Gipfel in Moskau')], 'artikel', before);
    expect(after.map((x) => [x.id, x.slug, x.path])).toEqual([
      ['b', 'gipfel-in-moskau', 'artikel/gipfel-in-moskau.html'],
      ['a', `gipfel-in-moskau-${idSuffix('a')}`, `artikel/gipfel-in-moskau-${idSuffix('a')}.html`],
    ]);
  });

  it('keeps a suffixed slug when the article that owned the plain slug is deleted', () => {
    const before = slugs(assignSlugs([art('a', 'Gipfel'), art('b', 'Gipfel')]));
    expect(assignSlugs([art('b', 'Gipfel')], 'artikel', before)[0]!.slug).toBe(`gipfel-${idSuffix('b')}`);
  });

  it('gives a new slug when the title changed', () => {
    const before = new Map([['a', 'alter-titel']]);
    expect(assignSlugs([art('a', 'Neuer Titel')], 'artikel', before)[0]!.slug).toBe('neuer-titel');
  });

  it('is the old assignment without a previous map, and slugs are always unique', () => {
    const title = fc.constantFrom('Gipfel', 'Gipfel in Moskau', '', '!!!', 'Kim');
    const id = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(id, title), { selector: (t) => t[0], maxLength: 8 }), fc.array(fc.tuple(id, fc.constantFrom('gipfel', 'kim', 'gipfel-in-moskau', 'artikel')), { maxLength: 8 }), (rows, prev) => {
        const articles = rows.map(([i, t]) => art(i, t));
        expect(assignSlugs(articles, 'artikel', new Map())).toEqual(assignSlugs(articles));
        const withPrev = assignSlugs(articles, 'artikel', new Map([...prev, ...slugs(assignSlugs(articles.slice(1)))]));
        expect(new Set(withPrev.map((a) => a.slug)).size).toBe(articles.length);
      }),
      { numRuns: 300 },
    );
  });
});
