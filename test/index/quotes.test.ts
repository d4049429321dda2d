import { describe, expect, it } from 'vitest';
import { linkQuotes, quoteTerms, similar } from '../../src/index/quotes.ts';
import type { EnrichedArticle, Quote } from '../../src/model/enriched.ts';
import { article } from '../enrich/dates/helpers.ts';

const q = (text: string, speakerId: string | null, speakerName: string | null = speakerId): Quote => ({ text, speakerId, speakerName, paragraph: 0, evidence: '', sameAs: [] });
const rec = (id: string, quotes: Quote[]): EnrichedArticle => ({
  ...article(['x']), id, published: null, event: null, mentionedEvents: [], entities: [], quotes, candidates: [],
});

// Two machine translations of the same statement, as in seeds 001 and 002.
const KIM_001 = 'drückt seine volle Unterstützung und Solidarität mit der russischen Regierung, Armee und Bevölkerung bei der Durchführung der militärischen Sonderoperation in der Ukraine zum Schutz der Souveränität, der Sicherheitsinteressen und der territorialen Integrität aus';
const KIM_002 = 'Nordkorea drückt seine volle Unterstützung und Solidarität gegenüber der Regierung, dem Militär und dem Volk Russlands bei der Durchführung der militärischen Operation in der Ukraine zum Schutz der Souveränität, Sicherheitsinteressen und territorialen Integrität aus';
const OTHER = 'Unsere Freundschaft hat tiefe Wurzeln, und jetzt sind die Beziehungen zur Russischen Föderation die oberste Priorität unseres Landes';

describe('linkQuotes', () => {
  it('links the same statement in two translations (001/002), both ways, sorted', () => {
    const out = linkQuotes([rec('001', [q(KIM_001, 'kim-jong-un')]), rec('002', [q(KIM_002, 'kim-jong-un')]), rec('000', [q(KIM_002, 'kim-jong-un')])]);
    expect(out.map((r) => r.quotes[0]?.sameAs)).toEqual([['000', '002'], ['000', '001'], ['001', '002']]);
  });

  it('does not link the same words from different speakers', () => {
    const out = linkQuotes([rec('001', [q(KIM_001, 'kim-jong-un')]), rec('002', [q(KIM_002, 'putin')])]);
    expect(out.flatMap((r) => r.quotes.map((x) => x.sameAs))).toEqual([[], []]);
  });

  it('does not link different statements of the same speaker', () => {
    const out = linkQuotes([rec('001', [q(KIM_001, 'kim-jong-un')]), rec('004', [q(OTHER, 'kim-jong-un')])]);
    expect(out.flatMap((r) => r.quotes.map((x) => x.sameAs))).toEqual([[], []]);
  });

  it('never links a quote to its own article, nor quotes without speaker', () => {
    const out = linkQuotes([rec('001', [q(KIM_001, 'kim-jong-un'), q(KIM_002, 'kim-jong-un')]), rec('002', [q(KIM_002, null, null)])]);
    expect(out.flatMap((r) => r.quotes.map((x) => x.sameAs))).toEqual([[], [], []]);
  });

  it('links speakers not in corpus.yml by name', () => {
    const out = linkQuotes([rec('a', [q(KIM_001, null, 'Koh Yu-hwan')]), rec('b', [q(KIM_002, null, 'Koh Yu-hwan')])]);
    expect(out.map((r) => r.quotes[0]?.sameAs)).toEqual([['b'], ['a']]);
  });

  it('a shortened quote still matches its full version (containment)', () => {
    const short = 'volle Unterstützung und Solidarität mit der russischen Regierung, Armee und Bevölkerung';
    expect(similar(quoteTerms(short), quoteTerms(KIM_001))).toBe(true);
  });

  it('is deterministic and does not mutate its input', () => {
    const input = [rec('002', [q(KIM_002, 'kim-jong-un')]), rec('001', [q(KIM_001, 'kim-jong-un')])];
    const copy = structuredClone(input);
    expect(linkQuotes(input)).toEqual(linkQuotes(structuredClone(copy)));
    expect(input).toEqual(copy);
  });

  it('finds pairs through the inverted index in a large corpus without comparing all pairs', () => {
    // 3 000 articles of one speaker with distinct wording + one repeated statement: seconds would mean all-pairs.
    const records = Array.from({ length: 3000 }, (_, i) => rec(`a${String(i).padStart(4, '0')}`, [q(`Erklärung Nummer ${i} über Thema${i} Sache${i} Frage${i} Antwort${i} Ende`, 'putin')]));
    records.push(rec('x1', [q(KIM_001, 'putin')]), rec('x2', [q(KIM_002, 'putin')]));
    const t = performance.now();
    const out = linkQuotes(records);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(out.at(-1)?.quotes[0]?.sameAs).toEqual(['x1']);
    expect(out.slice(0, 3000).every((r) => r.quotes[0]?.sameAs.length === 0)).toBe(true);
  });
});
