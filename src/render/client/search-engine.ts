/**
 * The search itself, without the DOM: which shards a query needs, MiniSearch over them, and the
 * document rows of the hits. `load(id, file)` is how data arrives — a <script> tag in the browser,
 * an in-memory evaluation in the tests (test/render/search.test.ts).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchMeta } from '../../index/search.ts';
import { indexTerms, queryTerm, shardFileKey, shardOf, shardsFor, tokenize, words } from '../../index/search-text.ts';
import type { DocRow } from './search-view.ts';

type Entry = [string, Record<string, Record<string, number>>];

/** Resolves with the data the file registers under `id`. */
export type Loader = (id: string, file: string) => Promise<unknown>;

/** Shorter query terms match exactly; from this length on also as prefix ("Gipfel" → "Gipfeltreffen"). */
export const PREFIX_FROM = 3;

export interface Found {
  results: SearchResult[];
  /** True when no document had every word and the list shows documents with some of them. */
  partial: boolean;
  /** The query's terms after analysis (empty: only stop words). */
  terms: string[];
  /** Shard keys the query loaded. */
  shards: string[];
}

export interface Search {
  /** Start loading the meta (when the reader focuses the field), so the first query waits less. */
  prefetch(): void;
  find(query: string): Promise<Found>;
  rows(results: readonly SearchResult[]): Promise<DocRow[]>;
}

export function createSearch(load: Loader): Search {
  // The loaded data is what src/index/search.ts wrote; the casts name that contract.
  const loadMeta = () => load('index', 'index.js') as Promise<SearchMeta>;
  const loadShard = (key: string) => load(`t-${key}`, `t-${shardFileKey(key)}.js`) as Promise<Entry[]>;
  const loadChunk = (n: number) => load(`d-${n}`, `d-${n}.js`) as Promise<DocRow[]>;

  let engine: { keys: string; mini: MiniSearch } | undefined;

  /** MiniSearch over the meta plus the loaded shards; rebuilt only when the set of shards changes. */
  function buildEngine(meta: SearchMeta, keys: string[], shards: Entry[][]): MiniSearch {
    const id = keys.join('\n');
    if (engine && engine.keys === id) return engine.mini;
    const documentIds: Record<string, number> = {};
    const fieldLength: Record<string, number[]> = {};
    meta.lengths.forEach((l, i) => {
      documentIds[i] = i;
      fieldLength[i] = l;
    });
    const mini = MiniSearch.loadJS(
      {
        documentCount: meta.count,
        nextId: meta.count,
        documentIds,
        fieldIds: meta.fields,
        fieldLength,
        averageFieldLength: meta.avg,
        storedFields: {},
        dirtCount: 0,
        index: shards.flat(),
        serializationVersion: 2,
      },
      { fields: Object.keys(meta.fields), idField: 'id', tokenize: words, processTerm: (t) => indexTerms(t) },
    );
    engine = { keys: id, mini };
    return mini;
  }

  async function find(query: string): Promise<Found> {
    const terms = tokenize(query)
      .map((t) => queryTerm(t.word))
      .filter((t): t is string => t !== null);
    if (terms.length === 0) return { results: [], partial: false, terms, shards: [] };
    const meta = await loadMeta();
    const needed = new Set<string>();
    for (const t of terms) {
      const keys = t.length >= PREFIX_FROM ? shardsFor(t, meta.shards) : [shardOf(t, meta.shards)];
      for (const k of keys) if (k !== undefined) needed.add(k);
    }
    const keys = [...needed].sort();
    const shards = await Promise.all(keys.map(loadShard));
    const mini = buildEngine(meta, keys, shards);
    const options = {
      tokenize: words,
      processTerm: (t: string) => queryTerm(t) ?? undefined,
      prefix: (t: string) => t.length >= PREFIX_FROM,
      // Typos only in longer words; a fuzzy match is found only in the shards loaded for the query.
      fuzzy: (t: string) => (t.length >= 6 ? 0.2 : false),
      boost: { title: 3, entities: 2 },
    };
    const all = mini.search(query, { ...options, combineWith: 'AND' });
    if (all.length > 0 || terms.length === 1) return { results: all, partial: false, terms, shards: keys };
    return { results: mini.search(query, { ...options, combineWith: 'OR' }), partial: true, terms, shards: keys };
  }

  async function rows(results: readonly SearchResult[]): Promise<DocRow[]> {
    const meta = await loadMeta();
    const chunkOf = (id: number) => Math.floor(id / meta.chunk);
    const chunks = [...new Set(results.map((r) => chunkOf(Number(r.id))))];
    const data = await Promise.all(chunks.map(loadChunk));
    const byChunk = new Map(chunks.map((c, i) => [c, data[i] ?? []]));
    return results.map((r) => {
      const id = Number(r.id);
      const row = byChunk.get(chunkOf(id))?.[id % meta.chunk];
      if (!row) throw new Error(`Suchindex: Dokument ${id} fehlt`);
      return row;
    });
  }

  return { prefetch: () => void loadMeta().catch(() => undefined), find, rows };
}
