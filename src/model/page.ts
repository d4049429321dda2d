/** What render/ produces and write/ writes: a file of the site, by its path relative to dist/. */
export interface Page {
  /** posix path relative to the output folder, e.g. `artikel/foo.html`. Never absolute, never `..`. */
  path: string;
  content: string | Uint8Array;
}
