/**
 * ingest: the only stage that reads the corpus from disk. Discovers `**\/*.{txt,md}` under the
 * seeds folder (sorted), reads bytes, decodes and settles the text, splits front matter.
 * Every file ends up either as a RawDocument or as a diagnostic with the reason.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import type { RawDocument } from '../model/raw.ts';
import { decodeBytes, settleText } from './decode.ts';
import { splitFrontMatter } from './front-matter.ts';

export interface IngestOptions {
  /** Files larger than this are refused (default 8 MiB); news articles are kilobytes. */
  maxBytes?: number;
}

export interface IngestResult {
  documents: RawDocument[];
  diagnostics: Diagnostic[];
  /** Every file discovered, relative to the seeds folder, sorted. */
  files: string[];
}

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which corpus files are articles (the rest is corpus.yml, notes, images …). */
export const ARTICLE = /\.(txt|md)$/i;

/** Files in the seeds folder that are configuration, not articles. */
const KNOWN_NON_ARTICLES = new Set(['corpus.yml']);

export interface Discovery {
  /** Article candidates (`.txt`/`.md`, any kind of directory entry), sorted by code point. */
  files: string[];
  /** Entries that are not articles, each with the reason (info: nothing is lost silently). */
  diagnostics: Diagnostic[];
}

/**
 * List the corpus. Directory symlinks are NOT followed (one link to `/` would walk the whole
 * disk); file symlinks, pipes and dangling links named like articles are kept as candidates so
 * readDocument can refuse each with a reason instead of fast-glob dropping them silently.
 */
export async function discoverAll(seedsDir: string): Promise<Discovery> {
  const entries = await fg(['**/*'], {
    cwd: seedsDir,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    dot: false,
    ignore: ['**/node_modules/**'],
  });
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const e of entries.sort((a, b) => byCodePoint(a.path, b.path))) {
    if (e.dirent.isDirectory()) continue;
    if (ARTICLE.test(e.path)) {
      files.push(e.path);
    } else if (e.dirent.isSymbolicLink()) {
      diagnostics.push(diag(e.path, 'info', 'ingest', 'symlink-not-followed', 'Verknüpfung ohne .txt/.md-Endung; nicht verfolgt', { hint: 'Artikel als Datei in den Korpus-Ordner legen' }));
    } else if (!KNOWN_NON_ARTICLES.has(e.path)) {
      diagnostics.push(diag(e.path, 'info', 'ingest', 'ignored-file', 'Keine Artikel-Datei (.txt oder .md); ignoriert', { hint: 'Artikel als .txt oder .md speichern' }));
    }
  }
  return { files, diagnostics };
}

/** Article candidates only (see discoverAll). */
export async function discover(seedsDir: string): Promise<string[]> {
  return (await discoverAll(seedsDir)).files;
}

export async function ingest(seedsDir: string, options: IngestOptions = {}): Promise<IngestResult> {
  const found = await discoverAll(seedsDir);
  const root = await realpath(seedsDir);
  const ids = assignIds(found.files);
  const documents: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [...found.diagnostics, ...ids.diagnostics];
  for (const file of found.files) {
    const result = readDocumentSync(root, file, ids.ids.get(file) ?? idFromFile(file), options);
    diagnostics.push(...result.diagnostics);
    if (result.document) documents.push(result.document);
  }
  diagnostics.push(...unaccounted(found.files, documents.map((d) => d.sourceFile), diagnostics));
  return { documents, diagnostics, files: found.files };
}

/** Invariant of the build report: every candidate is an article or has a warning saying why not. */
export function unaccounted(files: readonly string[], articles: readonly string[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const accounted = new Set([...articles, ...diagnostics.filter((d) => d.severity !== 'info').map((d) => d.file)]);
  return files
    .filter((file) => !accounted.has(file))
    .map((file) => diag(file, 'error', 'ingest', 'unaccounted-file', 'Datei weder übernommen noch mit Grund abgelehnt (interner Fehler)', { hint: 'bitte als Fehler melden' }));
}

/**
 * Two files can map to one id (`a b.txt` and `a-b.txt`, `x.txt` and `x.md`, `Ärger.txt` and
 * `Arger.txt`). Ids key every later stage, so they must be unique. Decided from the file names
 * alone, before any file is read (the document stages run in parallel and need their id up
 * front; and a look-alike that is empty today must not take the id away tomorrow). The file
 * whose name IS the id keeps it (so adding a look-alike never renames an existing clean file);
 * every other file in the group gets a suffix from a hash of its path, stable across builds.
 */
export function assignIds(files: readonly string[]): { ids: Map<string, string>; diagnostics: Diagnostic[] } {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const id = idFromFile(f);
    const g = groups.get(id);
    if (g) g.push(f);
    else groups.set(id, [f]);
  }
  const ids = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const taken = new Set(groups.keys());
  for (const [id, group] of groups) {
    const keeper = group.find((f) => f.replace(ARTICLE, '') === id) ?? group[0]!; // groups are never empty
    for (const f of group) {
      if (f === keeper) {
        ids.set(f, id);
        continue;
      }
      const suffix = createHash('sha256').update(f).digest('hex').slice(0, 6);
      let next = `${id}-${suffix}`;
      for (let n = 2; taken.has(next); n++) next = `${id}-${suffix}-${n}`;
      taken.add(next);
      ids.set(f, next);
      diagnostics.push(diag(f, 'warning', 'ingest', 'duplicate-id', `Dateiname ergibt dieselbe id „${id}“ wie ${keeper}; id „${next}“ vergeben`, { hint: 'Datei eindeutig umbenennen (Doppel?)' }));
    }
  }
  return { ids, diagnostics };
}

export interface ReadResult {
  document?: RawDocument;
  diagnostics: Diagnostic[];
}

