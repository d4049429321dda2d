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
import { createHash } from 'node:crypto';
import { analyseFields } from './analysis.ts';
import { shardFileKey, shardOf } from './search-text.ts';
import { NumberMap } from './vocabulary.ts';

export { analyseFields } from './analysis.ts';

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
  /**
   * Documents per document chunk. Default 5 (a result page of 10 hits loads at most 10 small
   * chunks); for an index of at most SMALL_INDEX_DOCS documents, as many as make chunks of about
   * CHUNK_TARGET_BYTES — five articles and their entities need a handful of files, not 38.
   */
  chunkSize?: number;
  /** Longest shard key; a bigger shard is accepted rather than split further. Default 64: in practice only a single very frequent term (its postings cannot be split by prefix) ends up over budget. */
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

/**
 * A document chunk or term shard keyed by what it is made of (a chunk by SearchDocs.key, a shard
 * by Postings.shardKey), made only when asked for: the writer links the previous build's file when
 * the key is unchanged (model/page.ts LazyPage).
 */
export interface KeyedSearchFile {
  path: string;
  key: string;
  render(): string;
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

const FIELD_IDS: Record<string, number> = Object.fromEntries(SEARCH_FIELDS.map((f, i) => [f, i]));

/** Decimal digits of a non-negative integer. */
const digits = (x: number): number => (x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : String(x).length);

/** One field of one document as the index sees it: unique raw tokens, and each index term with its frequency. */
export interface FieldAnalysis {
  /** Unique raw tokens (MiniSearch's field length). */
  length: number;
  terms: string[];
  counts: number[];
}

/** A FieldAnalysis with its terms as numbers of a vocabulary (index/vocabulary.ts), as the threads send it. */
export interface CodedField {
  length: number;
  terms: Int32Array;
  counts: Int32Array;
}

export const searchFields = (d: Pick<SearchDoc, 'title' | 'entities' | 'text'>): string[] => [d.title, d.entities.join(' · '), d.text];

/** An article's searchable fields (see search-docs.ts for the document as a whole). */
export function articleSearchFields(a: { title: string; blocks: readonly { text: string }[]; entities: readonly { name: string }[] }): string[] {
  return searchFields({ title: a.title, entities: articleEntityNames(a.entities), text: bodyText(a.blocks) });
}

/** Body text as a reader sees it: blocks separated by blank lines, captions included (they name people). */
export const bodyText = (blocks: readonly { text: string }[]): string => blocks.map((b) => b.text).join('\n\n');

export const articleEntityNames = (entities: readonly { name: string }[]): string[] => [...new Set(entities.map((e) => e.name))].sort();

/**
 * Triples [field, doc, frequency] moved into field order, keeping their order within a field
 * (counting sort over the SEARCH_FIELDS); undefined when a field's documents are then not
 * ascending (documents did not come in order) or a field number is out of range.
 */
function partitionByField(list: Int32Array, n: number): Int32Array | undefined {
  const fields = SEARCH_FIELDS.length;
  const start = new Int32Array(fields + 1);
  for (let k = 0; k < n; k++) {
    const f = list[3 * k] as number;
    if (f < 0 || f >= fields) return undefined;
    start[f + 1] = (start[f + 1] as number) + 1;
  }
  for (let f = 1; f <= fields; f++) start[f] = (start[f] as number) + (start[f - 1] as number);
  const out = new Int32Array(3 * n);
  for (let k = 0; k < n; k++) {
    const f = list[3 * k] as number;
    const at = 3 * (start[f] as number);
    start[f] = (start[f] as number) + 1;
    out[at] = f;
    out[at + 1] = list[3 * k + 1] as number;
    out[at + 2] = list[3 * k + 2] as number;
  }
  for (let k = 1; k < n; k++) {
    if (out[3 * k] === out[3 * k - 3] && (out[3 * k + 1] as number) <= (out[3 * k - 2] as number)) return undefined;
  }
  return out;
}

/** Ints in the forward stream's first slab; each next slab is twice as big, up to SLAB_MAX. */
const SLAB_MIN = 1 << 14;
/**
 * 64 MiB: above glibc's largest mmap threshold (32 MiB on 64 bits), so a full slab is a mapping of
 * its own that goes back to the system when it is freed, not a hole in the heap that only later
 * allocations of this process can reuse.
 */
const SLAB_MAX = 1 << 24;

/**
 * The inverted index, merged document by document from their analyses (which may have been made
 * on other threads, in any order). While documents come in, their postings are appended as
 * [term, field, frequency] triples to a forward stream in big slabs (no per-term arrays growing
 * with slack: at 100 000 articles ~40 million postings); the first query inverts that stream into
 * one array, term by term, [field, doc, frequency, …] in the order the documents came in, and
 * frees the stream. Documents added after a query are merged in at the next one. Documents may be
 * added under provisional numbers and renumbered once the final order is known. `release` lets
 * go of everything once the search files are made.
 */
export class Postings {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private lengths: number[][] = [];
  /** Forward stream: [term, field, frequency] triples of the documents added since the last inversion. */
  private slabs: Int32Array[] = [];
  /** Ints used in the last slab. */
  private fill = 0;
  /** Per add since the last inversion: its document and how many triples it appended, in turn. */
  private runs: number[] = [];
  /** Postings per term in the forward stream. */
  private pending = new Int32Array(1024);
  /** The inverted postings: term t's triples are data[3·start[t] … 3·start[t + 1]). */
  private data = new Int32Array(0);
  private start = new Int32Array(1);
  private released = false;

