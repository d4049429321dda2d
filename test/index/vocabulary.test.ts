/**
 * Index terms travel from the threads as numbers (src/index/vocabulary.ts). Whatever the threads
 * and the order of their shipments, the index must come out as it does from plain strings.
 */
import { describe, expect, it } from 'vitest';
import { analyseFields, analyseFieldsShipped, articleVector, articleVectorShipped } from '../../src/index/analysis.ts';
import { decodeNamedFeatures, documentFeaturesNamed, encodeNamedFeatures, shipNamedFeatures, shippers, type NamedFeatures } from '../../src/index/features.ts';
import type { FullDigest } from '../../src/model/digest.ts';
import { Names } from '../../src/index/names.ts';
import { FeatureTable } from '../../src/index/related.ts';
import { Postings } from '../../src/index/search.ts';
import { Shipper, Vocabulary } from '../../src/index/vocabulary.ts';

const WORDS = ['Putin', 'Kim', 'Gipfel', 'Pjöngjang', 'Wostotschny', 'Vertrag', 'Beistand', 'Raumfahrt', 'Munition', 'Sanktionen', 'Straße', 'STRASSE', 'Ärger'];
/** Deterministic documents: fields of words drawn by a small LCG. */
function docs(n: number): string[][] {
  let x = 7;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: n }, () => [0, 1, 2].map((f) => Array.from({ length: 1 + (next() % (f === 2 ? 40 : 6)) }, () => WORDS[next() % WORDS.length] as string).join(' ')));
}

function dump(p: Postings): string[] {
  return p.termOrder().map((t) => p.entryJson(t));
}

