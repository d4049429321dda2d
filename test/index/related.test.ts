import { describe, expect, it } from 'vitest';
import { relatedArticles, tokenize } from '../../src/index/related.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';

function doc(id: string, text: string, entities: string[] = []): EnrichedArticle {
  return {
    id, slug: id, path: `artikel/${id}.html`, sourceFile: `${id}.txt`, sha256: '0'.repeat(64), language: 'de', title: id, titleProvenance: 'extracted', titleEvidence: id,
    blocks: [{ type: 'paragraph', text, line: 1 }], removed: [], repairs: [], source: null, credits: [], declared: {}, wordCount: 10, readingMinutes: 1,
    published: null, event: null, mentionedEvents: [], candidates: [], quotes: [],
    entities: entities.map((e) => ({ id: e, name: e, type: 'person', mentions: 1, occurrences: [] })),
  };
}

describe('related articles', () => {
  it('stems German words (Gipfeltreffens → Gipfeltreff) and drops stop words', () => {
    expect(tokenize('Die Gipfeltreffen des Gipfeltreffens und der Präsidenten', new Map())).toEqual(['gipfeltreff', 'gipfeltreff', 'prasident']);
  });

  it('ranks the article about the same thing first and reports shared entities', () => {
    const docs = [
      doc('a', 'Munitionslieferungen aus Nordkorea für den Krieg in der Ukraine', ['putin', 'kim']),
      doc('b', 'Nordkorea liefert Munition für den Ukraine-Krieg, sagen Geheimdienste', ['putin', 'kim']),
      doc('c', 'Die Bundesliga startet mit einem Heimspiel in Bremen'),
      doc('d', 'Fußball: Heimspiel der Bundesliga in Bremen ausverkauft'),
    ];
    const r = relatedArticles(docs);
    expect(r.get('a')?.[0]).toMatchObject({ id: 'b', sharedEntities: ['kim', 'putin'] });
    expect(r.get('c')?.[0]?.id).toBe('d');
    expect(r.get('a')?.map((x) => x.id)).not.toContain('c');
  });

  it('does not index features shared by more than maxPosting articles (candidate pruning)', () => {
    const docs = Array.from({ length: 6 }, (_, i) => doc(`x${i}`, `Gemeinsames Wort Allerweltsbegriff Nummer${i}`));
    expect([...relatedArticles(docs, { maxPosting: 5 }).values()].every((l) => l.length === 0)).toBe(true);
    expect([...relatedArticles(docs, { maxPosting: 6 }).values()].every((l) => l.length > 0)).toBe(true);
  });

  it('stays fast: 3 000 articles in well under a few seconds', () => {
    const words = Array.from({ length: 400 }, (_, i) => `wort${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const docs = Array.from({ length: 3000 }, (_, i) => doc(`d${i}`, Array.from({ length: 60 }, () => words[Math.floor(rnd() * words.length)]).join(' ')));
    const t = performance.now();
    const r = relatedArticles(docs);
    expect(r.size).toBe(3000);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
