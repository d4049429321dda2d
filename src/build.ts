/**
 * build: composes the stages. ingest → normalise → enrich → index → render → write.
 * `build({ write: false })` returns the whole site in memory (for tests and `check`).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { CORPUS_FILE, DEFAULT_KNOWLEDGE, parseKnowledge } from './config/corpus.ts';
import { checkOutputDir } from './config/guard.ts';
import type { SiteModel } from './index/index.ts';
import { discoverAll } from './ingest/index.ts';
import { loadTheme } from './ingest/templates.ts';
import { diag, type Diagnostic } from './model/diagnostic.ts';
import type { ArticleDigest } from './model/digest.ts';
import type { Knowledge } from './model/knowledge.ts';
import type { SiteItem } from './model/page.ts';
import type { Theme } from './model/theme.ts';
import { pipelineVersion } from './cache/version.ts';
import { defaultWorkers, startPool, type Pool } from './parallel/pool.ts';
import { retired, sessionPool, type BuildSession } from './session.ts';
import { renderInMemory, writePages } from './parallel/pages.ts';
import { runDocumentStages } from './parallel/stage.ts';
import { createContext } from './render/context.ts';
import { renderSite } from './render/index.ts';
import { segmentReader, type RecordReader } from './cache/store.ts';
import { stageOutput, type WriteStats } from './write/index.ts';
import { siteViewData, type SiteViewData } from './render/pages/site-view.ts';
import { previewBase } from './preview.ts';

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
  /** State kept between builds of one process (`dev`): its threads, and the files it need not read again (session.ts). */
  session?: BuildSession;
  /**
   * Keep the returned site model whole, for a caller that renders it again (tests, tools). By
   * default the build lets go of its search postings once the search files are made
   * (render/index.ts `consume`; ~0.4 GB at 100 000 articles), so `result.site` cannot make them again.
   */
  keepSite?: boolean;
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
      // node --expose-gc: measure what is live, not what the collector has not reached yet
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
      process.stderr.write(`[trace] ${stage}: ${ms} ms · RSS ${mb(m.rss)} · heap ${mb(m.heapUsed)} · extern ${mb(m.external)}\n`);
    }
  : undefined;

/**
 * While the pages are made, the main thread's live heap (the site model) stays put and nearly all
 * it allocates (view models, JSON, HTML) is garbage at once; the threads are the same. V8's default
 * lets a heap grow up to 4× its live size before the next full collection, and at 10 000 articles
 * that headroom is what pushes the peak RSS past 1 GB. During the pages V8 may grow a heap by
 * RENDER_HEAP_GROWING_PERCENT only (a V8 flag, process-wide, read at every collection), then the
 * default is back. Measured at 10 000 articles (docs/performance.md): peak RSS −5…−15 %, wall time
 * within the machine's noise.
 */
const RENDER_HEAP_GROWING_PERCENT = 30;
/** Below this many articles the heap stays small anyway and the tighter growth only adds full collections. */
const TIGHT_HEAP_MIN_ARTICLES = 1000;
export function tightHeapGrowth(articles: number): { collect: () => void; restore: () => void } {
  if (articles < TIGHT_HEAP_MIN_ARTICLES) return { collect: () => {}, restore: () => {} };
  v8.setFlagsFromString(`--heap-growing-percent=${RENDER_HEAP_GROWING_PERCENT}`);
  return {
    collect: fullCollection,
    restore: () => v8.setFlagsFromString('--heap-growing-percent=0'), // 0: V8's own dynamic factor (its default)
  };
}

/**
 * One full collection now. The flag above only counts from the next full collection on, when V8
 * sets the heap's next limit from what is live; the last one, late in the document stage, set it
 * with the default factor (up to 4×), and until the heap reached that limit the pages' garbage
 * piled up: in a 10 000 build the main heap grew from ~230 MB live to ~500 MB. Collected right
 * when the pages begin, it stays under ~360 MB (docs/performance.md, "Peak memory"); the
 * collection itself takes ~0.1 s. V8's `gc` is reached through a fresh context, since
 * `--expose-gc` is set at run time.
 */
