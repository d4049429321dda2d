/**
 * ingest: the only stage that reads the corpus from disk. Discovers `**\/*.{txt,md}` under the
 * seeds folder (sorted), reads bytes, decodes and settles the text, splits front matter.
 * Every file ends up either as a RawDocument or as a diagnostic with the reason.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
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

export async function discover(seedsDir: string): Promise<string[]> {
  const files = await fg(['**/*.{txt,md}'], {
    cwd: seedsDir,
    onlyFiles: true,
    followSymbolicLinks: true,
    dot: false,
    caseSensitiveMatch: false,
    ignore: ['**/node_modules/**'],
  });
  return files.sort(byCodePoint);
}

export async function ingest(seedsDir: string, options: IngestOptions = {}): Promise<IngestResult> {
  const files = await discover(seedsDir);
  const documents: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = await realpath(seedsDir);
  for (const file of files) {
    const result = await readDocument(root, file, options);
    diagnostics.push(...result.diagnostics);
    if (result.document) documents.push(result.document);
  }
  return { documents, diagnostics, files };
}

export async function readDocument(
  root: string,
  file: string,
  options: IngestOptions = {},
): Promise<{ document?: RawDocument; diagnostics: Diagnostic[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const abs = path.join(root, file);
  const fail = (ruleId: string, message: string, hint: string, extra: { line?: number; column?: number } = {}) => ({
    diagnostics: [diag(file, 'warning', 'ingest', ruleId, message, { ...extra, hint })],
  });
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return fail('unreadable', 'Datei nicht lesbar (defekter Link?)', 'Link reparieren oder Datei entfernen');
  }
  if (real !== root && !real.startsWith(root + path.sep)) {
    return fail('symlink-outside', `Verweist außerhalb des Korpus-Ordners (${path.basename(real)})`, 'Datei in den Korpus-Ordner kopieren statt zu verlinken');
  }
  let bytes: Buffer;
  try {
    const info = await stat(real);
    if (info.size > maxBytes) {
      return fail('too-large', `Datei zu groß (${(info.size / 1048576).toFixed(1)} MiB, erlaubt ${(maxBytes / 1048576).toFixed(0)} MiB)`, 'Datei in einzelne Artikel aufteilen');
    }
    bytes = await readFile(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'Fehler';
    return fail('unreadable', `Datei nicht lesbar (${code})`, 'Leserechte prüfen (chmod a+r)');
  }
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
    id: idFromFile(file),
    sourceFile: file,
    format: ext === '.md' ? 'md' : 'txt',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteLength: bytes.length,
    text: fm.body,
    lineOffset: fm.lineOffset,
    frontMatter: fm.data,
    frontMatterRaw: fm.raw,
  };
  return { document, diagnostics };
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
