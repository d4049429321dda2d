/**
 * The jobs the build hands to its threads (pool.ts), one handler per kind in a registry. Each
 * thread keeps a small state between jobs: the compiled knowledge, the render context, and this
 * build's record store (a writer for the documents it makes, a reader for any entry).
 *
 *   begin     → settings of one build: knowledge, theme, cache key salt, record store, cache entries
 *   documents → files (their bytes) through the document stages (document.ts)
 *   seal      → flush this thread's record store writer (before anyone reads its entries)
 *   render    → spec pages (view models as JSON) rendered to UTF-8 bytes (render/lazy.ts)
 *   site      → the site view for article pages (render/pages/site-view.ts), once per build
 *   articles  → article pages built from their records, keyed, and placed in the staging folder by
 *               the thread (rendered and written, or linked from the previous output)
 *   articleHtml → article pages rendered to UTF-8 bytes (in-memory builds)
 *   end       → release files
 *
 * The main thread reads the inputs and writes the corpus pages; the threads write the article
 * pages they render (into the staging folder the main thread made; write/ placeKeyed).
 */
import { createHash } from 'node:crypto';
import { memoryStore, segmentReader, segmentWriter, type RecordReader, type RecordWriter } from '../cache/store.ts';
import { compiledKnowledge, type CompiledKnowledge } from '../enrich/index.ts';
import { topicNeedles } from '../index/digest.ts';
import { shippers, type Shippers } from '../index/features.ts';
import { ruleDescriptions } from '../index/rules.ts';
import type { RecordLoc } from '../model/digest.ts';
import type { Knowledge } from '../model/knowledge.ts';
import type { ArticlePage, ArticleSource } from '../model/page.ts';
import { articlePageSpec } from '../render/pages/article.ts';
import { placeKeyed, placeLinked, type Placed, type Target } from '../write/index.ts';
import { siteView, type SiteView, type SiteViewData } from '../render/pages/site-view.ts';
import { createContext, type RenderContext } from '../render/context.ts';
import { renderSpecPage, type SpecEnv } from '../render/lazy.ts';
import { processFile, type DocumentInput, type DocumentOutcome } from './document.ts';

export interface BeginRequest {
  knowledge: Knowledge;
  /** Template sources by name (assets are the main thread's: they are copied, not rendered). */
  templates: Map<string, string>;
  /** Cache key salt: code version, corpus.yml, store format. */
  salt: string;
  /** Folder of the record store; null = in memory (only for the inline pool). */
  storeDir: string | null;
  /** This build's first segment number; thread i writes segment `segment + i`. */
  segment: number;
  /** Entries of earlier builds, by cache key. */
  cached?: Map<string, RecordLoc>;
  /** Per thread index, how many shipped names the main thread's vocabulary holds (index/vocabulary.ts). */
  known: { terms: number[]; features: number[] };
}

/** A spec page as it travels: its view model as JSON (the main thread keyed it by these bytes). */
export interface SpecJob {
  path: string;
  spec: string;
  article?: ArticleSource;
}

/** An article page to build from its record and place in the staging folder (not rendered when its key is unchanged). */
export interface ArticleJob {
  page: ArticlePage;
  target: Target;
  /**
   * Only link the previous file if the key matches, answer null otherwise (the page is then sent
   * again in full). Sent without the quotations' `sameAs` lists, which the key does not read
   * (they are in the record's fingerprint, `page.reads`): at 10 000 articles they are ~36 MB that
   * every rebuild would copy to the threads for pages that are almost all linked.
   */
  keyOnly?: true;
}

interface Requests {
  begin: BeginRequest;
  documents: { inputs: DocumentInput[] };
  seal: Record<string, never>;
  render: { pages: SpecJob[] };
  site: SiteViewData;
  articles: { items: ArticleJob[] };
  articleHtml: { pages: ArticlePage[] };
  end: Record<string, never>;
}

interface Results {
  begin: null;
  documents: DocumentOutcome[];
  /** The thread's heap after sealing (for PRESSESCHAU_TRACE). */
  seal: { heapUsed: number; heapTotal: number };
  /** UTF-8, each in its own buffer (moved to the main thread, not copied). */
  render: Uint8Array[];
  site: null;
  /** Per item what placing it did; null for a keyOnly job whose page could not be linked. */
  articles: (Placed | null)[];
  /** UTF-8, each in its own buffer (in-memory builds). */
  articleHtml: Uint8Array[];
  end: null;
}

export type JobKind = keyof Requests;

/** A job as posted to a thread (pool.ts): its request as it is, or v8-serialised (a broadcast). */
export type JobMessage = { id: number; kind: JobKind } & ({ request: unknown; packed?: undefined } | { packed: Uint8Array; request?: undefined });
export type JobRequest<K extends JobKind> = Requests[K];
export type JobResult<K extends JobKind> = Results[K];