  /** Documents added (numbered 0 … count − 1 once renumbered). */
  get count(): number {
    return this.lengths.length;
  }

  /**
   * Lets go of every posting (at 100 000 articles ~0.4 GB outside the heap): for a build that has
   * made its search files and needs the memory for the pages still to come. Any use afterwards throws.
   */
  release(): void {
    this.released = true;
    this.ids.clear();
    this.byVocabulary = new NumberMap();
    this.terms.length = 0;
    this.lengths = [];
    this.slabs = [];
    this.fill = 0;
    this.runs = [];
    this.pending = new Int32Array(0);
    this.data = new Int32Array(0);
    this.start = new Int32Array(1);
  }

  private live(): void {
    if (this.released) throw new Error('search: die Postings sind schon freigegeben (release); die Suchdateien sind geschrieben');
  }

  add(doc: number, fields: readonly FieldAnalysis[]): void {
    this.live();
    this.lengths[doc] = fields.map((f) => f.length);
    const before = this.appended;
    fields.forEach((f, field) => {
      for (let i = 0; i < f.terms.length; i++) this.post(this.termId(f.terms[i] as string), field, f.counts[i] as number); // terms and counts are parallel
    });
    this.runs.push(doc, this.appended - before);
  }

  /** Vocabulary number → term number, for addCoded. */
  private byVocabulary = new NumberMap();

  /** `add` for fields whose terms are numbers of `vocabulary` (its names by number). */
  addCoded(doc: number, fields: readonly CodedField[], vocabulary: readonly string[]): void {
    this.live();
    const local = this.byVocabulary;
    this.lengths[doc] = fields.map((f) => f.length);
    const before = this.appended;
    fields.forEach((f, field) => {
      for (let i = 0; i < f.terms.length; i++) {
        const v = f.terms[i] as number;
        let t = local.get(v);
        if (t === -1) local.set(v, (t = this.termId(vocabulary[v] as string)));
        this.post(t, field, f.counts[i] as number);
      }
    });
    this.runs.push(doc, this.appended - before);
  }

  private termId(term: string): number {
    let t = this.ids.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.ids.set(term, t);
      this.terms.push(term);
    }
    return t;
  }

  /** Triples in the forward stream. */
  private appended = 0;

