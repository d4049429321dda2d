/**
 * Regexes that opened with a lookbehind were rewritten to check the left edge by hand (V8 cannot
 * skip ahead in a pattern that opens with a lookbehind). These properties hold them to the
 * original patterns on arbitrary text near the edges: letters, digits, hyphens, astral letters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgMatches } from '../../../src/enrich/entities/candidates.ts';
import { vocab } from '../../../src/enrich/entities/vocab.ts';
import { compileEventIndex } from '../../../src/enrich/events/features.ts';
import { sentences } from '../../../src/enrich/events/index.ts';
import { weights } from '../../../src/enrich/events/weights.ts';
import { compileKnowledge } from '../../../src/enrich/knowledge.ts';

const pieces = ['Kookmin-', 'Universität', 'Institut', 'Sejong ', 'es', 's', 'x', '1', '-', ' ', 'Ä', '𝐀', 'Damals', 'vergangenen', 'im Jahr', 'im  Jahr', '. ', 'Früher', '2019', 'Juni', 'a', '„', '! ', 'Nachrichtenagentur', 'früheren'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((xs) => xs.join(''));

describe('hand-checked left edges', () => {
  it('orgMatches finds what the lookbehind pattern finds', () => {
    const original = new RegExp(String.raw`(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}]+[-\s]){1,3}(?:${vocab.orgHeads.join('|')}))(?:e?s)?(?![\p{L}\p{N}])`, 'gu');
    fc.assert(fc.property(text, (t) => {
      const got = [...orgMatches(t)].map((m) => [m.index, m[0], m[1]]);
      const want = [...t.matchAll(original)].map((m) => [m.index, m[0], m[1]]);
      expect(got).toEqual(want);
    }), { numRuns: 500 });
  });

  it('retrospectiveAt marks exactly the sentences the lookbehind pattern finds a marker in', () => {
    const idx = compileEventIndex(compileKnowledge({ site: { title: 'T', description: '', language: 'de' }, entities: [], events: [], overrides: {} }));
    const original = new RegExp(`(?<![\\p{L}])(?:${weights.retrospectiveMarkers.map((m) => m.replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');
    fc.assert(fc.property(text, (t) => {
      const at = idx.retrospectiveAt(t);
      for (const [from, to] of sentences(t)) {
        expect(at.some((a) => a >= from && a < to)).toBe(original.test(t.slice(from, to)));
        expect(idx.retrospective(t.slice(from, to))).toBe(original.test(t.slice(from, to)));
      }
    }), { numRuns: 500 });
  });
});
