/**
 * build: composes the stages. ingest → normalise → enrich → index → render → write.
 * `build({ write: false })` returns the whole site in memory (for tests and `check`).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CORPUS_FILE, DEFAULT_KNOWLEDGE, parseKnowledge } from './config/corpus.ts';
import { checkOutputDir } from './config/guard.ts';
import type { SiteModel } from './index/index.ts';
import { discoverAll } from './ingest/index.ts';
import { loadTheme } from './ingest/templates.ts';
import { diag, type Diagnostic } from './model/diagnostic.ts';
import type { ArticleDigest } from './model/digest.ts';
import type { Knowledge } from './model/knowledge.ts';
import { contentToValue, isArticlePage, isLazyPage, isRecordsPage, isSpecPage, type AnyPage, type ArticlePage, type SpecPage } from './model/page.ts';
import type { Theme } from './model/theme.ts';
import { pipelineVersion } from './cache/version.ts';
import { defaultWorkers, startPool, type Pool } from './parallel/pool.ts';
import { runDocumentStages } from './parallel/stage.ts';
import { createContext } from './render/context.ts';
import { renderSite } from './render/index.ts';
import { segmentReader, type RecordReader } from './cache/store.ts';
import type { SpecJob } from './parallel/jobs.ts';
import { specKeyOf } from './render/lazy.ts';
import { recordsPagePieces } from './render/pages/api.ts';
import { stageOutput, type Claim, type Reservation, type StagedOutput, type WriteStats } from './write/index.ts';
import { siteViewData } from './render/pages/site-view.ts';

export interface BuildOptions {
  seedsDir: string;
  outDir: string;
  /** Overrides `site.baseUrl` from corpus.yml. */
  baseUrl?: string;
  /** Any diagnostic fails the build. */
  strict?: boolean;
  /** false: render in memory, touch nothing on disk. Default true. */
  write?: boolean;
  /**
   * Called as each stage advances (for the CLI's progress line). `total` is 0 when unknown
   * (pages are streamed). Default: none. Must be cheap: it runs inside the stage loops.
   */
  onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Record cache for incremental builds (src/cache/): a folder, or false for none. Default: when
   * writing, `<parent of outDir>/.presseschau-cache/<name of outDir>/`; never with `write: false`.
   */
  cache?: string | false;
  /** Worker threads for the document stages and the pages; default one per core for 200+ documents (src/parallel/). */
  workers?: number;
  /** Threads to run on instead of starting (and closing) a pool for this build (`dev` keeps one). */
  pool?: Pool;
}

function cacheDirFor(options: BuildOptions): string | undefined {
  if (options.cache === false) return undefined;
  if (typeof options.cache === 'string') return options.cache;
  if (options.write === false) return undefined;
  const out = path.resolve(options.outDir);
  return path.join(path.dirname(out), '.presseschau-cache', path.basename(out));
}

/** What every page depends on besides its own data: code, theme and corpus settings (salts page keys). */
async function pageSalt(theme: Theme, knowledge: Knowledge): Promise<string> {
  const h = createHash('sha256').update(await pipelineVersion()).update('\0').update(JSON.stringify(knowledge));
  for (const [name, source] of [...theme.templates].sort((a, b) => (a[0] < b[0] ? -1 : 1))) h.update(`\0t${name}\0`).update(source);
  for (const [name, bytes] of [...theme.assets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) h.update(`\0a${name}\0`).update(bytes);
  return h.digest('hex').slice(0, 32);
}

export interface BuildResult {
  ok: boolean;
  /** The articles as the site model holds them (sorted by id); full records are in api/articles.json. */
  records: ArticleDigest[];
  site?: SiteModel;
  /** Only when `write: false`. */
  pages?: Map<string, string | Uint8Array>;
  diagnostics: Diagnostic[];
  files: string[];
  written?: WriteStats;
  timings: Record<string, number>;
}

export class BuildError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[]) {
    super(message);
    this.name = 'BuildError';
  }
}

