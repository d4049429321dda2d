/**
 * The search index and the browser's search engine, end to end in memory: the files
 * buildSearchIndex writes are evaluated the way the browser does (a script calling the
 * registry), then queried through the same createSearch the client uses.
 */
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { analyseFields, buildSearchIndex, invertedIndex, partition, Postings, REGISTRY, scriptJson, searchFields, searchIndexFiles, type SearchDoc, type SearchFile } from '../../src/index/search.ts';
import { fold, indexTerms, queryTerm, shardOf, shardsFor, words } from '../../src/index/search-text.ts';
import { createSearch } from '../../src/render/client/search-engine.ts';
import { snippetRange } from '../../src/render/client/search-view.ts';

const doc = (title: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  kind: 'artikel', title, path: `artikel/${title.toLowerCase().replace(/[^a-z]+/g, '-')}.html`, date: '2024-06-19', source: null, text, entities: [], ...extra,
});

const DOCS: SearchDoc[] = [
  doc('Putin in Pjöngjang', 'Der russische Präsident traf Kim Jong-un in Pjöngjang zum Gipfeltreffen.', { entities: ['Wladimir Putin', 'Kim Jong-un'] }),
  doc('Wostotschny', 'Das Treffen auf dem Weltraumbahnhof Wostotschny dauerte fünf Stunden.'),
  doc('Pjoengjang transkribiert', 'Hier wird die Hauptstadt Pjoengjang ohne Umlaut geschrieben.'),
  doc('Gipfel in Moskau', 'Ein Gipfel der Staatschefs mit Vertrag über Partnerschaft.'),
  doc('Häuser und Straßen', 'Die Straßen vor den Häusern waren geschmückt.'),
];

/** Evaluate the files like the browser: each script calls `__presseschauSearch.load(id, data)`. */
function memoryLoader(files: SearchFile[], dir = 'suche') {
  const byName = new Map(files.map((f) => [f.path.slice(dir.length + 1), f.content]));
  const requested: string[] = [];
  const load = async (id: string, file: string) => {
    requested.push(file);
    const content = byName.get(file);
    if (content === undefined) throw new Error(`no file ${file}`);
    let got: { id: string; data: unknown } | undefined;
    new Function(REGISTRY, content)({ load: (i: string, data: unknown) => (got = { id: i, data }) });
    if (got?.id !== id) throw new Error(`${file} registered ${got?.id}, expected ${id}`);
    return got.data;
  };
  return { load, requested };
}

async function titles(query: string, docs = DOCS, options = {}) {
  const { files } = buildSearchIndex(docs, options);
  const search = createSearch(memoryLoader(files).load);
  const found = await search.find(query);
  return (await search.rows(found.results)).map((r) => r.t);
}

describe('text analysis', () => {
  it('folds umlauts and ß both ways and stems German', () => {
    expect(fold('Pjöngjang')).toBe('pjoengjang');
    expect(fold('Straße')).toBe('strasse');
    expect(queryTerm('Pjoengjang')).toBe(queryTerm('Pjöngjang'));
    expect(indexTerms('Pjöngjang')).toContain(queryTerm('Pjongjang'));
    expect(queryTerm('Gipfeltreffens')).toBe(queryTerm('Gipfeltreffen'));
    expect(queryTerm('und')).toBeNull();
    expect(indexTerms('die')).toEqual([]);
  });
  it('tokenises on letters and digits only', () => {
    expect(words('Kim Jong-un, „2024“!')).toEqual(['Kim', 'Jong', 'un', '2024']);
  });
});