/** Async form of readDocumentSync, for callers that hold no id yet (the id is taken from the file name). */
export async function readDocument(root: string, file: string, options: IngestOptions = {}): Promise<ReadResult> {
  return readDocumentSync(root, file, idFromFile(file), options);
}

/** A file's bytes, or why it cannot be read (the I/O half of readDocumentSync). */
export type InputBytes = { bytes: Buffer; diagnostics?: undefined } | { bytes?: undefined; diagnostics: Diagnostic[] };

/** The real paths of the corpus's folders, each looked up once per build (readInputSync). */
export type FolderCache = Map<string, string | null>;

function realFolder(dir: string, folders: FolderCache | undefined): string | null {
  let real = folders?.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync(dir);
    } catch {
      real = null;
    }
    folders?.set(dir, real);
  }
  return real;
}

/**
 * Read one file's bytes, refusing what is no article file (a link out of the corpus, a pipe, a
 * folder, something too big). Synchronous: the build reads on its main thread while the worker
 * threads compute, and a blocking read costs less than a trip through the I/O pool.
 *
 * `folders`: real paths of folders already resolved in this build. A file that is no link then
 * costs one lstat instead of one per component of its path (Node's realpathSync).
 */
export function readInputSync(root: string, file: string, options: IngestOptions = {}, folders?: FolderCache): InputBytes {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const abs = path.join(root, file);
  const fail = (ruleId: string, message: string, hint: string) => ({ diagnostics: [diag(file, 'warning', 'ingest', ruleId, message, { hint })] });
  let real: string | undefined;
  let info: Stats | undefined;
  const folder = realFolder(path.dirname(abs), folders);
  if (folder !== null) {
    const own = lstatSync(abs, { throwIfNoEntry: false });
    if (own && !own.isSymbolicLink()) {
      real = path.join(folder, path.basename(abs));
      info = own;
    }
  }
  if (real === undefined) {
    try {
      real = realpathSync(abs);
    } catch {
      return fail('unreadable', 'Datei nicht lesbar (defekter Link?)', 'Link reparieren oder Datei entfernen');
    }
  }
  if (real !== root && !real.startsWith(root + path.sep)) {
    return fail('symlink-outside', `Verweist außerhalb des Korpus-Ordners (${path.basename(real)})`, 'Datei in den Korpus-Ordner kopieren statt zu verlinken');
  }
  try {
    info ??= statSync(real);
    if (!info.isFile()) {
      return fail('not-a-file', 'Keine normale Datei (Ordner, Pipe oder Gerät) trotz Endung .txt/.md', 'Eintrag umbenennen oder entfernen');
    }
    if (info.size > maxBytes) {
      return fail('too-large', `Datei zu groß (${(info.size / 1048576).toFixed(1)} MiB, erlaubt ${(maxBytes / 1048576).toFixed(0)} MiB)`, 'Datei in einzelne Artikel aufteilen');
    }
    return { bytes: readFileSync(real) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'Fehler';
    return fail('unreadable', `Datei nicht lesbar (${code})`, 'Leserechte prüfen (chmod a+r)');
  }
}

/** sha256 of a file's bytes, hex: RawDocument.sha256, and what the record cache is keyed by. */
export const bytesSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Decode and settle a file's bytes, split its front matter (the computing half of readDocumentSync).
 * `sha256`: bytesSha256(bytes), when the caller has it already.
 */
export function documentFromBytes(file: string, id: string, bytes: Uint8Array, sha256 = bytesSha256(bytes)): ReadResult {
  const fail = (ruleId: string, message: string, hint: string, extra: { line?: number; column?: number } = {}) => ({
    diagnostics: [diag(file, 'warning', 'ingest', ruleId, message, { ...extra, hint })],
  });
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    const hint = decoded.reason === 'binary' ? 'nur Text-Dateien (.txt, .md) in den Korpus legen' : 'Datei als UTF-8 speichern';
    const extra: { line?: number; column?: number } = {};
    if (decoded.line !== undefined) extra.line = decoded.line;
    if (decoded.column !== undefined) extra.column = decoded.column;
    return fail(decoded.reason, `Nicht lesbar: ${decoded.message}`, hint, extra);
  }
  const diagnostics: Diagnostic[] = decoded.notes.map((n) => diag(file, 'info', 'ingest', 'encoding', n));
  const settled = settleText(decoded.text);
  const fm = splitFrontMatter(settled, file);
  diagnostics.push(...fm.diagnostics);
  if (fm.body.trim() === '') {
    diagnostics.push(diag(file, 'warning', 'ingest', 'empty', 'Datei ist leer (kein Text nach dem Front Matter)', { hint: 'Text ergänzen oder Datei entfernen' }));
    return { diagnostics };
  }
  const ext = path.extname(file).toLowerCase();
  const document: RawDocument = {
    id,
    sourceFile: file,
    format: ext === '.md' ? 'md' : 'txt',
    sha256,
    byteLength: bytes.byteLength,
    text: fm.body,
    lineOffset: fm.lineOffset,
    frontMatter: fm.data,
    frontMatterRaw: fm.raw,
  };
  return { document, diagnostics };
}

/** Read, decode and settle one file. */
export function readDocumentSync(root: string, file: string, id: string, options: IngestOptions = {}): ReadResult {
  const input = readInputSync(root, file, options);
  return input.bytes ? documentFromBytes(file, id, input.bytes) : { diagnostics: input.diagnostics };
}

/** `sub/000_abc.txt` → `sub-000_abc`: stable, unique per path, safe in URLs and file names. */
export function idFromFile(file: string): string {
  const noExt = file.replace(/\.(txt|md)$/i, '');
  const id = noExt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/[/.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? createHash('sha256').update(file).digest('hex').slice(0, 12) : id;
}
