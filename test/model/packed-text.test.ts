/**
 * Packed text (model/packed-text.ts): every text comes back exactly; German press text with
 * typographic quotation marks and dashes packs into a one-byte string of the same length, so the
 * entity passages' offsets still hold.
 */
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetsKept, packedChars, packText, unpackText } from '../../src/model/packed-text.ts';
import { packedPassage, passage } from '../../src/render/format.ts';

/** Whether V8 holds the string with one byte per character (its serialisation says so). */
const oneByte = (s: string) => serialize(s).length < s.length * 1.5 + 8;

const PRESS = '„Das ist eine Zusammenarbeit“, sagte Putin – der Kreml‚ meint’s ernst… Kosten: 5 €, Š, ™, •, — Ende.';

describe('packText', () => {
  it('gives every text back exactly, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => unpackText(packText(s)) === s),
      { numRuns: 2000 },
    );
    const tricky = fc.constantFrom('\x80', '\x81', '\x9f', '„', '“', '€', '…', 'ä', 'a', ' ', '\u0100', '😀', '\x81\x81');
    fc.assert(fc.property(fc.array(tricky, { maxLength: 30 }).map((a) => a.join('')), (s) => unpackText(packText(s)) === s));
  });

  it('makes German press text a one-byte string of the same length', () => {
    expect(oneByte(PRESS)).toBe(false);
    const packed = packedChars(packText(PRESS));
    expect(oneByte(packed)).toBe(true);
    expect(packed.length).toBe(PRESS.length);
    expect(offsetsKept(packText(PRESS))).toBe(true);
    // Windows-1252's codes: „ is 0x84, “ 0x93, – 0x96, € 0x80, … 0x85
    expect([...'„“–€…'].map((c) => packedChars(packText(c)).charCodeAt(0))).toEqual([0x84, 0x93, 0x96, 0x80, 0x85]);
  });

  it('leaves plain Latin-1 as it is, and escapes C1 control characters (then offsets move)', () => {
    const plain = 'Präsident Kim Jong-un in Pjöngjang, Grüße';
    expect(packedChars(packText(plain))).toBe(plain);
    const c1 = 'a\x85b';
    expect(packedChars(packText(c1))).toBe('a\x81\x85b');
    expect(offsetsKept(packText(c1))).toBe(false);
    expect(unpackText(packText(c1))).toBe(c1);
  });
});

describe('packedPassage', () => {
  it('cuts the same passage as from the text itself', () => {
    const long = `${'Vorher: „Ein Satz“ – noch einer. '.repeat(12)}Wladimir Putin sprach. ${'Danach — „weiter“ … '.repeat(12)}`;
    const start = long.indexOf('Wladimir');
    const end = start + 'Wladimir Putin'.length;
    expect(packedPassage(packText(long), start, end)).toEqual(passage(long, start, end));
    const withC1 = `x\x85 ${long}`;
    expect(packedPassage(packText(withC1), start + 3, end + 3)).toEqual(passage(withC1, start + 3, end + 3));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '„', '“', '–', 'ä', '\x90', '€') , maxLength: 400 }), fc.nat(), fc.nat(), (s, x, y) => {
        const a = s.length === 0 ? 0 : x % s.length;
        const b = s.length === 0 ? 0 : a + (y % (s.length - a + 1));
        expect(packedPassage(packText(s), a, b)).toEqual(passage(s, a, b));
      }),
    );
  });
});