export interface JobState {
  readonly index: number;
  ck: CompiledKnowledge | undefined;
  themeHash: string | undefined;
  ctx: RenderContext | undefined;
  build: BeginRequest | undefined;
  writer: RecordWriter | undefined;
  reader: RecordReader | undefined;
  view: SiteView | undefined;
  /** topicNeedles of this build's corpus.yml. */
  topics: string[] | undefined;
  /** Index terms and features go to the main thread as numbers (index/vocabulary.ts); kept as long as the thread. */
  readonly ship: Shippers;
}

export function createJobState(index: number): JobState {
  return { index, ck: undefined, themeHash: undefined, ctx: undefined, build: undefined, writer: undefined, reader: undefined, view: undefined, topics: undefined, ship: shippers(index) };
}

const encoder = new TextEncoder();
const hash = (value: string) => createHash('sha1').update(value).digest('hex');

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Worker: ${what} fehlt (kein „begin“ vor diesem Auftrag)`);
  return value;
}

type Handler<K extends JobKind> = (state: JobState, request: Requests[K]) => Results[K];

const handlers: { [K in JobKind]: Handler<K> } = {
  begin(state, request) {
    state.ck = compiledKnowledge(request.knowledge);
    const th = hash(JSON.stringify([request.knowledge.site, [...request.templates].sort((a, b) => (a[0] < b[0] ? -1 : 1))]));
    if (state.themeHash !== th) {
      state.ctx = createContext(request.knowledge.site, { templates: request.templates, assets: new Map(), origins: new Map() });
      state.themeHash = th;
    }
    closeStore(state);
    if (request.storeDir === null) {
      const mem = memoryStore();
      state.writer = mem;
      state.reader = mem;
    } else {
      state.writer = segmentWriter(request.storeDir, request.segment + state.index);
      state.reader = segmentReader(request.storeDir);
    }
    state.build = request;
    state.topics = undefined;
    state.ship.terms.rollback(request.known.terms[state.index] ?? 0);
    state.ship.features.rollback(request.known.features[state.index] ?? 0);
    return null;
  },
  documents(state, request) {
    const build = need(state.build, 'Build');
    const ctx = {
      ck: need(state.ck, 'Wissen'),
      topics: (state.topics ??= topicNeedles(build.knowledge.events)),
      salt: build.salt,
      writer: need(state.writer, 'Datensatzspeicher'),
      ...(build.cached ? { cached: build.cached } : {}),
      ...(state.reader ? { reader: state.reader } : {}),
      ship: state.ship,
    };
    return request.inputs.map((input) => processFile(input, ctx));
  },
  seal(state) {
    state.writer?.close();
    state.writer = undefined;
    const { heapUsed, heapTotal } = process.memoryUsage();
    return { heapUsed, heapTotal };
  },
  render(state, request) {
    const env = specEnv(state);
    return request.pages.map((job) => {
      const page = { kind: 'spec' as const, path: job.path, spec: JSON.parse(job.spec) as unknown, ...(job.article ? { article: job.article } : {}) };
      return encoder.encode(renderSpecPage(page, env));
    });
  },
  site(state, request) {
    state.view = siteView(request);
    return null;
  },
  articles(state, request) {
    const env = specEnv(state);
    return request.items.map((job) => {
      // The key first; the page is rendered only when placeKeyed cannot link the previous file.
      const built = articlePageSpec(job.page, env);
      if (job.keyOnly) return placeLinked(job.target, built.key);
      return placeKeyed(job.target, built.key, () => built.render());
    });
  },
  articleHtml(state, request) {
    const env = specEnv(state);
    return request.pages.map((page) => encoder.encode(articlePageSpec(page, env).render()));
  },
  end(state) {
    closeStore(state);
    state.build = undefined;
    state.view = undefined;
    return null;
  },
};

function specEnv(state: JobState): SpecEnv {
  return { ctx: need(state.ctx, 'Theme'), ruleDescriptions: ruleDescriptions(), ...(state.reader ? { records: state.reader } : {}), ...(state.view ? { view: state.view } : {}) };
}

function closeStore(state: JobState): void {
  state.writer?.close();
  state.reader?.close();
  state.writer = undefined;
  state.reader = undefined;
}

/** What a result can hand over instead of copying: the buffers of rendered pages (own buffers only). */
export function transferables(result: unknown): ArrayBuffer[] {
  if (!Array.isArray(result)) return [];
  const out: ArrayBuffer[] = [];
  const own = (r: unknown) => {
    if (r instanceof Uint8Array && r.byteOffset === 0 && r.buffer instanceof ArrayBuffer && r.buffer.byteLength === r.byteLength) out.push(r.buffer);
  };
  for (const r of result) {
    own(r);
    if (r !== null && typeof r === 'object' && 'bytes' in r) own((r as { bytes?: unknown }).bytes);
  }
  return out;
}

export function handle<K extends JobKind>(state: JobState, kind: K, request: Requests[K]): Results[K] {
  const handler = handlers[kind] as Handler<K>; // the registry is complete for JobKind
  return handler(state, request);
}
