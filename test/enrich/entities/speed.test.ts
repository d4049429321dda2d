/**
 * Fast paths of the entity stage against the definitions they replace (same answers, cheaper).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameRanks } from '../../../src/enrich/entities/index.ts';
import { corpus, knowledge } from './helpers.ts';

const collator = new Intl.Collator('de');
const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);

describe('entity name ranks', () => {
  it('order every pair of names as Intl.Collator("de") does, ties included', () => {
    const pieces = ['Ä', 'A', 'a', 'Ae', 'ä', 'Ö', 'O', 'ß', 'ss', 'É', 'E', 'e', 'Kim', 'kim', ' ', '-', 'Jong', 'Ü', 'u', 'Z', 'İ', 'ı', '\u0301'];
    const nameArb = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }).map((p) => p.join('').trim()).filter((n) => n !== '');
    fc.assert(
      fc.property(fc.uniqueArray(nameArb, { minLength: 1, maxLength: 12 }), (names) => {
        const ck = knowledge({ entities: names.map((name, i) => ({ id: `e${i}`, name, type: 'person' })) });
        const rank = nameRanks(ck);
        for (const a of names) for (const b of names) expect(sign((rank.get(a) ?? NaN) - (rank.get(b) ?? NaN))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 200 },
    );
  });

  it('cover every name of the real corpus', () => {
    const ck = corpus();
    const rank = nameRanks(ck);
    const names = ck.knowledge.entities.map((e) => e.name);
    for (const a of names) for (const b of names) expect(sign((rank.get(a) ?? NaN) - (rank.get(b) ?? NaN))).toBe(sign(collator.compare(a, b)));
  });
});