export async function loadKnowledge(seedsDir: string): Promise<{ knowledge?: Knowledge; diagnostics: Diagnostic[] }> {
  let source: string;
  try {
    source = await readFile(path.join(seedsDir, CORPUS_FILE), 'utf8');
  } catch {
    return { knowledge: DEFAULT_KNOWLEDGE, diagnostics: [] };
  }
  const result = parseKnowledge(source, CORPUS_FILE);
  return result.ok ? { knowledge: result.knowledge, diagnostics: result.diagnostics } : { diagnostics: result.diagnostics };
}

/**
 * `PRESSESCHAU_TRACE=1`: each stage's wall time and the process memory on stderr, for profiling
 * (docs/performance.md). Not a diagnostic: it describes the run, not the corpus.
 */
const trace = process.env.PRESSESCHAU_TRACE
  ? (stage: string, ms: number) => {
      const m = process.memoryUsage();
      const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
      process.stderr.write(`[trace] ${stage}: ${ms} ms · RSS ${mb(m.rss)} · heap ${mb(m.heapUsed)} · extern ${mb(m.external)}\n`);
    }
  : undefined;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - t) * 10) / 10;
    t = now;
    if (trace) trace(name, timings[name] ?? 0);
  };
  const diagnostics: Diagnostic[] = [];
  if (options.write !== false) {
    // Before anything else: the writer replaces the output folder wholesale.
    const unsafe = checkOutputDir(options.outDir, { seedsDir: options.seedsDir });
    if (unsafe.length > 0) throw new BuildError(unsafe[0]!.message, unsafe);
  }
  const loaded = await loadKnowledge(options.seedsDir);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.knowledge) throw new BuildError(`${CORPUS_FILE} ist ungültig; Build abgebrochen`, diagnostics);
  let knowledge = loaded.knowledge;
  if (options.baseUrl !== undefined) knowledge = { ...knowledge, site: { ...knowledge.site, baseUrl: options.baseUrl } };
  const theme = await loadTheme(options.seedsDir);
  const found = await discoverAll(options.seedsDir);
  const pool = options.pool ?? startPool(options.workers ?? defaultWorkers(found.files.length));
  const cacheDir = cacheDirFor(options);
  // Worker threads read records back from files; without a cache they go to a temporary folder.
  const tempStore = cacheDir === undefined && pool.threads > 0 ? await mkdtemp(path.join(os.tmpdir(), 'presseschau-store-')) : undefined;
  try {
    return await buildWith(options, knowledge, theme, found, pool, cacheDir, tempStore, diagnostics, timings, lap);
  } finally {
    await pool.broadcast('end', {}).catch(() => {});
    if (!options.pool) await pool.close();
    if (tempStore !== undefined) await rm(tempStore, { recursive: true, force: true });
  }
}