let gc: (() => void) | null | undefined;
function fullCollection(): void {
  if (gc === undefined) {
    v8.setFlagsFromString('--expose-gc');
    // null where a Node does not expose it this way: the build then only misses the collection
    const found: unknown = vm.runInNewContext('typeof gc === "function" ? gc : null');
    gc = typeof found === 'function' ? (found as () => void) : null;
  }
  gc?.();
}

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
  // A session's previous build may still be removing the output it replaced (write/ deferRemoval):
  // waited for first, so that a rebuild right after does not compete with it for the disk and
  // this thread (measured: ~0.3 s slower when it ran alongside the document stage).
  if (options.session) await retired(options.session);
  const loaded = await loadKnowledge(options.seedsDir);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.knowledge) throw new BuildError(`${CORPUS_FILE} ist ungültig; Build abgebrochen`, diagnostics);
  let knowledge = loaded.knowledge;
  if (options.baseUrl !== undefined) knowledge = { ...knowledge, site: { ...knowledge.site, baseUrl: options.baseUrl } };
  const theme = await loadTheme(options.seedsDir);
  const found = await discoverAll(options.seedsDir);
  const session = options.session;
  const pool = session ? sessionPool(session, found.files.length, options.workers) : startPool(options.workers ?? defaultWorkers(found.files.length));
  const cacheDir = cacheDirFor(options);
  // Worker threads read records back from files; without a cache they go to a temporary folder
  // (a session keeps its own: the records of unchanged files are read from there next time).
  let tempStore: string | undefined;
  if (cacheDir === undefined && (pool.threads > 0 || session)) {
    if (session) tempStore = session.ownStore ??= await mkdtemp(path.join(os.tmpdir(), 'presseschau-store-'));
    else tempStore = await mkdtemp(path.join(os.tmpdir(), 'presseschau-store-'));
  }
  try {
    return await buildWith(options, knowledge, theme, found, pool, cacheDir, tempStore, diagnostics, timings, lap);
  } finally {
    await pool.broadcast('end', {}).catch(() => {});
    if (!session) {
      await pool.close();
      if (tempStore !== undefined) await rm(tempStore, { recursive: true, force: true });
    }
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
    ...(options.session ? { session: options.session } : {}),
    onProgress: (done, total) => progress('enrich', done, total),
  });
  diagnostics.push(...docs.ingestDiagnostics, ...docs.normaliseDiagnostics, ...docs.enrichDiagnostics);
  if (docs.cache) timings.cacheHits = docs.cache.hits;
  lap('normalise+enrich');
  if (trace && docs.threadHeaps && pool.threads > 0) process.stderr.write(`[trace] thread heaps: ${docs.threadHeaps.map((b) => `${Math.round(b / 1048576)} MB`).join(', ')}\n`);

  if (docs.index.size === 0) {
    throw new BuildError('Kein gültiger Artikel im Korpus; nichts zu bauen', diagnostics);
  }
  if (options.strict && diagnostics.some((d) => d.severity !== 'info')) {
    throw new BuildError('--strict: der Build hat Warnungen; abgebrochen', diagnostics);
  }

  const storeDir = docs.storeDir;
  const records = pool.localReader() ?? (storeDir !== null ? segmentReader(storeDir) : undefined);
  const site = docs.index.finish(knowledge, { files: docs.files, diagnostics, inputs: docs.inputs, locs: docs.locs, ...(records ? { records } : {}) }, docs.settle);
  lap('index');

  const result: BuildResult = { ok: true, records: site.articles, site, diagnostics, files: docs.files, timings };
  const heap = tightHeapGrowth(docs.index.size);
  let viewSent: Promise<unknown> = Promise.resolve();
  try {
    // What the threads need to build article pages themselves (render/pages/site-view.ts). A session
    // keeps it for previews of edited articles; a plain build lets it go as soon as it is sent.
    let viewData: SiteViewData | undefined = siteViewData(site);
    // Not awaited: the threads are idle (the document stage ended with 'seal'), so each gets it
    // posted now, before any page job, and this thread goes on while they take it in (~0.17 s at
    // 10 000 articles). Awaited below; if a thread failed to take it, that is the error raised.
    viewSent = pool.broadcast('site', viewData);
    viewSent.catch(() => {});
    const ctx = createContext(site.knowledge.site, theme);
    const preview = options.session ? previewBase(options.seedsDir, site, viewData, ctx) : undefined;
    viewData = undefined;
    heap.collect();
    const pages: Iterable<SiteItem> = renderSite(site, theme, ctx, { consume: options.keepSite !== true });
    if (options.write === false) {
      result.pages = await renderInMemory(pages, pool, records);
      await viewSent;
      lap('render');
      return result;
    }
    await writeSite(options, pages, pool, records, cacheDir, theme, knowledge, diagnostics, result, lap, () => progress('write', 0, 0));
    await viewSent;
    // What `dev` renders an edited article's page against until the next build has landed.
    if (options.session && preview) options.session.preview = preview;
  } catch (error) {
    await viewSent; // its failure explains the pages' failures
    throw error;
  } finally {
    heap.restore();
    if (records !== pool.localReader()) records?.close();
  }
  await docs.save(site.articles);
  return result;
}

async function writeSite(
  options: BuildOptions,
  pages: Iterable<SiteItem>,
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
  const session = options.session;
  const staged = await stageOutput(options.outDir, {
    ...(cacheDir !== undefined ? { manifest: path.join(cacheDir, 'pages.json'), salt: await pageSalt(theme, knowledge) } : {}),
    // `dev`: the new site is served as soon as it is in place; the old one goes meanwhile.
    ...(session ? { deferRemoval: true } : {}),
  });
  for (const note of staged.recovered) diagnostics.push(diag(path.basename(options.outDir), 'info', 'write', 'recovered-output', note));
  try {
    await writePages(pages, staged, pool, records, tick);
    lap('render+write');
    result.written = await staged.commit();
    if (session) session.retiring = staged.retired();
    lap('commit');
    const w = result.written;
    if (trace) process.stderr.write(`[trace] files: ${w.files} · linked ${w.linked ?? 0} (not rendered: ${w.skipped ?? 0}) · written ${w.files - (w.linked ?? 0)} · copied ${Math.round((w.copied ?? 0) / 1048576)} MB\n`);
  } catch (error) {
    // The page's error is what the user must see; a staging folder that could not be removed is
    // removed by a later build's recovery (write/recover.ts) once this process has ended.
    await staged.abort().catch(() => {});
    throw error;
  }
}
