/** What ingest hands to normalise: one decoded input file. No interpretation yet. */
export interface RawDocument {
  /** Stable id from the file name without extension, e.g. `000_0196cf2e184cccf0`. */
  id: string;
  /** Path relative to the seeds folder, posix separators. */
  sourceFile: string;
  format: 'txt' | 'md';
  /** sha256 (hex) of the raw bytes as read from disk. */
  sha256: string;
  byteLength: number;
  /**
   * The body text, decoded and settled: BOM stripped, LF line ends, NFC, NBSP/tabs → space,
   * soft hyphens removed, HTML entities decoded. Front matter removed.
   */
  text: string;
  /** Number of lines that preceded `text` in the file (front matter); add to a 1-based line in `text`. */
  lineOffset: number;
  /** Front matter data as parsed by gray-matter, untrusted and unvalidated. Empty object when absent. */
  frontMatter: Record<string, unknown>;
  /** The front matter block as written (for date-as-written extraction), or '' when absent. */
  frontMatterRaw: string;
}