async function buildWith(
  options: BuildOptions,
  knowledge: Knowledge,
  theme: Theme,
  found: Awaited<ReturnType<typeof discoverAll>>,
  pool: Pool,
  cacheDir: string | undefined,
  tempStore: string | undefined,
  diagnostics: Diagnostic[],
  timings: Record<string, number>,
  lap: (name: string) => void,
): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => {});
  lap('ingest');
  // read → normalise → enrich → digest per file: cached by content, on the pool's threads (src/parallel/).
  const docs = await runDocumentStages(options.seedsDir, found, knowledge, pool, {
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    ...(tempStore !== undefined ? { storeDir: tempStore } : {}),
    templates: theme.templates,
    onProgress: (done, total) => progress('enrich', done, total),
  });
  diagnostics.push(...docs.ingestDiagnostics, ...docs.normaliseDiagnostics, ...docs.enrichDiagnostics);
  if (docs.cache) timings.cacheHits = docs.cache.hits;
  lap('normalise+enrich');

  if (docs.index.size === 0) {
    throw new BuildError('Kein gültiger Artikel im Korpus; nichts zu bauen', diagnostics);
  }
  if (options.strict && diagnostics.some((d) => d.severity !== 'info')) {
    throw new BuildError('--strict: der Build hat Warnungen; abgebrochen', diagnostics);
  }

  const site = docs.index.finish(knowledge, { files: docs.files, diagnostics, inputs: docs.inputs, locs: docs.locs }, docs.settle);
  lap('index');

  const result: BuildResult = { ok: true, records: site.articles, site, diagnostics, files: docs.files, timings };
  // What the threads need to build article pages themselves (render/pages/site-view.ts).
  await pool.broadcast('site', siteViewData(site));
  const ctx = createContext(site.knowledge.site, theme);
  const pages: Iterable<AnyPage> = renderSite(site, theme, ctx);
  const storeDir = docs.storeDir;
  const records = pool.localReader() ?? (storeDir !== null ? segmentReader(storeDir) : undefined);
  try {
    if (options.write === false) {
      result.pages = await renderInMemory(pages, pool, records);
      lap('render');
      return result;
    }
    await writeSite(options, pages, pool, records, cacheDir, theme, knowledge, diagnostics, result, lap, () => progress('write', 0, 0));
  } finally {
    if (records !== pool.localReader()) records?.close();
  }
  await docs.save(site.articles);
  return result;
}

async function writeSite(
  options: BuildOptions,
  pages: Iterable<AnyPage>,
  pool: Pool,
  records: RecordReader | undefined,
  cacheDir: string | undefined,
  theme: Theme,
  knowledge: Knowledge,
  diagnostics: Diagnostic[],
  result: BuildResult,
  lap: (name: string) => void,
  tick: () => void,
): Promise<void> {
  // The page manifest lives in the build cache: with it, keyed pages whose key did not change are linked, not rendered.
  const staged = await stageOutput(
    options.outDir,
    cacheDir !== undefined ? { manifest: path.join(cacheDir, 'pages.json'), salt: await pageSalt(theme, knowledge) } : {},
  );
  for (const note of staged.recovered) diagnostics.push(diag(path.basename(options.outDir), 'info', 'write', 'recovered-output', note));
  try {
    await writePages(pages, staged, pool, records, tick);
    lap('render+write');
    result.written = await staged.commit();
    lap('commit');
  } catch (error) {
    await staged.abort();
    throw error;
  }
}

/** Spec pages per job: a few, so a job is worth a message and the threads stay evenly busy. */
const PAGE_BATCH = 16;

/** A spec page as the threads get it: its view model as JSON, which is also what its key hashes. */
function specJob(page: SpecPage): { job: SpecJob; key: string } {
  const spec = JSON.stringify(page.spec);
  return { job: { path: page.path, spec, ...(page.article ? { article: page.article } : {}) }, key: specKeyOf(page, spec) };
}

/**
 * Every page to the staging folder. The main thread builds the view models and keys them; spec
 * pages whose key changed go to the threads in batches and come back as bytes; api/articles.json
 * is copied from the record store; the main thread writes it all (write/ queues the files to
 * Node's I/O threads). At most a few batches per thread are in flight, so the main thread does
 * not run far ahead building view models.
 */