describe('search over the sharded index', () => {
  it('finds by prefix: "Gipfel" finds "Gipfeltreffen"', async () => {
    expect(await titles('Gipfel')).toEqual(expect.arrayContaining(['Putin in Pjöngjang', 'Gipfel in Moskau']));
  });
  it('meets umlaut spellings: ö, oe and plain o', async () => {
    for (const q of ['Pjöngjang', 'Pjoengjang', 'pjongjang']) {
      expect(await titles(q), q).toEqual(expect.arrayContaining(['Putin in Pjöngjang']));
    }
    expect(await titles('Pjöngjang')).toContain('Pjoengjang transkribiert');
    expect(await titles('Strasse')).toEqual(['Häuser und Straßen']);
    expect(await titles('Hauser')).toEqual(['Häuser und Straßen']);
  });
  it('searches entity names and requires every word when some document has all', async () => {
    expect(await titles('Wladimir')).toEqual(['Putin in Pjöngjang']);
    expect(await titles('Gipfel Moskau')).toEqual(['Gipfel in Moskau']);
    const { files } = buildSearchIndex(DOCS);
    const found = await createSearch(memoryLoader(files).load).find('Moskau Wostotschny');
    expect(found.partial).toBe(true);
    expect(found.results.length).toBe(2);
  });
  it('finds nothing for stop words and unknown words', async () => {
    expect(await titles('und die')).toEqual([]);
    expect(await titles('Zebrastreifen')).toEqual([]);
  });
  it('scores exactly like one unsharded MiniSearch index', async () => {
    const { files } = buildSearchIndex(DOCS, { shardBytes: 200, chunkSize: 2 });
    const search = createSearch(memoryLoader(files).load);
    const whole = new MiniSearch({ fields: ['title', 'entities', 'text'], idField: 'id', tokenize: words, processTerm: (t) => indexTerms(t) });
    whole.addAll(DOCS.map((d, id) => ({ id, title: d.title, entities: d.entities.join(' · '), text: d.text })));
    for (const q of ['Gipfel', 'Pjöngjang Kim', 'Treffen', 'Straßen']) {
      const sharded = (await search.find(q)).results.map((r) => [r.id, r.score.toFixed(6)]);
      const ref = whole
        .search(q, { tokenize: words, processTerm: (t) => queryTerm(t) ?? undefined, prefix: (t) => t.length >= 3, fuzzy: (t) => (t.length >= 6 ? 0.2 : false), boost: { title: 3, entities: 2 }, combineWith: 'AND' })
        .map((r) => [r.id, r.score.toFixed(6)]);
      expect(ref.length, q).toBeGreaterThan(0);
      expect(sharded, q).toEqual(ref);
    }
  });
  it('loads only the shards a query needs, and rows from the right chunks', async () => {
    const { files, stats } = buildSearchIndex(DOCS, { shardBytes: 200, chunkSize: 2 });
    expect(stats.shards).toBeGreaterThan(10);
    expect(stats.chunks).toBe(3);
    const { load, requested } = memoryLoader(files);
    const search = createSearch(load);
    const found = await search.find('Wostotschny');
    const rows = await search.rows(found.results);
    expect(rows.map((r) => r.t)).toEqual(['Wostotschny']);
    expect(requested.filter((f) => f.startsWith('t-'))).toEqual(['t-w.js']);
    expect(requested.filter((f) => f.startsWith('d-'))).toEqual(['d-0.js']);
  });
});

describe('document chunks', () => {
  const many = (n: number, text: string): SearchDoc[] =>
    Array.from({ length: n }, (_, i) => ({ kind: 'person', title: `Person ${i}`, path: `personen/p-${i}.html`, date: null, source: null, text, entities: [] }));

  it('a small index gets chunks of about 16 KB, not one file per five documents, and rows still come from the right chunk', async () => {
    const docs = many(300, 'Kurzer Text über Pjöngjang und Wladiwostok.');
    const { files, stats } = buildSearchIndex(docs);
    expect(stats.chunks).toBeLessThan(10);
    expect(stats.largestChunkBytes).toBeLessThan(2 * 16_000);
    const meta = JSON.parse(files[0]!.content.slice(files[0]!.content.indexOf(',') + 1, -3)) as { chunk: number };
    expect(meta.chunk).toBeGreaterThan(5);
    const search = createSearch(memoryLoader(files).load);
    const found = await search.find('Person 287');
    expect((await search.rows(found.results)).map((r) => r.t)).toContain('Person 287');
  });

  it('a big index and an explicit chunkSize keep their fixed chunks', () => {
    expect(buildSearchIndex(many(501, 'Text.')).stats.chunks).toBe(Math.ceil(501 / 5));
    expect(buildSearchIndex(many(300, 'Text.'), { chunkSize: 5 }).stats.chunks).toBe(60);
  });

  it('documents bigger than the target stay five to a chunk', () => {
    expect(buildSearchIndex(many(20, 'Wort '.repeat(2000))).stats.chunks).toBe(4);
  });
});

