/**
 * What render/ produces and write/ writes: a file of the site, by its path relative to dist/.
 * The build takes any `AnyPage`: a plain Page or ChunkedPage (content at hand), a SpecPage (a view
 * model, rendered wherever the build runs it: on a worker thread for big corpora) or a
 * RecordsPage (JSON of full records, read back from the record store).
 */
import type { RecordLoc, RecordPatch } from './digest.ts';

export interface Page {
  /** posix path relative to the output folder, e.g. `artikel/foo.html`. Never absolute, never `..`. */
  path: string;
  content: string | Uint8Array;
}

/**
 * Large files (api/articles.json, report.json) as an iterable of string chunks (e.g. a generator),
 * so no single giant string has to exist; the writer streams the chunks to the file.
 */
export interface ChunkedPage {
  path: string;
  content: Iterable<string>;
}

export type PageContent = string | Uint8Array | Iterable<string>;

/**
 * A page that may not need rendering (incremental builds): `key` is a cheap fingerprint of
 * everything `render()` reads (e.g. a hash of the record and the links it shows). When the
 * previous build wrote the same path with the same key, and that file is still there, the writer
 * hard-links it instead of calling `render()`. The key must change whenever the output would;
 * theme and code changes are covered by the writer (it salts keys with the pipeline version).
 */
export interface LazyPage {
  path: string;
  key: string;
  render(): PageContent;
}

/**
 * A page given by its view model (render/context.ts `PageSpec`: plain JSON data), so it can be
 * rendered on any thread and keyed without being rendered: the key is a hash of `spec` and
 * `extra` (render/lazy.ts). Renderable only by render/ (renderSpecPage); opaque to everyone else.
 */
export interface SpecPage {
  kind: 'spec';
  path: string;
  spec: unknown;
  /** JSON data the page depends on besides `spec` (an article's record fingerprint, the paths its body links). */
  extra?: unknown;
  /** An article page: its body comes from the full record in the record store. */
  article?: ArticleSource;
  /**
   * A key of everything the page is made of, known before its view model (render/lazy.ts
   * deferredSpecPage): the writer compares it with the previous build's and, when equal, links
   * the previous file and never builds `spec`. Absent: the key is a hash of `spec`.
   */
  inputKey?: string;
}

/** Where an article page or the API finds the full record, and what the corpus stages changed in it. */
export interface ArticleSource {
  loc: RecordLoc;
  patch: RecordPatch;
  /** Page path of each entity in `record.entities` (same order), null where it has none. */
  entityPaths?: (string | null)[];
}

/**
 * A JSON array of full records (api/articles.json): too big to hold as one string at 100 000
 * articles and made of records that live in the record store, so the build streams it record by
 * record from the stored bytes (render/pages/api.ts recordsFile); a rebuild copies the records
 * whose fingerprint is unchanged from the previous file (write/ writeParts).
 */
export interface RecordsPage {
  kind: 'records';
  path: string;
  /** Changes whenever the content would (the records' fingerprints in order). */
  key: string;
  records: ArticleSource[];
  /** The fingerprint of each record (render/lazy.ts recordKey), same order. */
  keys: string[];
}

/**
 * An article page, named by its record: its view model is made where the full record is read —
 * a worker thread for big corpora — from the record and the site view (render/pages/site-view.ts).
 */
export interface ArticlePage {
  kind: 'article';
  path: string;
  source: ArticleSource;
  /** What the record was made from (source file + sha256 of its bytes): its fingerprint for the page key. */
  input?: string;
  /** With `input`: what the page reads besides the site view's lookups by its id, for its key (render/pages/article.ts articleInputKey). */
  reads?: ArticleReads;
}

/** The record's fingerprint and the ids of what its page looks up in the site view (from the digest). */
export interface ArticleReads {
  record: string;
  entities: string[];
  events: string[];
  quotes: number;
}

/** One part of a PartedFile: its bytes are a function of its key (and the writer's salt). */
export interface KeyedPart {
  key: string;
  pieces: () => Iterable<string | Uint8Array>;
}

/** A file as `head`, its parts in order, `tail`; the keys of the parts are unique. */
export interface PartedFile {
  head: string;
  parts: readonly KeyedPart[];
  tail: string;
}

/**
 * A large file made of keyed parts whose content is at hand (`_build/report.json`, see
 * render/json-chunks.ts jsonParts): written through write/ writeParts like api/articles.json, so
 * a rebuild links it when `key` matched, else copies the parts the previous file had and makes
 * only the others.
 */
export interface PartedPage {
  kind: 'parts';
  path: string;
  /** Changes whenever the content would (e.g. a hash of the parts' keys in order). */
  key: string;
  file: PartedFile;
}

/**
 * Every article page, made one by one when the writer asks for the next (renderSite's `consume`,
 * what the build uses). The threads take ~100 s to render the article pages of 100 000 articles
 * while the main thread goes on with the corpus pages; as a stream only the batches under way
 * exist at a time, not a descriptor for every article page (at 100 000 articles the peak RSS did
 * not measurably change: a bound by design, docs/performance.md).
 */
export interface ArticleStream {
  kind: 'articles';
  /** The article pages in site order; each is made when `next` is called. */
  pages: Iterator<ArticlePage>;
}

export type AnyPage = Page | ChunkedPage | LazyPage | SpecPage | RecordsPage | PartedPage | ArticlePage;

/** What renderSite yields: pages, and with `consume` the article pages as one stream. */
export type SiteItem = AnyPage | ArticleStream;

export const isLazyPage = (p: AnyPage): p is LazyPage => typeof (p as Partial<LazyPage>).render === 'function';
export const isSpecPage = (p: AnyPage): p is SpecPage => (p as Partial<SpecPage>).kind === 'spec';
export const isRecordsPage = (p: AnyPage): p is RecordsPage => (p as Partial<RecordsPage>).kind === 'records';
export const isPartedPage = (p: AnyPage): p is PartedPage => (p as Partial<PartedPage>).kind === 'parts';
export const isArticlePage = (p: AnyPage): p is ArticlePage => (p as Partial<ArticlePage>).kind === 'article';
export const isArticleStream = (p: SiteItem): p is ArticleStream => (p as Partial<ArticleStream>).kind === 'articles';

/** Joins chunked content (for in-memory builds and tests); strings and bytes pass unchanged. */
export function contentToValue(content: PageContent): string | Uint8Array {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  let s = '';
  for (const chunk of content) s += chunk;
  return s;
}

/** A parted file joined (in-memory builds and tests). */
export function partedText(file: PartedFile): string {
  const pieces = [file.head, ...file.parts.flatMap((part) => [...part.pieces()]), file.tail];
  return Buffer.concat(pieces.map((x) => (typeof x === 'string' ? Buffer.from(x) : x))).toString('utf8');
}