async function writePages(pages: Iterable<AnyPage>, staged: StagedOutput, pool: Pool, records: RecordReader | undefined, tick: () => void): Promise<void> {
  const inFlight: Promise<void>[] = [];
  const limit = Math.max(2, pool.threads * 3);
  const track = async (job: Promise<void>) => {
    job.catch(() => {}); // awaited below
    inFlight.push(job);
    while (inFlight.length > limit) await inFlight.shift();
  };
  let specs: { job: SpecJob; claim: Claim }[] = [];
  const flushSpecs = async () => {
    if (specs.length === 0) return;
    const items = specs;
    specs = [];
    await track(pool.run('render', { pages: items.map((i) => i.job) }).then(async (bytes) => {
      for (let i = 0; i < items.length; i++) await staged.fill((items[i] as { claim: Claim }).claim, bytes[i] as Uint8Array); // one result per page
    }));
  };
  let articles: { page: ArticlePage; reservation: Reservation }[] = [];
  const flushArticles = async () => {
    if (articles.length === 0) return;
    const items = articles;
    articles = [];
    const jobs = items.map((i) => (i.reservation.previousKey !== undefined ? { page: i.page, previousKey: i.reservation.previousKey } : { page: i.page }));
    await track(pool.run('articles', { items: jobs }).then(async (results) => {
      for (let i = 0; i < items.length; i++) {
        const { reservation, page } = items[i] as (typeof items)[number];
        const r = results[i] as { key: string; bytes?: Uint8Array }; // one result per item
        if (await staged.settle(reservation, r.key, r.bytes)) continue;
        // The key was unchanged but the previous file is gone: render it after all.
        const [again] = await pool.run('articles', { items: [{ page }] });
        if (!again?.bytes) throw new Error(`build: ${page.path} ohne vorigen Schlüssel nicht gerendert`);
        await staged.settle(reservation, again.key, again.bytes);
      }
    }));
  };
  const streams: Promise<void>[] = [];
  for (const page of pages) {
    if (isSpecPage(page)) {
      const { job, key } = specJob(page);
      const claim = staged.claim(page.path, key);
      if (claim) specs.push({ job, claim });
      if (specs.length >= PAGE_BATCH) await flushSpecs();
    } else if (isArticlePage(page)) {
      articles.push({ page, reservation: staged.reserve(page.path) });
      if (articles.length >= PAGE_BATCH) await flushArticles();
    } else if (isRecordsPage(page)) {
      if (!records) throw new Error(`build: ${page.path} braucht den Datensatzspeicher`);
      const stream = staged.writeStream(page.path, page.key, () => recordsPagePieces(page, records));
      stream.catch(() => {}); // awaited below
      streams.push(stream);
    } else await staged.write(page);
    tick();
  }
  await flushSpecs();
  await flushArticles();
  await Promise.all([...inFlight, ...streams]);
}

/** `build({ write: false })`: every page as its content, spec pages rendered by the pool. */
async function renderInMemory(pages: Iterable<AnyPage>, pool: Pool, records: RecordReader | undefined): Promise<Map<string, string | Uint8Array>> {
  const out = new Map<string, string | Uint8Array>();
  const specs: SpecJob[] = [];
  const articles: ArticlePage[] = [];
  const decoder = new TextDecoder();
  for (const p of pages) {
    if (isSpecPage(p)) {
      specs.push(specJob(p).job);
      out.set(p.path, '');
    } else if (isArticlePage(p)) {
      articles.push(p);
      out.set(p.path, '');
    } else if (isRecordsPage(p)) {
      if (!records) throw new Error(`build: ${p.path} braucht den Datensatzspeicher`);
      out.set(p.path, Buffer.concat([...recordsPagePieces(p, records)].map((x) => (typeof x === 'string' ? Buffer.from(x) : x))).toString('utf8'));
    } else out.set(p.path, contentToValue(isLazyPage(p) ? p.render() : p.content));
  }
  const jobs = [];
  for (let i = 0; i < specs.length; i += PAGE_BATCH) jobs.push(pool.run('render', { pages: specs.slice(i, i + PAGE_BATCH) }));
  (await Promise.all(jobs)).flat().forEach((html, i) => out.set((specs[i] as SpecJob).path, decoder.decode(html)));
  const rendered = [];
  for (let i = 0; i < articles.length; i += PAGE_BATCH) rendered.push(pool.run('articles', { items: articles.slice(i, i + PAGE_BATCH).map((page) => ({ page })) }));
  (await Promise.all(rendered)).flat().forEach((r, i) => out.set((articles[i] as ArticlePage).path, decoder.decode(r.bytes)));
  return out;
}