describe('the inverted index', () => {
  it('equals what MiniSearch itself would serialise (postings, field lengths, averages)', () => {
    const whole = new MiniSearch({ fields: ['title', 'entities', 'text'], idField: 'id', tokenize: words, processTerm: (t) => indexTerms(t) });
    whole.addAll(DOCS.map((d, id) => ({ id, title: d.title, entities: d.entities.join(' · '), text: d.text })));
    const ref = whole.toJSON();
    const ours = invertedIndex(DOCS);
    const sortByTerm = (e: [string, unknown][]) => [...e].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(sortByTerm(ours.index)).toEqual(sortByTerm(ref.index as [string, unknown][]));
    expect(ours.lengths).toEqual(DOCS.map((_, i) => ref.fieldLength[i]));
    expect(ours.avg).toEqual(ref.averageFieldLength);
  });
});

describe('sharding', () => {
  it('splits by longer prefixes until shards fit the budget, and every term has exactly one shard', () => {
    const entries = ['gabe', 'gans', 'ge', 'gebot', 'gebiet', 'geld', 'gipfel', 'haus'].map((t) => [t, 10] as const);
    const keys = partition(entries, 25, 6);
    expect(keys).toEqual(['ga', 'ge', 'geb', 'gel', 'gi', 'h']);
    for (const [t] of entries) expect(shardOf(t, keys)).toBeDefined();
    expect(shardOf('ge', keys)).toBe('ge');
    expect(shardOf('gebot', keys)).toBe('geb');
  });
  it('writes data that cannot break out of its script', () => {
    expect(scriptJson('</script><script>alert(1)</script>')).not.toContain('<');
    const { files } = buildSearchIndex([doc('</script>', '<img src=x onerror=alert(1)>')]);
    for (const f of files) expect(f.content).not.toMatch(/<\/?script|<img/i);
  });
  it('is deterministic', () => {
    expect(buildSearchIndex(DOCS)).toEqual(buildSearchIndex(DOCS));
  });
});

describe('snippets', () => {
  const text = 'Erster Satz ohne Treffer steht hier. Am 19. Juni begann in Pjöngjang ein Gipfeltreffen der beiden Staatschefs, das lange vorbereitet war.';
  it('starts at the sentence of the best hit and covers the hit', () => {
    const matched = new Set(indexTerms('Gipfeltreffen'));
    const { from, to } = snippetRange(text, matched);
    expect(text.slice(from, to)).toMatch(/^Am 19\. Juni begann in Pjöngjang ein Gipfeltreffen/);
  });
  it('prefers the passage with the most different hits', () => {
    const long = `${'Füllwort '.repeat(60)}Gipfel allein. ${'Füllwort '.repeat(60)}Gipfel in Pjöngjang heute.`;
    const matched = new Set([...indexTerms('Gipfel'), ...indexTerms('Pjöngjang')]);
    const { from, to } = snippetRange(long, matched);
    expect(long.slice(from, to)).toContain('Gipfel in Pjöngjang');
  });
});

