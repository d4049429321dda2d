/**
 * The search index, built once at build time and cut into small classic-script files the browser
 * loads on demand (file:// allows no fetch, no modules, no workers — only `<script src>`).
 *
 * MiniSearch builds and scores the index; we only cut its serialised form apart:
 *   suche/index.js     — meta: document count, field lengths (BM25 needs them), the shard keys
 *   suche/t-<key>.js   — the postings of every term whose longest shard key is <key>
 *   suche/d-<n>.js     — title, path, date and text of `chunkSize` documents (for result lists and snippets)
 * Shard keys are term prefixes, split adaptively until a shard fits `shardBytes`, so a query
 * loads the meta plus one shard per word (a few for short prefixes). See docs/search.md.
 */
import MiniSearch from 'minisearch';
import { indexTerms, shardFileKey, shardOf, words } from './search-text.ts';

export type SearchKind = 'artikel' | 'person' | 'ort' | 'organisation' | 'ereignis';

export interface SearchDoc {
  kind: SearchKind;
  title: string;
  /** Page path relative to the output folder. */
  path: string;
  /** YYYY-MM-DD, when known. */
  date: string | null;
  /** Publisher of an article, role of a person, … shown under the title. */
  source: string | null;
  /** The searchable body; also the source of snippets. */
  text: string;
  /** Names of the entities the document mentions. */
  entities: string[];
}

export interface SearchIndexOptions {
  /** Largest term shard (bytes of JSON) before it is split by a longer prefix. Default 48 000. */
  shardBytes?: number;
  /** Documents per document chunk. Default 20. */
  chunkSize?: number;
  /** Longest shard key; a bigger shard is accepted rather than split further. Default 6. */
  maxPrefix?: number;
  /** Folder of the files, relative to the output folder. Default `suche`. */
  dir?: string;
}

export interface SearchMeta {
  v: 1;
  count: number;
  fields: Record<string, number>;
  /** Per document (by internal id), the length of each field. */
  lengths: number[][];
  avg: number[];
  /** Shard keys, sorted. */
  shards: string[];
  chunk: number;
}

export interface SearchFile {
  path: string;
  content: string;
}

export interface SearchIndexStats {
  documents: number;
  terms: number;
  shards: number;
  chunks: number;
  metaBytes: number;
  largestShardBytes: number;
  shardBytes: number;
  largestChunkBytes: number;
  chunkBytes: number;
}

/** Field order is part of the format: `fields` in the meta maps names to these positions. */
export const SEARCH_FIELDS = ['title', 'entities', 'text'] as const;

/** The name the shard scripts call; the client defines it before it inserts any shard. */
export const REGISTRY = '__presseschauSearch';

type Posting = Record<string, Record<string, number>>;
type Entry = [string, Posting];

/** JSON that is also safe inside a script: no `</script>`, no line separators that older parsers reject. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const registration = (id: string, data: unknown) => `${REGISTRY}.load(${scriptJson(id)},${scriptJson(data)});\n`;

/** Split term entries into prefix shards of at most `budget` bytes (unless `maxPrefix` stops the split). */
export function partition(entries: ReadonlyArray<readonly [string, number]>, budget: number, maxPrefix: number, prefix = ''): string[] {
  const total = entries.reduce((n, [, size]) => n + size, 0);
  if (prefix !== '' && (total <= budget || prefix.length >= maxPrefix)) return [prefix];
  const exact: Array<readonly [string, number]> = [];
  const groups = new Map<string, Array<readonly [string, number]>>();
  for (const e of entries) {
    const ch = [...e[0].slice(prefix.length)][0];
    if (ch === undefined) {
      exact.push(e);
      continue;
    }
    const g = groups.get(ch);
    if (g) g.push(e);
    else groups.set(ch, [e]);
  }
  const keys: string[] = exact.length > 0 && prefix !== '' ? [prefix] : [];
  for (const ch of [...groups.keys()].sort()) keys.push(...partition(groups.get(ch) ?? [], budget, maxPrefix, prefix + ch));
  return keys;
}

export function buildSearchIndex(docs: readonly SearchDoc[], options: SearchIndexOptions = {}): { files: SearchFile[]; stats: SearchIndexStats } {
  const shardBytes = options.shardBytes ?? 48_000;
  const chunkSize = options.chunkSize ?? 20;
  const maxPrefix = options.maxPrefix ?? 6;
  const dir = options.dir ?? 'suche';

  const mini = new MiniSearch<{ id: number; title: string; entities: string; text: string }>({
    fields: [...SEARCH_FIELDS],
    idField: 'id',
    tokenize: words,
    processTerm: (term) => indexTerms(term),
  });
  mini.addAll(docs.map((d, id) => ({ id, title: d.title, entities: d.entities.join(' · '), text: d.text })));
  const js = mini.toJSON();
  // The client rebuilds documentIds as 0..count-1; that only holds while MiniSearch numbers
  // documents in insertion order, so check instead of trusting it.
  for (const [short, id] of Object.entries(js.documentIds)) {
    if (String(id) !== short) throw new Error(`search: MiniSearch hat Dokument ${String(id)} die interne Nummer ${short} gegeben; erwartet gleiche Nummern`);
  }
  const lengths: number[][] = docs.map((_, i) => js.fieldLength[i] ?? SEARCH_FIELDS.map(() => 0));

  const entries = (js.index as Entry[]).slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sized = entries.map((e) => [e[0], JSON.stringify(e).length + 1] as const);
  const keys = partition(sized, shardBytes, maxPrefix);

  const byShard = new Map<string, Entry[]>(keys.map((k) => [k, []]));
  for (const e of entries) {
    const key = shardOf(e[0], keys);
    if (key === undefined) throw new Error(`search: Term „${e[0]}“ passt in keinen Shard`);
    byShard.get(key)?.push(e);
  }

  const meta: SearchMeta = { v: 1, count: docs.length, fields: js.fieldIds, lengths, avg: js.averageFieldLength, shards: keys, chunk: chunkSize };
  const files: SearchFile[] = [{ path: `${dir}/index.js`, content: registration('index', meta) }];
  let largestShardBytes = 0;
  let totalShardBytes = 0;
  for (const key of keys) {
    const content = registration(`t-${key}`, byShard.get(key) ?? []);
    const bytes = Buffer.byteLength(content);
    largestShardBytes = Math.max(largestShardBytes, bytes);
    totalShardBytes += bytes;
    files.push({ path: `${dir}/t-${shardFileKey(key)}.js`, content });
  }
  let largestChunkBytes = 0;
  let totalChunkBytes = 0;
  let chunks = 0;
  for (let start = 0; start < docs.length; start += chunkSize) {
    const n = start / chunkSize;
    const rows = docs.slice(start, start + chunkSize).map((d) => ({ k: d.kind, t: d.title, p: d.path, d: d.date, s: d.source, x: d.text }));
    const content = registration(`d-${n}`, rows);
    const bytes = Buffer.byteLength(content);
    largestChunkBytes = Math.max(largestChunkBytes, bytes);
    totalChunkBytes += bytes;
    chunks += 1;
    files.push({ path: `${dir}/d-${n}.js`, content });
  }
  const first = files[0];
  return {
    files,
    stats: {
      documents: docs.length,
      terms: entries.length,
      shards: keys.length,
      chunks,
      metaBytes: first ? Buffer.byteLength(first.content) : 0,
      largestShardBytes,
      shardBytes: totalShardBytes,
      largestChunkBytes,
      chunkBytes: totalChunkBytes,
    },
  };
}