  private post(t: number, field: number, count: number): void {
    let slab = this.slabs[this.slabs.length - 1];
    if (slab === undefined || this.fill + 3 > slab.length) {
      // a multiple of 3, so a triple never straddles two slabs
      const size = 3 * Math.floor(Math.min(SLAB_MAX, SLAB_MIN << this.slabs.length) / 3);
      this.slabs.push((slab = new Int32Array(size)));
      this.fill = 0;
    }
    slab[this.fill] = t;
    slab[this.fill + 1] = field;
    slab[this.fill + 2] = count;
    this.fill += 3;
    this.appended += 1;
    if (t >= this.pending.length) {
      const grown = new Int32Array(Math.max(t + 1, this.pending.length * 2));
      grown.set(this.pending);
      this.pending = grown;
    }
    this.pending[t] = (this.pending[t] as number) + 1;
  }

  /**
   * The forward stream merged into the inverted postings (a counting sort by term: each term's
   * earlier postings first, then the new ones in the order they came), slab by slab, each freed
   * once it is read.
   */
  private invert(): void {
    this.live();
    if (this.appended === 0) return;
    const terms = this.terms.length;
    const old = this.data;
    const oldStart = this.start;
    const start = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      const before = t + 1 < oldStart.length ? (oldStart[t + 1] as number) - (oldStart[t] as number) : 0;
      start[t + 1] = (start[t] as number) + before + (t < this.pending.length ? (this.pending[t] as number) : 0);
    }
    const data = new Int32Array(3 * (start[terms] as number));
    const at = new Int32Array(terms);
    for (let t = 0; t < terms; t++) {
      const from = t + 1 < oldStart.length ? (oldStart[t] as number) : 0;
      const to = t + 1 < oldStart.length ? (oldStart[t + 1] as number) : 0;
      data.set(old.subarray(3 * from, 3 * to), 3 * (start[t] as number));
      at[t] = (start[t] as number) + to - from;
    }
    this.data = new Int32Array(0); // the old array goes before the slabs are read
    const slabs = this.slabs;
    this.slabs = [];
    let slab = 0;
    let pos = 0;
    const runs = this.runs;
    for (let r = 0; r < runs.length; r += 2) {
      const doc = runs[r] as number;
      for (let k = runs[r + 1] as number; k > 0; k--) {
        let s = slabs[slab] as Int32Array;
        if (pos >= s.length) {
          slabs[slab] = new Int32Array(0); // read: let it go
          s = slabs[++slab] as Int32Array;
          pos = 0;
        }
        const t = s[pos] as number;
        const i = 3 * (at[t] as number);
        at[t] = (at[t] as number) + 1;
        data[i] = s[pos + 1] as number;
        data[i + 1] = doc;
        data[i + 2] = s[pos + 2] as number;
        pos += 3;
      }
    }
    this.data = data;
    this.start = start;
    this.fill = 0;
    this.appended = 0;
    this.runs = [];
    this.pending = new Int32Array(1024);
  }

  /** Term t's triples [field, doc, frequency, …], in the order they came. */
  private listOf(t: number): Int32Array {
    this.invert();
    if (t + 1 >= this.start.length) return new Int32Array(0);
    return this.data.subarray(3 * (this.start[t] as number), 3 * (this.start[t + 1] as number));
  }

  /** `order[provisional] = final` for every document added so far; lengths follow. */
  renumber(order: ArrayLike<number>): void {
    this.live();
    const data = this.data;
    for (let i = 1; i < data.length; i += 3) data[i] = order[data[i] as number] as number;
    const runs = this.runs;
    for (let r = 0; r < runs.length; r += 2) runs[r] = order[runs[r] as number] as number;
    const lengths: number[][] = [];
    this.lengths.forEach((l, doc) => {
      lengths[order[doc] as number] = l;
    });
    this.lengths = lengths;
  }

  /** Field lengths and their averages as MiniSearch defines them (unique raw tokens; running average in document order). */
  fieldLengths(): { lengths: number[][]; avg: number[] } {
    this.live();
    const avg = SEARCH_FIELDS.map(() => 0);
    const lengths = this.lengths;
    for (let id = 0; id < lengths.length; id++) {
      const lens = lengths[id];
      if (!lens) throw new Error(`search: Dokument ${id} fehlt im Index`);
      lens.forEach((unique, field) => {
        avg[field] = ((avg[field] ?? 0) * id + unique) / (id + 1);
      });
    }
    return { lengths, avg };
  }

  /** Term numbers in term order (code units, as the shards are keyed). */
  termOrder(): number[] {
    this.live();
    return this.terms.map((_, t) => t).sort((a, b) => {
      const x = this.terms[a] as string;
      const y = this.terms[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  termOf(t: number): string {
    return this.terms[t] as string;
  }

  /** The postings of term `t`, ordered by field, then document: [field, doc, frequency, …]. */
  private sorted(t: number): Int32Array {
    const list = this.listOf(t);
    const n = list.length / 3;
    // Usually in order already (documents arrive in file order, which is mostly id order).
    let inOrder = true;
    for (let k = 1; k < n && inOrder; k++) {
      const f0 = list[3 * k - 3] as number;
      const f1 = list[3 * k] as number;
      inOrder = f0 < f1 || (f0 === f1 && (list[3 * k - 2] as number) < (list[3 * k + 1] as number));
    }
    if (inOrder) return list.subarray(0, 3 * n);
    // A document posts its fields one after the other, so the list is in (document, field) order:
    // a stable partition by field (counting sort) gives (field, document) order when documents
    // came in ascending order; otherwise sort.
    const byField = partitionByField(list, n);
    if (byField) return byField;
    const idx = new Int32Array(n);
    for (let k = 0; k < n; k++) idx[k] = k;
    // field * 2^26 + doc orders by field, then document (documents stay below 2^26 = 67 million)
    const key = (k: number) => (list[3 * k] as number) * 67108864 + (list[3 * k + 1] as number);
    idx.sort((a, b) => key(a) - key(b));
    const out = new Int32Array(3 * n);
    for (let k = 0; k < n; k++) out.set(list.subarray(3 * (idx[k] as number), 3 * (idx[k] as number) + 3), 3 * k);
    return out;
  }

  /**
   * Term `t`'s entry as MiniSearch serialises it — `JSON.stringify([term, {field: {doc: freq}}])`,
   * fields and documents ascending as JSON.stringify orders integer keys — written straight from
   * the flat postings.
   */
  entryJson(t: number): string {
    const p = this.sorted(t);
    let json = `[${JSON.stringify(this.terms[t])},{`;
    let field = -1;
    for (let k = 0; k < p.length; k += 3) {
      const f = p[k] as number;
      if (f !== field) {
        json += `${field === -1 ? '' : '},'}"${f}":{`;
        field = f;
      } else json += ',';
      json += `"${p[k + 1] as number}":${p[k + 2] as number}`;
    }
    return json + (p.length > 0 ? '}}]' : '}]');
  }

  /**
   * A fingerprint of a shard's entries (its prefix, its terms and their postings in entry order:
   * what entryJson writes), hashed from the postings' bytes without building the JSON.
   */
  shardKey(prefix: string, terms: readonly number[]): string {
    const lists = terms.map((t) => this.sorted(t));
    const flat = new Int32Array(lists.reduce((n, l) => n + l.length + 1, 0));
    let at = 0;
    for (const l of lists) {
      flat[at++] = l.length; // where each term's postings end
      flat.set(l, at);
      at += l.length;
    }
    return createHash('sha1')
      .update(`${prefix}\0${terms.map((t) => this.terms[t] as string).join('\0')}\0`)
      .update(new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength))
      .digest('base64url');
  }

  /**
   * `entryJson(t).length`, counted without building the string (shards are sized before they are
   * written): `[T,{` + fields joined by `,` + `}]`, a field `"f":{` + postings joined by `,` + `}`,
   * a posting `"doc":freq`.
   */
  entrySize(t: number): number {
    const list = this.listOf(t);
    const n = list.length;
    const term = JSON.stringify(this.terms[t]).length;
    if (n === 0) return term + 5;
    const fields = new Set<number>();
    let size = term + 5;
    for (let k = 0; k < n; k += 3) {
      fields.add(list[k] as number);
      size += digits(list[k + 1] as number) + digits(list[k + 2] as number) + 4;
    }
    for (const f of fields) size += digits(f) + 4;
    return size + fields.size - 1;
  }

  entries(): [string, string][] {
    return this.termOrder().map((t) => [this.terms[t] as string, this.entryJson(t)]);
  }

  /**
   * MiniSearch's serialisation as objects (what `MiniSearch#toJSON` writes and `MiniSearch.loadJS`
   * reads); test/render/search.test.ts compares it with a real MiniSearch index. The build writes
   * `entries()` instead, the same JSON without the objects.
   */
  finish(): { index: Entry[]; lengths: number[][]; avg: number[] } {
    return { index: this.entries().map(([, json]) => JSON.parse(json) as Entry), ...this.fieldLengths() };
  }
}

export function invertedIndex(docs: readonly SearchDoc[]): { index: Entry[]; lengths: number[][]; avg: number[] } {
  const postings = new Postings();
  docs.forEach((d, id) => postings.add(id, analyseFields(searchFields(d))));
  return postings.finish();
}

/** JSON that is also safe inside a script: no `</script>`, no line separators that older parsers reject. */
export function scriptJson(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** JSON text made safe inside a script (see scriptJson). */
const scriptSafe = (json: string): string => json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

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

/** Documents by position, made on demand: the search of a big corpus never holds every article text at once. */
export interface SearchDocs {
  readonly length: number;
  at(i: number): SearchDoc;
  /**
   * A fingerprint of document i as its chunk row shows it (equal fingerprints: equal rows), cheaper
   * than the document itself. When given, the chunks are KeyedSearchFiles.
   */
  key?(i: number): string;
}

const asDocs = (docs: readonly SearchDoc[] | SearchDocs): SearchDocs =>
  Array.isArray(docs) ? { length: docs.length, at: (i) => docs[i] as SearchDoc } : (docs as SearchDocs);

/**
 * The search files one by one (meta, term shards, document chunks), so only one shard's JSON
 * exists at a time. `postings`: the first documents already merged (see Postings; the rest of
 * `docs` is analysed and added here); when absent every document is analysed here. `stats` is
 * filled in as the files are made (a keyed chunk's bytes when it is rendered). With `docs.key`
 * the chunks and term shards come keyed (KeyedSearchFile): a rebuild after one edit makes only
 * the changed ones.
 */
export function* searchIndexFiles(source: readonly SearchDoc[] | SearchDocs, options: SearchIndexOptions = {}, postings?: Postings, stats?: SearchIndexStats): Generator<SearchFile | KeyedSearchFile> {
  const docs = asDocs(source);
  const shardBytes = options.shardBytes ?? 48_000;
  const chunkSize = options.chunkSize ?? defaultChunkSize(docs);
  const maxPrefix = options.maxPrefix ?? 64;
  const dir = options.dir ?? 'suche';

  const all = postings ?? new Postings();
  for (let i = all.count; i < docs.length; i++) all.add(i, analyseFields(searchFields(docs.at(i))));
  const { lengths, avg } = all.fieldLengths();
  const order = all.termOrder();
  const keys = partition(order.map((t) => [all.termOf(t), all.entrySize(t) + 1] as const), shardBytes, maxPrefix);
  const byShard = new Map<string, number[]>(keys.map((k) => [k, []]));
  const keySet = new Set(keys);
  for (const t of order) {
    const key = shardOf(all.termOf(t), keySet);
    if (key === undefined) throw new Error(`search: Term „${all.termOf(t)}“ passt in keinen Shard`);
    byShard.get(key)?.push(t);
  }
  const s = stats ?? emptyStats();
  Object.assign(s, emptyStats(), { documents: docs.length, terms: order.length, shards: keys.length });

  const meta: SearchMeta = { v: 1, count: docs.length, fields: FIELD_IDS, lengths, avg, shards: keys, chunk: chunkSize };
  const index = registration('index', meta);
  s.metaBytes = Buffer.byteLength(index);
  yield { path: `${dir}/index.js`, content: index };
  for (const key of keys) {
    const terms = byShard.get(key) ?? [];
    const shard = () => {
      const content = `${REGISTRY}.load(${scriptJson(`t-${key}`)},${scriptSafe(`[${terms.map((t) => all.entryJson(t)).join(',')}]`)});\n`;
      const bytes = Buffer.byteLength(content);
      s.largestShardBytes = Math.max(s.largestShardBytes, bytes);
      s.shardBytes += bytes;
      return content;
    };
    const path = `${dir}/t-${shardFileKey(key)}.js`;
    // Keyed by its terms and their sorted postings, which fix its bytes: an edit rewrites the
    // shards of the terms whose postings it changed, the rest are linked without their JSON.
    if (docs.key) yield { path, key: `t:${all.shardKey(key, terms)}`, render: shard };
    else yield { path, content: shard() };
  }
  for (let start = 0; start < docs.length; start += chunkSize) {
    const n = start / chunkSize;
    const end = Math.min(docs.length, start + chunkSize);
    const chunk = () => {
      const rows = [];
      for (let i = start; i < end; i++) rows.push(chunkRow(docs.at(i)));
      const content = registration(`d-${n}`, rows);
      const bytes = Buffer.byteLength(content);
      s.largestChunkBytes = Math.max(s.largestChunkBytes, bytes);
      s.chunkBytes += bytes;
      return content;
    };
    s.chunks += 1;
    const path = `${dir}/d-${n}.js`;
    if (docs.key) {
      // The chunk's number is in its path; its rows are fixed by their documents' fingerprints.
      let text = '';
      for (let i = start; i < end; i++) text += `\0${docs.key(i)}`;
      yield { path, key: `i:${createHash('sha1').update(text).digest('base64url')}`, render: chunk };
    } else yield { path, content: chunk() };
  }
}

/** A document as its chunk holds it (the browser's result row and snippet source). */
const chunkRow = (d: SearchDoc) => ({ k: d.kind, t: d.title, p: d.path, d: d.date, s: d.source, x: d.text });

const DEFAULT_CHUNK = 5;
/** Up to this many documents the chunk size is fitted to their size (one extra pass over them). */
const SMALL_INDEX_DOCS = 500;
const CHUNK_TARGET_BYTES = 16_000;

function defaultChunkSize(docs: SearchDocs): number {
  if (docs.length > SMALL_INDEX_DOCS) return DEFAULT_CHUNK;
  let size = 0; // UTF-16 units of the rows' JSON: close enough to bytes for a target
  for (let i = 0; i < docs.length; i++) size += JSON.stringify(chunkRow(docs.at(i))).length;
  const fitted = Math.floor((CHUNK_TARGET_BYTES * docs.length) / Math.max(1, size));
  return Math.max(DEFAULT_CHUNK, Math.min(docs.length, fitted));
}

const emptyStats = (): SearchIndexStats => ({ documents: 0, terms: 0, shards: 0, chunks: 0, metaBytes: 0, largestShardBytes: 0, shardBytes: 0, largestChunkBytes: 0, chunkBytes: 0 });

/** All search files at once, with their statistics (tests, tools; the build streams searchIndexFiles). */
export function buildSearchIndex(docs: readonly SearchDoc[] | SearchDocs, options: SearchIndexOptions = {}, postings?: Postings): { files: SearchFile[]; stats: SearchIndexStats } {
  const stats = emptyStats();
  const files = [...searchIndexFiles(docs, options, postings, stats)].map((f) => ('content' in f ? f : { path: f.path, content: f.render() }));
  return { files, stats };
}