describe('analysis properties (fast-check)', () => {
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜé'.split(''));
  const word = fc.array(letter, { minLength: 2, maxLength: 14 }).map((l) => l.join(''));
  it('a word always finds itself, and its ae/oe/ue and dotless spellings find it', () => {
    fc.assert(
      fc.property(word, (w) => {
        const stored = indexTerms(w);
        const spellings = [w, w.toUpperCase(), fold(w), w.replace(/[äöü]/gi, (c) => ({ ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U' })[c] ?? c)];
        for (const s of spellings) {
          const q = queryTerm(s);
          // Stop words (and spellings that turn into one, "dä" → "da") are not searchable by design.
          if (q === null || stored.length === 0) continue;
          if (!stored.includes(q)) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
  it('every indexed term has exactly one shard', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (ws) => {
        const terms = [...new Set(ws.flatMap((w) => indexTerms(w)))];
        const keys = partition(terms.map((t) => [t, 10] as const), 30, 64);
        return terms.every((t) => shardOf(t, keys) !== undefined && shardsFor(t, keys).includes(shardOf(t, keys) ?? ''));
      }),
    );
  });
});

describe('shard sizes counted without the JSON', () => {
  it('entrySize is the length of entryJson for every term, and entryJson is JSON.stringify of the entry', () => {
    const p = new Postings();
    DOCS.forEach((d, i) => p.add(i, analyseFields(searchFields(d))));
    const { index } = invertedIndex(DOCS);
    const byTerm = new Map(index.map((e) => [e[0], JSON.stringify(e)]));
    expect(p.termOrder().length).toBe(byTerm.size);
    for (const t of p.termOrder()) expect(p.entryJson(t)).toBe(byTerm.get(p.termOf(t)));
    // many documents and fields per term, big document numbers and frequencies
    for (let i = 0; i < 12_000; i += 7) p.add(DOCS.length + i, analyseFields([i % 3 ? 'Gipfel' : '', 'Gipfel', 'Gipfel '.repeat(1 + (i % 13))]));
    for (const t of p.termOrder()) expect(p.entrySize(t)).toBe(p.entryJson(t).length);
  });

  it('entryJson orders by field, then document, whatever order the documents came in', () => {
    const fields = (i: number) => analyseFields([i % 4 ? 'Gipfel Kim' : 'Kim', i % 3 ? 'Putin' : 'Gipfel', `Gipfel ${'Vertrag '.repeat(i % 5)}Putin`]);
    const ids = Array.from({ length: 300 }, (_, i) => i);
    // ascending (the build's usual case), reversed, and a fixed shuffle
    let x = 11;
    const shuffled = [...ids].sort(() => ((x = (x * 1103515245 + 12345) % 2147483648) % 3) - 1);
    const entries = (order: number[]) => {
      const p = new Postings();
      for (const i of order) p.add(i, fields(i));
      return new Map(p.termOrder().map((t) => [p.termOf(t), p.entryJson(t)]));
    };
    const ascending = entries(ids);
    // the expected JSON, from objects: integer keys serialise in ascending order
    for (const [term, json] of ascending) {
      const entry: Record<string, Record<string, number>> = {};
      for (const i of ids) {
        fields(i).forEach((f, field) => {
          const k = f.terms.indexOf(term);
          if (k !== -1) (entry[field] ??= {})[i] = f.counts[k] as number;
        });
      }
      expect(json).toBe(JSON.stringify([term, entry]));
    }
    expect(entries([...ids].reverse())).toEqual(ascending);
    expect(entries(shuffled)).toEqual(ascending);
    expect(ascending.size).toBeGreaterThan(3);
  });
});

describe('document chunks keyed by their documents (SearchDocs.key)', () => {
  const many = Array.from({ length: 23 }, (_, i) => doc(`Artikel ${i}`, `Text ${i} über den Gipfel.`));
  /** The corpus as SearchDocs with fingerprints (here: the document's JSON), counting the documents made. */
  const keyed = (docs: SearchDoc[], made: number[]) => ({
    length: docs.length,
    at: (i: number) => (made.push(i), docs[i] as SearchDoc),
    key: (i: number) => JSON.stringify(docs[i]),
  });
  const chunks = (docs: SearchDoc[], made: number[] = []) => [...searchIndexFiles(keyed(docs, made), { chunkSize: 5 })].filter((f) => f.path.startsWith('suche/d-'));

  it('render the same bytes as unkeyed chunks, and only when asked', () => {
    const made: number[] = [];
    const files = chunks(many, made);
    // Without merged postings every document is analysed once for the term shards; the chunks
    // themselves have not asked for any yet.
    expect(made).toEqual(many.map((_, i) => i));
    made.length = 0;
    expect(files.every((f) => 'key' in f)).toBe(true);
    const plain = buildSearchIndex(many, { chunkSize: 5 }).files.filter((f) => f.path.startsWith('suche/d-'));
    expect(files.map((f) => ('render' in f ? f.render() : f.content))).toEqual(plain.map((f) => f.content));
    expect(made).toEqual(many.map((_, i) => i));
  });

  it('change their key with any of their documents, and only then', () => {
    const before = chunks(many).map((f) => ('key' in f ? f.key : ''));
    expect(new Set(before).size).toBe(before.length);
    const edited = many.map((d, i) => (i === 7 ? { ...d, text: `${d.text} Nachtrag.` } : d));
    const after = chunks(edited).map((f) => ('key' in f ? f.key : ''));
    // document 7 is in the second chunk of five
    expect(after.map((k, i) => k === before[i])).toEqual([true, false, true, true, true]);
  });
});

describe('term shards keyed by their postings (Postings.shardKey)', () => {
  const many = Array.from({ length: 40 }, (_, i) => doc(`Artikel ${i}`, `Text ${i} über den Gipfel in ${i % 2 ? 'Pjöngjang' : 'Wostotschny'} mit ${'Kim '.repeat(1 + (i % 3))}.`));
  const keyed = (docs: SearchDoc[]) => ({ length: docs.length, at: (i: number) => docs[i] as SearchDoc, key: (i: number) => JSON.stringify(docs[i]) });
  /** path → [key, bytes] of every term shard; small shards, so there are many. */
  const shards = (docs: SearchDoc[]) => {
    const out = new Map<string, [key: string, bytes: string]>();
    for (const f of searchIndexFiles(keyed(docs), { shardBytes: 300 })) {
      if (f.path.startsWith('suche/t-')) out.set(f.path, 'key' in f ? [f.key, f.render()] : ['', f.content]);
    }
    return out;
  };

  it('render the same bytes as unkeyed shards', () => {
    const files = shards(many);
    expect(files.size).toBeGreaterThan(5);
    expect([...files.values()].every(([key]) => key.startsWith('t:'))).toBe(true);
    const plain = buildSearchIndex(many, { shardBytes: 300 }).files.filter((f) => f.path.startsWith('suche/t-'));
    expect(plain.map((f) => files.get(f.path)?.[1])).toEqual(plain.map((f) => f.content));
  });

  it('change their key exactly when their bytes change', () => {
    const before = shards(many);
    // one document gains a word, another one's frequency of a word changes
    const edited = many.map((d, i) => (i === 7 ? { ...d, text: `${d.text} Raumfahrt.` } : i === 12 ? { ...d, text: `${d.text} Kim.` } : d));
    const after = shards(edited);
    let changed = 0;
    for (const [path, [key, bytes]] of after) {
      const old = before.get(path);
      if (!old) continue;
      expect(key === old[0]).toBe(bytes === old[1]);
      if (bytes !== old[1]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(after.size);
    // the same postings added in another order: the same keys
    const reversed = new Postings();
    [...many.keys()].reverse().forEach((i) => reversed.add(i, analyseFields(searchFields(many[i] as SearchDoc))));
    const again = new Map([...searchIndexFiles(keyed(many), { shardBytes: 300 }, reversed)].filter((f) => 'key' in f && f.path.startsWith('suche/t-')).map((f) => [f.path, 'key' in f ? f.key : '']));
    expect(again).toEqual(new Map([...before].map(([p, [k]]) => [p, k])));
  });
});

describe('Postings: the forward stream and its inversion', () => {
  const fieldsOf = (i: number) => analyseFields([`Gipfel ${i % 7 ? 'Kim' : ''}`, i % 3 ? 'Putin' : 'Wostotschny', `Vertrag ${'Munition '.repeat(i % 5)}Wort${i % 97} Zahl${i % 1013} Pjöngjang`]);
  const dumpOf = (p: Postings) => p.termOrder().map((t) => p.entryJson(t));

  it('gives the same entries whether the documents are queried in between or not, across many slabs', () => {
    // ~12 postings a document: 4 000 documents fill several slabs of the forward stream
    const ids = Array.from({ length: 4000 }, (_, i) => i);
    const once = new Postings();
    for (const i of ids) once.add(i, fieldsOf(i));
    const inTurns = new Postings();
    const sizes: number[] = [];
    for (const i of ids) {
      inTurns.add(i, fieldsOf(i));
      // queried after some adds: later documents are merged into the inverted postings
      if (i % 997 === 0) sizes.push(inTurns.termOrder().reduce((n, t) => n + inTurns.entrySize(t), 0));
    }
    expect(dumpOf(inTurns)).toEqual(dumpOf(once));
    expect(inTurns.fieldLengths()).toEqual(once.fieldLengths());
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(new Set(sizes).size).toBe(sizes.length);
    // the first slabs hold 16 384 ints: this corpus needs more than one
    expect(once.termOrder().reduce((n, t) => n + (once.entryJson(t).match(/":/g)?.length ?? 0), 0)).toBeGreaterThan(16_384 / 3);
  });

  it('renumbers documents before and after the inversion alike', () => {
    const n = 600;
    const order = Array.from({ length: n }, (_, i) => (i * 7) % n); // a permutation (7 and 600 coprime)
    const expected = new Postings();
    order.forEach((final, provisional) => expected.add(final, fieldsOf(provisional)));
    const before = new Postings();
    for (let i = 0; i < n; i++) before.add(i, fieldsOf(i));
    before.renumber(order);
    const after = new Postings();
    for (let i = 0; i < n; i++) after.add(i, fieldsOf(i));
    after.termOrder(); // inverted first
    after.renumber(order);
    expect(dumpOf(before)).toEqual(dumpOf(expected));
    expect(dumpOf(after)).toEqual(dumpOf(expected));
    expect(before.fieldLengths()).toEqual(expected.fieldLengths());
  });
});
