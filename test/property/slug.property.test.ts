/** Slugs for any set of titles: unique, ASCII, path-safe, confined to the output folder, stable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../../src/normalise/slug.ts';
import { confine } from '../../src/write/index.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const title = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.constantFrom('', '!!!', '🎉🤝', '../../etc/passwd', '/etc/passwd', 'Ärger über Öl', 'ẞ', 'Gipfel in Moskau', 'con', 'index'),
);
const articles = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), title), { selector: ([id]) => id, maxLength: 40 })
  .map((xs) => xs.map(([id, t]) => ({ id, slug: slugify(t), path: '' })));

describe('slugs (property)', () => {
  it('slugify yields ASCII kebab-case or the empty string', () => {
    fc.assert(fc.property(title, (t) => {
      const s = slugify(t);
      expect(s === '' || SLUG.test(s)).toBe(true);
      expect(s.length).toBeLessThanOrEqual(80);
    }), { numRuns: 500 });
  });

  it('assignSlugs makes every slug unique, ASCII and path-safe', () => {
    fc.assert(fc.property(articles, (list) => {
      const out = assignSlugs(list);
      expect(new Set(out.map((a) => a.slug)).size).toBe(out.length);
      for (const a of out) {
        expect(a.slug).toMatch(SLUG);
        expect(a.path).toBe(`artikel/${a.slug}.html`);
        expect(() => confine('/tmp/out', a.path)).not.toThrow();
      }
    }), { numRuns: 300 });
  });

  it('is independent of input order', () => {
    fc.assert(fc.property(articles, (list) => {
      const a = new Map(assignSlugs(list).map((x) => [x.id, x.slug]));
      const b = new Map(assignSlugs([...list].reverse()).map((x) => [x.id, x.slug]));
      expect(b).toEqual(a);
    }), { numRuns: 200 });
  });

  it('adding an article whose id sorts last never changes existing slugs', () => {
    fc.assert(fc.property(articles, title, (list, t) => {
      const before = new Map(assignSlugs(list).map((x) => [x.id, x.slug]));
      const added = assignSlugs([...list, { id: '~zuletzt', slug: slugify(t), path: '' }]);
      for (const x of added) if (x.id !== '~zuletzt') expect(x.slug).toBe(before.get(x.id));
    }), { numRuns: 200 });
  });
});
