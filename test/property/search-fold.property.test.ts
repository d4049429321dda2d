/**
 * fold() and dropUmlauts() (src/index/search-text.ts) skip the Unicode normalisations for words
 * of ASCII and ä/ö/ü/ß; for every word the result must be what the full definition gives — the
 * browser's search and the build's index must keep turning words into the same terms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropUmlauts, fold } from '../../src/index/search-text.ts';

// The definitions as they were, without the shortcut.
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
const FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const DROP: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };
const foldFull = (w: string) => strip(w.toLowerCase().normalize('NFC').replace(/[äöüß]/g, (c) => FOLD[c] ?? c));
const dropFull = (w: string) => strip(w.toLowerCase().normalize('NFC').replace(/[äöüß]/g, (c) => DROP[c] ?? c));

// Letters that case-map or compose in surprising ways: decomposed umlauts, capital sharp s,
// Kelvin sign, dotted I, ligatures, Greek final sigma, accents, combining marks alone.
const tricky = ['a\u0308', 'A\u0308', 'o\u0308', 'u\u0308', 'ẞ', 'ß', 'Ä', 'Ö', 'Ü', '\u212a', 'İ', 'ı', 'ﬁ', 'Σ', 'ς', 'é', 'É', 'e\u0301', '\u0301', '\u0308', 'Ø', 'Œ', 'ŉ', 'Ǆ', 'Å', '\u212b', 'x', 'Z', '9', '-'];
const word = fc.oneof(
  fc.array(fc.constantFrom(...tricky), { maxLength: 8 }).map((xs) => xs.join('')),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüßÄÖÜẞ'), maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

describe('search folding (property)', () => {
  it('fold() equals the full definition for any word', () => {
    fc.assert(fc.property(word, (w) => { expect(fold(w)).toBe(foldFull(w)); }), { numRuns: 5000 });
  });

  it('dropUmlauts() equals the full definition for any word', () => {
    fc.assert(fc.property(word, (w) => { expect(dropUmlauts(w)).toBe(dropFull(w)); }), { numRuns: 5000 });
  });

  it('examples', () => {
    expect(fold('Pjöngjang')).toBe('pjoengjang');
    expect(dropUmlauts('Pjöngjang')).toBe('pjongjang');
    expect(fold('Café')).toBe('cafe');
    expect(fold('STRAẞE')).toBe('strasse');
    expect(fold('Pjo\u0308ngjang')).toBe('pjoengjang');
  });
});