describe('Shipper and Vocabulary', () => {
  it('give the postings plain strings give, with documents from two threads folded in turn', () => {
    const all = docs(60);
    const plain = new Postings();
    all.forEach((d, i) => plain.add(i, analyseFields(d)));
    const threads = [0, 1].map((source) => ({ source, terms: new Shipper() }));
    // each thread makes its documents in its own order; the main thread receives them in that order
    const shipped = all.map((d, i) => {
      const t = threads[i % 2] as (typeof threads)[number];
      const search = analyseFieldsShipped(d, t.terms);
      return { search, related: { features: new Int32Array(0), weights: new Float64Array(0) }, shipment: { source: t.source, terms: t.terms.take(), features: { from: 0, names: [] } } };
    });
    const vocabulary = new Vocabulary();
    const coded = new Postings();
    shipped.forEach((f, i) => coded.addCoded(i, vocabulary.receive(f).search, vocabulary.terms.list));
    expect(dump(coded)).toEqual(dump(plain));
    expect(coded.fieldLengths()).toEqual(plain.fieldLengths());
    // both threads sent "Putin" once each; the vocabulary holds it once
    expect(vocabulary.terms.list.filter((t) => t === 'putin')).toHaveLength(1);
  });

  it('related-article vectors: the same features and weights as from names', () => {
    const article = { title: 'Putin trifft Kim', blocks: [{ text: 'Putin und Kim unterzeichnen einen Vertrag über Beistand.' }, { text: 'Der Vertrag betrifft Munition.' }], entities: [{ id: 'wladimir-putin', mentions: 3 }] };
    const named = new FeatureTable().intern(articleVector(article));
    const shipper = new Shipper();
    const v = articleVectorShipped(article, shipper);
    const vocabulary = new Vocabulary();
    const received = vocabulary.receive({ search: [], related: v, shipment: { source: 0, terms: { from: 0, names: [] }, features: shipper.take() } });
    const coded = new FeatureTable().internCoded(received.related, vocabulary.features.list);
    expect(coded).toEqual(named);
    // the received vector keeps its weights: relatedArticles overwrites the interned copy
    coded.weights.fill(0);
    expect([...received.related.weights].some((w) => w > 0)).toBe(true);
  });

  it('ships each name once, and again after a rollback to what the main thread knows', () => {
    const names = new Names();
    const s = new Shipper();
    const a = names.id('a');
    const b = names.id('b');
    expect([s.code(names, a), s.code(names, b), s.code(names, a)]).toEqual([0, 1, 0]);
    expect(s.take()).toEqual({ from: 0, names: ['a', 'b'] });
    expect(s.code(names, b)).toBe(1);
    expect(s.take()).toEqual({ from: 2, names: [] });
    s.rollback(1); // the main thread got only the first name
    expect(s.code(names, b)).toBe(1);
    expect(s.code(names, a)).toBe(0);
    expect(s.take()).toEqual({ from: 1, names: ['b'] });
  });

  it('a new name list on the thread (memo started afresh) numbers anew; the vocabulary maps both to one name', () => {
    const s = new Shipper();
    const first = new Names();
    s.code(first, first.id('gipfel'));
    const second = new Names();
    second.id('vertrag');
    expect(s.code(second, second.id('gipfel'))).toBe(1);
    const v = new Vocabulary();
    const ids = new Int32Array([0, 1]);
    v.receive({ search: [{ terms: ids }], related: { features: new Int32Array(0) }, shipment: { source: 3, terms: s.take(), features: { from: 0, names: [] } } });
    expect([...ids]).toEqual([0, 0]);
    expect(v.known()).toEqual({ terms: [0, 0, 0, 2], features: [0, 0, 0, 0] });
  });

  it('refuses a shipment that skips names, and features received twice', () => {
    const v = new Vocabulary();
    const f = { search: [{ terms: new Int32Array([0]) }], related: { features: new Int32Array(0) }, shipment: { source: 0, terms: { from: 1, names: ['x'] }, features: { from: 0, names: [] } } };
    expect(() => v.receive(f)).toThrow(/lückenhaft/);
    const ok = v.receive({ ...f, shipment: { ...f.shipment, terms: { from: 0, names: ['x'] } } });
    expect(() => v.receive(ok)).toThrow(/zweimal/);
  });

  it('features kept by name (a record cache hit, cache/store.ts) ship as the fresh analysis does, also interleaved with fresh documents', () => {
    const all = docs(40).map(([title, entity, text]) => ({ title, entities: [{ id: `e-${entity?.length ?? 0}`, name: entity, mentions: 2 }], blocks: [{ text }] }) as unknown as FullDigest);
    const fold = (features: ReturnType<typeof shipNamedFeatures>[]) => {
      const vocabulary = new Vocabulary();
      const postings = new Postings();
      const table = new FeatureTable();
      const vectors = features.map((f, i) => {
        const r = vocabulary.receive(f);
        postings.addCoded(i, r.search, vocabulary.terms.list);
        return table.internCoded(r.related, vocabulary.features.list);
      });
      return { postings: dump(postings), lengths: postings.fieldLengths(), vectors: vectors.map((v) => [[...v.features].map((f) => table.names[f]), [...v.weights]]) };
    };
    // first build: every document analysed; what the cache keeps goes through its encoding, as in the stored head
    const first = shippers(0);
    const made = all.map((d) => documentFeaturesNamed(d, first));
    const kept = made.map((m) => decodeNamedFeatures(encodeNamedFeatures(m.named)));
    expect(kept.map((k) => k.related.weights)).toEqual(made.map((m) => m.named.related.weights));
    const fresh = fold(made.map((m) => m.features));
    // a rebuild on a new thread: odd documents are hits, even ones analysed again
    const again = shippers(0);
    const mixed = all.map((d, i) => (i % 2 ? shipNamedFeatures(kept[i] as NamedFeatures, again) : documentFeaturesNamed(d, again).features));
    expect(fold(mixed)).toEqual(fresh);
    // and all hits
    const hits = shippers(1);
    expect(fold(kept.map((k) => shipNamedFeatures(k, hits)))).toEqual(fresh);
    expect(fresh.postings.length).toBeGreaterThan(5);
  });
});
