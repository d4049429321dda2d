/**
 * What ingest hands to render for the look of the site: template sources and static assets,
 * read from disk once (only ingest/ reads the disk). Render compiles the templates; it never
 * opens a file itself.
 */
export interface Theme {
  /** Template source by name without extension (`layout`, `article`, `partials/meta`, …). */
  templates: ReadonlyMap<string, string>;
  /** Static files copied as they are, by path relative to the output folder (`assets/style.css`). */
  assets: ReadonlyMap<string, Uint8Array>;
  /** Where each template and asset came from (built-in or override folder), for the build report. */
  origins: ReadonlyMap<string, string>;
}
