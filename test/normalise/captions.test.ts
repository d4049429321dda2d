import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCredit, splitPoints } from '../../src/normalise/captions.ts';
import * as ref from './reference/captions.ts';

describe('caption credits', () => {
  it.each([
    ['Flaggen beider Länder. Sputnik/Artem Geodakyan/Pool via REUTERS', 'Flaggen beider Länder.', 'Sputnik/Artem Geodakyan/Pool via REUTERS'],
    ['Kim Jong-un und Wladimir Putin bei ihrem vergangenen Treffen im September 2023. ©Vladimir Smirnov/Sputnik', 'Kim Jong-un und Wladimir Putin bei ihrem vergangenen Treffen im September 2023.', '©Vladimir Smirnov/Sputnik'],
    ['Südkoreanische Zeitungen berichteten über das Treffen im September 2023.Ahn Young-joon/Copyright 2023 The AP. All rights reserved.', 'Südkoreanische Zeitungen berichteten über das Treffen im September 2023.', 'Ahn Young-joon/Copyright 2023 The AP. All rights reserved.'],
    ['Putin begrüßt Kim in der Region Amur, Russland 13, 2023. EFE/EPA/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL', 'Putin begrüßt Kim in der Region Amur, Russland 13, 2023.', 'EFE/EPA/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL'],
    ['Putin und Kim besuchen das Kosmodrom Wostotschny. 13. September 2023. Sputnik/Mikhail Metzel/Kreml via REUTERS/', 'Putin und Kim besuchen das Kosmodrom Wostotschny. 13. September 2023.', 'Sputnik/Mikhail Metzel/Kreml via REUTERS'],
    ['Kim und Putin beim Empfang am Flughafen. Foto: Alexander Zemlianichenko/AP/dpa', 'Kim und Putin beim Empfang am Flughafen.', 'Foto: Alexander Zemlianichenko/AP/dpa'],
    ['Putin und Kim unterzeichnen den Vertrag. Bild: picture alliance / AP', 'Putin und Kim unterzeichnen den Vertrag.', 'Bild: picture alliance / AP'],
  ])('%j', (input, text, credit) => {
    expect(splitCredit(input)).toEqual({ text, credit });
  });

  it.each([
    '„Die beste Antwort besteht darin, mehr Munition an die Ukraine zu liefern“, sagte Kuleba der AFP.',
    'Kims Besuch findet statt, sagte ein westlicher Beamter Reuters letzte Woche.',
    'Das Verhältnis von Moskau/Pjöngjang ist eng. Beide Seiten wollen mehr Handel.',
    'Putin kam an. Via Peking reiste er weiter nach Hanoi und traf dort Regierungsvertreter.',
    'Westliche Bedenken',
  ])('no credit in %j', (input) => {
    expect(splitCredit(input)).toBeUndefined();
  });
});

describe('split points scanned near the credit only', () => {
  // Dense in split characters (. ! ? closers, odd whitespace, ©), markers, astral letters and
  // lengths around maxCreditLength, so the scan start lands on every kind of neighbour.
  const PIECES = [
    'Putin', 'Kim', 'traf', 'sich', 'am', 'Flughafen', '.', '!', '?', '“', '”', '»', '«', '’', ')', '"', ' ', '  ', '\u00a0', '\u3000', '\t',
    '©', 'Sputnik/Artem', 'Geodakyan', 'Pool', 'via', 'REUTERS', 'Foto:', 'AP', 'dpa', 'All rights reserved', '2023.Ahn', '𝒜lpha', 'Ünal',
    'die', 'Regierung', '13, 2023', 'Copyright', '/', 'x'.repeat(40), 'Wort '.repeat(12),
  ];
  const textArb = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), { minLength: 5, maxLength: 130, size: 'max' }).map((p) => p.join(''));

  it('splitPoints(text, m) holds every point of the whole-text scan that ends at m or later, in order', () => {
    const SPLIT = /[.!?]["“”»«’)]*\s+|[.!?](?=\p{Lu})|\s*(?=©)/gu; // as in captions.ts
    const from = (points: RegExpExecArray[], m: number) => {
      const k = points.findIndex((p) => p.index + p[0].length >= m);
      return (k === -1 ? [] : points.slice(k)).map((p) => [p.index, p[0]]);
    };
    fc.assert(fc.property(textArb, fc.nat(), (text, seed) => {
      const all = [...text.matchAll(SPLIT)];
      // Every offset next to a split point, plus one anywhere.
      const offsets = [seed % (text.length + 1), ...all.flatMap((p) => [p.index - 1, p.index, p.index + 1, p.index + p[0].length, p.index + p[0].length + 1])];
      for (const m of offsets) expect(from(splitPoints(text, m), m)).toEqual(from(all, m));
    }), { numRuns: 1000 });
  });

  it('splitCredit equals the whole-text scan', () => {
    fc.assert(fc.property(textArb, (text) => {
      expect(splitCredit(text)).toEqual(ref.splitCredit(text));
    }), { numRuns: 3000 });
  });
});
