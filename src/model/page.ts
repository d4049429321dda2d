/**
 * What render/ produces and write/ writes: a file of the site, by its path relative to dist/.
 * The writer (and build) take any `AnyPage`: a plain Page, a ChunkedPage or a LazyPage.
 */
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

export type AnyPage = Page | ChunkedPage | LazyPage;

export const isLazyPage = (p: AnyPage): p is LazyPage => typeof (p as Partial<LazyPage>).render === 'function';

/** Joins chunked content (for in-memory builds and tests); strings and bytes pass unchanged. */
export function contentToValue(content: PageContent): string | Uint8Array {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  let s = '';
  for (const chunk of content) s += chunk;
  return s;
}
