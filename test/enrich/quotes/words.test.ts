/**
 * The quote stage's word scans read char codes; they must find what the regexes they replace find,
 * and the attributions built on them must equal the reference (test/enrich/quotes/reference/, the
 * code before the rewrite) on text dense in quotes, verbs, punctuation, marks and astral letters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanQuotes, wordCount } from '../../../src/enrich/quotes/scan.ts';
import { attributionAfter, attributionBefore, attributionInSentence } from '../../../src/enrich/quotes/speaker.ts';
import { countWords, wordSpans } from '../../../src/enrich/quotes/words.ts';
import * as refScan from './reference/scan.ts';
import * as ref from './reference/speaker.ts';

const PIECES = [
  'sagte', 'sagte Putin', 'Putin sagte', 'so', 'erklärte', 'fügte er hinzu', 'er', 'sie', 'wurde', 'zitiert', 'der Kremlchef', 'Kim Jong-un', "O'Neill", 'D’Arcy',
  'Dr.', 'U.S.', 'seiner Meinung nach', 'der Ansicht', ', ', ': ', '. ', '? ', '! ', '„', '“', '”', '"', '»', '«', ' ', '  ', '\u00a0', '-', "'", '’', '2024', 'x2',
  'Ärger', 'é', 'e\u0301', '𝐀𝐛', '𝟙', '٣', '\ud800', 'ǅ', 'Σ', '(dpa)',
];
const textArb = fc.array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) }), { maxLength: 60 }).map((p) => p.join(' '));
const looseArb = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) }), { maxLength: 40 }).map((p) => p.join(''));
const anyText = fc.oneof(textArb, looseArb);
/** Sentences shaped like attributed quotes, with noise between and inside them. */
const pick = (xs: string[]) => fc.constantFrom(...xs);
const quoteArb = fc.tuple(pick(['„', '“', '"', '»', '«']), textArb, pick(['“', '”', '"', '«', '»', '']));
const sentenceArb = fc.oneof(
  fc.tuple(quoteArb, pick([', ', ',', ' ', ', so ']), pick(['sagte', 'erklärte', 'wurde', 'fügte', 'so', 'meinte']), pick([' Putin', ' der Kremlchef', ' er', ' Kim Jong-un laut KCNA', ' der russische Präsident Wladimir Putin', '']), pick([' zitiert', ' hinzu', '', '.', '. '])).map(([[o, q, c], sep, v, who, end]) => `${o}${q}${c}${sep}${v}${who}${end}`),
  fc.tuple(pick(['Putin', 'Er', 'Die Analystin Maria Schneider', 'Kim', '']), pick([' sagte', ' erklärte', ' sieht das so', '']), pick([': ', ', ', ' ', ':']), quoteArb).map(([who, v, sep, [o, q, c]]) => `${who}${v}${sep}${o}${q}${c}`),
  fc.tuple(pick(['Als er bekräftigte, dass diese ', 'Er forderte die Partner zu ', 'Sie ist seiner Meinung nach ', 'Lee war der Ansicht, dass ']), quoteArb).map(([head, [o, q, c]]) => `${head}${o}${q}${c}`),
  textArb,
);
const blockArb = fc.array(sentenceArb, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(' '));

describe('quote word scans', () => {
  it('wordSpans finds the matches of /\\p{L}[\\p{L}\\p{N}\'’.-]*/gu', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 8 }), (text, max) => {
      const expected = [...text.matchAll(/\p{L}[\p{L}\p{N}'’.-]*/gu)].flatMap((m) => [m.index, m.index + m[0].length]);
      expect(wordSpans(text)).toEqual(expected);
      expect(wordSpans(text, max)).toEqual(expected.slice(0, 2 * max));
    }), { numRuns: 1000 });
  });

  it('countWords counts the matches of /[\\p{L}\\p{N}]+(?:[-\'][\\p{L}\\p{N}]+)*/gu, up to a bound', () => {
    fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 12 }), (text, upTo) => {
      expect(countWords(text)).toBe(refScan.wordCount(text));
      expect(countWords(text, upTo)).toBe(refScan.wordCount(text, upTo));
      expect(wordCount(text, upTo)).toBe(refScan.wordCount(text, upTo));
    }), { numRuns: 1000 });
  });

  it('attributions equal the reference at every quote mark and anywhere else', () => {
    fc.assert(fc.property(fc.oneof(anyText, blockArb, blockArb), fc.nat(), (text, seed) => {
      const spans = scanQuotes(text);
      expect(spans).toEqual(refScan.scanQuotes(text));
      const offsets = [seed % (text.length + 1), ...spans.flatMap((s) => [s.open, s.close])];
      for (const at of offsets) {
        expect(attributionAfter(text, at)).toEqual(ref.attributionAfter(text, at));
        expect(attributionBefore(text, at)).toEqual(ref.attributionBefore(text, at));
        expect(attributionInSentence(text, at, spans)).toEqual(ref.attributionInSentence(text, at, spans));
      }
    }), { numRuns: 3000 });
  });
});
