/**
 * tokenize scans by char code for speed; it must find exactly the words the plain regex finds
 * (maximal runs of letters, marks and digits), split glued words the same way and fold the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, tokenize } from '../../../src/enrich/entities/matcher.ts';

/** The straightforward definition the scanner replaces. */
function reference(text: string) {
  const out: { start: number; end: number; raw: string; key: string }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    let start = m.index;
    const parts = /\p{Ll}\p{Lu}/u.test(m[0]) ? m[0].split(/(?<=\p{Ll})(?=\p{Lu})/u) : [m[0]];
    for (const part of parts) {
      out.push({ start, end: start + part.length, raw: part, key: part.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss') });
      start += part.length;
    }
  }
  return out;
}

describe('tokenize', () => {
  it.each([
    'Kim Jong-unDas Treffen', 'Putinwird morgen', 'Pjöngjang, 19. Juni 2024', 'Straße ÄÖÜ äöü ß', 'e\u0301te café', '𝐀𝐁 x𝐂y 😀a', 'İstanbul', 'a\ud800b', 'NATO-Gipfel', '',
  ])('%j', (text) => {
    expect(tokenize(text)).toEqual(reference(text));
  });

  it('agrees with the regex definition on arbitrary text', () => {
    const alphabet = fc.constantFrom(...'aZäÖßé\u0301 -,.„“0🙂𝐀İ\ud83dKΣςσ'.split(''), 'ǅ', 'ﬁ', '𝐚', 'ǆ', 'Ǆ');
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), alphabet), { maxLength: 30 }).map((xs) => xs.join('')), (text) => {
      expect(tokenize(text)).toEqual(reference(text));
    }), { numRuns: 400 });
  });

  it('fold: ASCII fast path equals the Unicode path', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
      expect(fold(s)).toBe(s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss'));
    }));
  });
});
