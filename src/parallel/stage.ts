/**
 * The document stages as the build composes them: discover the corpus (ingest) → every file
 * through read → normalise → enrich → digest (document.ts), on the pool's threads, with the record
 * cache → corpus-wide ids and slugs → the index builder, fed in file order. Results come back in
 * file order whatever thread made them, so the output never depends on thread timing.
 */
import { realpath } from 'node:fs/promises';
import { cacheSalt, freeSegment, openCacheIndex, saveCacheIndex, type CacheIndex } from '../cache/index.ts';
import { loadSlugs, saveSlugs } from '../cache/slugs.ts';
import { pipelineVersion } from '../cache/version.ts';
import { assignIds, readInputSync, unaccounted, type Discovery, type FolderCache, type IngestOptions } from '../ingest/index.ts';
import { IndexBuilder } from '../index/index.ts';
import { Vocabulary } from '../index/vocabulary.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RecordLoc } from '../model/digest.ts';
import type { Knowledge } from '../model/knowledge.ts';
import { assignSlugs } from '../normalise/slug.ts';
import type { DocumentInput } from './document.ts';
import type { Pool } from './pool.ts';
import { relocate, type BuildSession } from '../session.ts';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentOutcome } from './document.ts';

export interface DocumentStageOptions {
  /** Results of an earlier build in this process, reused for files that did not change (session.ts). */
  session?: BuildSession;
  /** Build cache folder (record cache and slugs); omitted = none. */
  cacheDir?: string;
  /** Record store folder when there is no cache (worker pools need one); omitted = in memory. */
  storeDir?: string;
  ingest?: IngestOptions;
  /** Theme templates the threads render pages with later in this build. */
  templates?: ReadonlyMap<string, string>;
  onProgress?: (done: number, total: number) => void;
}

export interface CacheStats {
  hits: number;
  misses: number;
}

export interface DocumentStageResult {
  /** Every input file discovered, sorted. */
  files: string[];
  ingestDiagnostics: Diagnostic[];
  normaliseDiagnostics: Diagnostic[];
  enrichDiagnostics: Diagnostic[];
  /** The articles, merged into the index builder in file order. */
  index: IndexBuilder;
  /** Article id → source file + sha256 of its bytes (page keys, see render/lazy.ts). */
  inputs: Map<string, string>;
  /** Article id → its entry in the record store. */
  locs: Map<string, RecordLoc>;
  /** Settles slugs corpus-wide (IndexBuilder.finish's `settle`). */
  settle: <T extends { id: string; slug: string; path: string }>(digests: T[]) => T[];
  /** Heap size of each thread at the end of the stage (bytes), for tracing. */
  threadHeaps?: number[];
  /** Folder of this build's record store; null = in memory (the inline pool's own). */
  storeDir: string | null;
  /** Saves what the next build reuses (record cache index, the settled slugs); call after a successful build. */
  save(articles: readonly { id: string; slug: string }[]): Promise<void>;
  cache?: CacheStats;
}

/** Files per job: enough to amortise a message, few enough to spread the work evenly. */
const BATCH = 32;

