/**
 * build: composes the stages. ingest → normalise → enrich → index → render → write.
 * `build({ write: false })` returns the whole site in memory (for tests and `check`).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_FILE, DEFAULT_KNOWLEDGE, parseKnowledge } from './config/corpus.ts';
import { checkOutputDir } from './config/guard.ts';
import { buildSiteModel, type SiteModel } from './index/index.ts';
import { ingest } from './ingest/index.ts';
import { loadTheme } from './ingest/templates.ts';
import { diag, type Diagnostic } from './model/diagnostic.ts';
import type { EnrichedArticle } from './model/enriched.ts';
import type { Knowledge } from './model/knowledge.ts';
import { contentToValue, isLazyPage, type AnyPage } from './model/page.ts';
import type { Theme } from './model/theme.ts';
import { pipelineVersion } from './cache/version.ts';
import { runDocumentStages } from './parallel/stage.ts';
import { renderSite } from './render/index.ts';
import { stageOutput, type WriteStats } from './write/index.ts';

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
  /** Worker threads for normalise + enrich; default one per core for 200+ documents (src/parallel/). */
  workers?: number;
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
  records: EnrichedArticle[];
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

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - t) * 10) / 10;
    t = now;
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

  const ingested = await ingest(options.seedsDir);
  diagnostics.push(...ingested.diagnostics);
  lap('ingest');

  const progress = options.onProgress ?? (() => {});
  progress('ingest', ingested.files.length, ingested.files.length);
  // normalise + enrich per document: cached by content, on worker threads when it pays (src/parallel/).
  const cacheDir = cacheDirFor(options);
  const docStages = await runDocumentStages(ingested.documents, knowledge, {
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: (done, total) => progress('enrich', done, total),
  });
  diagnostics.push(...docStages.normaliseDiagnostics, ...docStages.enrichDiagnostics);
  const records = docStages.records;
  if (docStages.cache) timings.cacheHits = docStages.cache.hits;
  lap('normalise+enrich');

  if (records.length === 0) {
    throw new BuildError('Kein gültiger Artikel im Korpus; nichts zu bauen', diagnostics);
  }
  if (options.strict && diagnostics.some((d) => d.severity !== 'info')) {
    throw new BuildError('--strict: der Build hat Warnungen; abgebrochen', diagnostics);
  }

  const site = buildSiteModel(records, knowledge, { files: ingested.files, diagnostics, inputs: docStages.inputs });
  lap('index');

  const result: BuildResult = { ok: true, records: site.articles, site, diagnostics, files: ingested.files, timings };
  const theme = await loadTheme(options.seedsDir);
  const pages: Iterable<AnyPage> = renderSite(site, theme);
  if (options.write === false) {
    result.pages = new Map();
    for (const p of pages) result.pages.set(p.path, contentToValue(isLazyPage(p) ? p.render() : p.content));
    lap('render');
    return result;
  }
  // The page manifest lives in the record cache: with it, lazy pages whose key did not change are linked, not rendered.
  const staged = await stageOutput(
    options.outDir,
    cacheDir !== undefined ? { manifest: path.join(cacheDir, 'pages.json'), salt: await pageSalt(theme, knowledge) } : {},
  );
  for (const note of staged.recovered) diagnostics.push(diag(path.basename(options.outDir), 'info', 'write', 'recovered-output', note));
  try {
    let n = 0;
    for (const p of pages) {
      await staged.write(p);
      progress('write', ++n, 0);
    }
    lap('render+write');
    result.written = await staged.commit();
    lap('commit');
  } catch (error) {
    await staged.abort();
    throw error;
  }
  return result;
}
