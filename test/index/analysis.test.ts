/**
 * The memoised analysis (src/index/analysis.ts) gives what the plain formulations give: for the
 * search, `words` + `indexTerms` counted in a Map per field (first-seen order, unique raw tokens);
 * for related articles, `scanWords` + stems summed in a Map (first-seen order, entity features
 * last). Many documents in a row, so the per-document stamps must not leak between documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseFields, articleVector, scanSearchWords } from '../../src/index/analysis.ts';
import { ENTITY_WEIGHT, relatedStem, scanWords } from '../../src/index/related.ts';
import { indexTerms, words } from '../../src/index/search-text.ts';

function plainFields(values: readonly string[]) {
  return values.map((value) => {
    const tokens = words(value);
    const counts = new Map<string, number>();
    for (const t of tokens) for (const term of indexTerms(t)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return { length: new Set(tokens).size, terms: [...counts.keys()], counts: [...counts.values()] };
  });
}

function plainVector(a: { title: string; blocks: { text: string }[]; entities: { id: string; mentions: number }[] }) {
  const slot = new Map<string, number>();
  const names: string[] = [];
  const weights: number[] = [];
  const add = (name: string, n: number) => {
    const at = slot.get(name);
    if (at !== undefined) weights[at] = (weights[at] as number) + n;
    else {
      slot.set(name, names.length);
      names.push(name);
      weights.push(n);
    }
  };
  const word = (n: number) => (w: string) => {
    const s = relatedStem(w);
    if (s !== null) add(s, n);
  };
  scanWords(a.title, word(2));
  for (const b of a.blocks) scanWords(b.text, word(1));
  for (const e of a.entities) add(`@${e.id}`, ENTITY_WEIGHT * Math.min(e.mentions, 5));
  return { names, weights };
}

const WORDS = ['Putin', 'Putins', 'Kim', 'Jong-un', 'Pjöngjang', 'Pjoengjang', 'Gipfeltreffen', 'Gipfel', 'und', 'der', 'die', 'Straße', 'STRASSE', 'Ärger', 'über', '2024', '19.', 'Café', 'e\u0301', 'ß', 'Ⅻ', '😀', 'a', 'ab', 'Kreml-Chef', 'Nordkoreas', 'Russland'];
const text = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 40 }), fc.constantFrom(' ', ', ', '\n\n', '-', '„'))
  .map(([ws, sep]) => ws.join(sep));
const doc = fc.record({
  title: text,
  blocks: fc.array(fc.record({ text }), { maxLength: 5 }),
  entities: fc.array(fc.record({ id: fc.constantFrom('putin', 'kim-jong-un', 'pjoengjang', 'x'), mentions: fc.integer({ min: 1, max: 9 }) }), { maxLength: 4 }),
});

describe('memoised analysis = plain analysis', () => {
  it('search fields, document after document', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (docs) => {
        for (const values of docs) expect(analyseFields(values)).toEqual(plainFields(values));
      }),
      { numRuns: 300 },
    );
  });

  it('related vectors, article after article', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 8 }), (articles) => {
        for (const a of articles) expect(articleVector(a)).toEqual(plainVector(a));
      }),
      { numRuns: 300 },
    );
  });

  it('a word seen in one field counts afresh in the next', () => {
    const [title, entities, body] = analyseFields(['Putin Putin', '', 'Putin Gipfel Putin']);
    expect(title).toMatchObject({ length: 1, counts: [2] });
    expect(entities).toEqual({ length: 0, terms: [], counts: [] });
    expect(body?.length).toBe(2);
    expect(body?.counts[0]).toBe(2);
  });
});

describe('scanSearchWords = words()', () => {
  it('on any text, astral letters, numbers, marks and lone surrogates included', () => {
    const chars = fc.oneof(fc.constantFrom('a', 'Ä', 'ß', '1', '²', 'Ⅻ', '\u0301', '😀', '𝔸', '\ud835', '\udd38', '-', ' ', '„', '\n', '٣', '中'), fc.string({ maxLength: 3, unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((xs) => xs.join('')), (s) => {
        const out: string[] = [];
        scanSearchWords(s, (w) => out.push(w));
        expect(out).toEqual(words(s));
      }),
      { numRuns: 2000 },
    );
  });
});