/** `found`: the corpus as discoverAll listed it (the build lists it first to size the pool). */
export async function runDocumentStages(seedsDir: string, found: Discovery, knowledge: Knowledge, pool: Pool, options: DocumentStageOptions = {}): Promise<DocumentStageResult> {
  const root = await realpath(seedsDir);
  const ids = assignIds(found.files);
  const salt = cacheSalt(await pipelineVersion(), knowledge);
  const cache: CacheIndex | undefined = options.cacheDir !== undefined ? await openCacheIndex(options.cacheDir) : undefined;
  const storeDir = cache?.dir ?? options.storeDir ?? null;
  // Earlier results count only when made with the same code and corpus.yml, in the same store.
  const session = options.session;
  const earlier = session && session.salt === salt && session.storeDir === (storeDir ?? undefined) ? session.documents : new Map<string, never>();
  const kept = new Map<string, { stat: string; outcome: DocumentOutcome }>();
  const segment = cache?.nextSegment ?? (storeDir !== null ? freeSegment(storeDir) : 1);
  // The threads' numbers for index terms; a session's results kept between builds use its numbers.
  const vocabulary = session ? (session.vocabulary ??= new Vocabulary()) : new Vocabulary();
  await pool.broadcast('begin', {
    known: vocabulary.known(),
    knowledge,
    templates: new Map(options.templates ?? []),
    salt,
    storeDir,
    segment,
    ...(cache ? { cached: cache.entries } : {}),
  });

  const files = found.files;
  /** File → its stat signature when this build looked (session builds only). */
  const signatures = new Map<string, string>();
  const folders: FolderCache = new Map();
  /** The main thread reads (I/O), the threads compute: a batch's bytes move to the thread that decodes them. */
  const readBatch = (from: number): Promise<DocumentOutcome[]> => {
    const inputs: DocumentInput[] = [];
    const transfer: ArrayBuffer[] = [];
    /** Position in the batch → an earlier result taken as it is. */
    const reused = new Map<number, DocumentOutcome>();
    const batch = files.slice(from, from + BATCH);
    batch.forEach((file, i) => {
      const id = ids.ids.get(file) as string; // assignIds names every file
      if (!session) return;
      const st = statSync(path.join(root, file), { throwIfNoEntry: false });
      const sig = st ? `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}` : '';
      const before = earlier.get(file);
      if (before && sig !== '' && before.stat === sig && (before.outcome.article === undefined || before.outcome.article.digest.id === id)) reused.set(i, before.outcome);
      signatures.set(file, sig);
    });
    for (const [i, file] of batch.entries()) {
      if (reused.has(i)) continue;
      const id = ids.ids.get(file) as string; // assignIds names every file
      const read = readInputSync(root, file, options.ingest, folders);
      if (!read.bytes) {
        inputs.push({ file, id, refused: read.diagnostics });
        continue;
      }
      // A buffer of its own can move; a slice of Node's shared pool must be copied.
      const own = read.bytes.byteOffset === 0 && read.bytes.buffer.byteLength === read.bytes.byteLength ? read.bytes : Buffer.from(read.bytes);
      inputs.push({ file, id, bytes: own });
      if (pool.threads > 0) transfer.push(own.buffer as ArrayBuffer); // a Buffer's own ArrayBuffer, checked above
    }
    const made = inputs.length > 0 ? pool.run('documents', { inputs }, transfer) : Promise.resolve([]);
    const job = made.then((fresh) => {
      // As the answers arrive, in the order each thread made them (vocabulary.ts)
      for (const o of fresh) if (o.article) o.article.features = vocabulary.receive(o.article.features);
      let f = 0;
      return batch.map((_, i) => reused.get(i) ?? (fresh[f++] as DocumentOutcome)); // one fresh result per input, in order
    });
    job.catch(() => {}); // awaited in order below; a later failure must not go unhandled meanwhile
    return job;
  };

  const result: DocumentStageResult = {
    files: found.files,
    ingestDiagnostics: [...found.diagnostics, ...ids.diagnostics],
    normaliseDiagnostics: [],
    enrichDiagnostics: [],
    index: new IndexBuilder(vocabulary),
    inputs: new Map(),
    locs: new Map(),
    settle: (d) => d,
    save: async () => {},
    storeDir,
  };
  const live = new Map<string, RecordLoc>();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const articleFiles: string[] = [];
  let done = 0;
  // Reading runs ahead of the threads by a few batches per thread: they never wait for input, and
  // at most that many batches of bytes and results are held at once.
  const ahead = Math.max(1, pool.threads) * 3;
  const jobs: ReturnType<typeof readBatch>[] = [];
  let nextRead = 0;
  const refill = () => {
    while (jobs.length < ahead && nextRead < files.length) {
      jobs.push(readBatch(nextRead));
      nextRead += BATCH;
    }
  };
  refill();
  while (jobs.length > 0) {
    const outcomes = await (jobs.shift() as ReturnType<typeof readBatch>); // non-empty: checked by the loop
    refill();
    for (const o of outcomes) {
      if (session) kept.set(o.file, { stat: signatures.get(o.file) ?? '', outcome: o });
      result.ingestDiagnostics.push(...o.ingestDiagnostics);
      result.normaliseDiagnostics.push(...o.normaliseDiagnostics);
      result.enrichDiagnostics.push(...o.enrichDiagnostics);
      const a = o.article;
      const reusedNow = earlier.get(o.file)?.outcome === o;
      if (a) {
        result.index.add(a.digest, a.features);
        result.inputs.set(a.digest.id, a.input);
        result.locs.set(a.digest.id, a.loc);
        live.set(a.key, a.loc);
        articleFiles.push(o.file);
        if (a.cached || reusedNow) stats.hits++;
        else stats.misses++;
      }
      options.onProgress?.(++done, files.length);
    }
  }
  // Before any thread reads an entry another one wrote.
  result.threadHeaps = (await pool.broadcast('seal', {})).map((m) => m.heapTotal);
  result.ingestDiagnostics.push(...unaccounted(found.files, articleFiles, [...result.ingestDiagnostics, ...result.normaliseDiagnostics, ...result.enrichDiagnostics]));

  const remember = () => {
    if (!session) return;
    session.documents = kept;
    session.salt = salt;
    session.storeDir = storeDir ?? undefined;
  };
  if (options.cacheDir !== undefined) {
    const cacheDir = options.cacheDir;
    // With the cache, the previous build's slugs keep URLs stable when a newcomer sorts first.
    const previous = await loadSlugs(cacheDir);
    result.settle = (d) => assignSlugs(d, 'artikel', previous);
    const threads = Math.max(1, pool.threads);
    result.save = async (articles) => {
      if (cache) {
        const saved = saveCacheIndex(cache, live, segment + threads);
        if (session) relocate(session, saved);
      }
      await saveSlugs(cacheDir, articles);
    };
  } else {
    result.settle = (d) => assignSlugs(d, 'artikel');
  }
  if (cache || session) result.cache = stats;
  // Valid results whatever happens to the rest of the build: a failed build's next try reuses them.
  remember();
  return result;
}
