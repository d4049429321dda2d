/**
 * write: the only module that touches the output folder. Pages go into a fresh staging folder
 * beside the output; only when every page is written is it swapped in, so a failed or killed
 * build leaves the previous site as it was. No path may resolve outside the staging folder.
 *
 * Speed (docs/performance.md): files are written with synchronous calls (one thread, no libuv
 * pool round trip per file; a site is thousands of small files). A page whose bytes equal the
 * file of the same path in the previous output is hard-linked from there instead of written, and
 * a lazy page (model/page.ts) whose key matches the previous build's is linked without being
 * rendered at all. Linking never modifies the previous output, so the atomic swap still holds.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_MARKER } from '../config/guard.ts';
import { isLazyPage, type ChunkedPage, type LazyPage, type Page, type PageContent } from '../model/page.ts';
import { loadManifest, saveManifest, type PageManifest } from './manifest.ts';
import { recoverLeftovers } from './recover.ts';

export class OutputPathError extends Error {
  constructor(readonly pagePath: string, reason: string) {
    super(`Ausgabepfad abgelehnt: „${pagePath}“ ${reason}`);
    this.name = 'OutputPathError';
  }
}

/** Resolve a page path inside `root`, refusing absolute paths, `..`, NUL bytes and backslashes. */
export function confine(root: string, pagePath: string): string {
  if (pagePath === '' || pagePath.includes('\0') || pagePath.includes('\\')) throw new OutputPathError(pagePath, 'ist leer oder enthält unzulässige Zeichen');
  if (path.posix.isAbsolute(pagePath) || /^[a-zA-Z]:/.test(pagePath)) throw new OutputPathError(pagePath, 'ist absolut');
  const parts = pagePath.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) throw new OutputPathError(pagePath, 'enthält „..“, „.“ oder leere Teile');
  const abs = path.resolve(root, ...parts);
  if (!abs.startsWith(root + path.sep)) throw new OutputPathError(pagePath, 'liegt außerhalb des Ausgabeordners');
  return abs;
}

export interface WriteStats {
  /** Files in the new output (written + linked). */
  files: number;
  /** Bytes of those files. */
  bytes: number;
  /** Of `files`: hard-linked from the previous output (unchanged bytes, or a lazy page whose key matched). */
  linked?: number;
  /** Of `linked`: lazy pages that were not rendered at all. */
  skipped?: number;
}

export interface StageOptions {
  /**
   * File for the page manifest (path → key, size of lazy pages), kept between builds so lazy pages
   * can be skipped; omitted = lazy pages are always rendered. Belongs in the build cache.
   */
  manifest?: string;
  /** Mixed into every page key: pipeline version, theme, knowledge — whatever all pages depend on. */
  salt?: string;
}

/**
 * A file of the new output that another thread (or a later step) places: the writer has confined
 * the path and made its folder; `prev` is the previous build's manifest entry for the path.
 */
export interface Target {
  path: string;
  /** Absolute path in the staging folder. */
  abs: string;
  /** Absolute path of the same file in the current output (may not exist). */
  old: string;
  prev?: { key: string; size: number };
}

/** What placing a target did. */
export interface Placed {
  key: string;
  size: number;
  /** Hard-linked from the previous output without rendering (its key matched). */
  linked: boolean;
}

/**
 * Place a keyed file: hard-link it from the previous output when the previous build wrote the
 * same key and the file is still there with that size; otherwise render and write it. Runs on any
 * thread (the worker threads place the pages they render).
 */
export function placeKeyed(target: Target, key: string, render: () => PageContent): Placed {
  const before = target.prev;
  if (before !== undefined && before.key === key && sizeOf(target.old) === before.size && tryLink(target.old, target.abs)) {
    return { key, size: before.size, linked: true };
  }
  return { key, size: writeContent(target.abs, render()), linked: false };
}

/** Write content (string, bytes or chunks) to a new file; returns its size in bytes. */
export function writeContent(abs: string, content: PageContent): number {
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) return writeChunks(abs, content);
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  writeFileSync(abs, bytes);
  return bytes.byteLength;
}

export interface StagedOutput {
  readonly staging: string;
  /** What was cleaned up or restored from an earlier interrupted build (for the build report). */
  readonly recovered: string[];
  write(page: Page | ChunkedPage | LazyPage): Promise<void>;
  /** Reserve a keyed file for `placeKeyed` elsewhere; report the outcome with `placed`. */
  reserve(pagePath: string): Target;
  placed(target: Target, result: Placed): void;
  /** A keyed file whose content arrives in pieces (api/articles.json): linked when the key matched, else streamed. */
  writeStream(pagePath: string, key: string, chunks: () => AsyncIterable<string>): Promise<void>;
  /** Swap the staging folder in as the output folder. */
  commit(): Promise<WriteStats>;
  /** Remove the staging folder; the output folder is untouched. */
  abort(): Promise<void>;
}

/** Strings are flushed to the file in pieces of about this many UTF-16 units. */
const CHUNK = 1 << 16;

/** Streams chunked content to `abs` without joining it; returns the bytes written. */
function writeChunks(abs: string, chunks: Iterable<string>): number {
  const fd = openSync(abs, 'w');
  let bytes = 0;
  try {
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= CHUNK) {
        bytes += writeAll(fd, Buffer.from(pending));
        pending = '';
      }
    }
    if (pending !== '') bytes += writeAll(fd, Buffer.from(pending));
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Like writeChunks, for chunks that arrive asynchronously (produced on other threads). */
async function writeChunksAsync(abs: string, chunks: AsyncIterable<string>): Promise<number> {
  const fd = openSync(abs, 'w');
  let bytes = 0;
  try {
    let pending = '';
    for await (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= CHUNK) {
        bytes += writeAll(fd, Buffer.from(pending));
        pending = '';
      }
    }
    if (pending !== '') bytes += writeAll(fd, Buffer.from(pending));
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function writeAll(fd: number, buf: Uint8Array): number {
  for (let off = 0; off < buf.byteLength; ) off += writeSync(fd, buf, off);
  return buf.byteLength;
}

/** Size of the file at `abs`, or -1 when there is none (or it is no regular file). */
function sizeOf(abs: string): number {
  const st = statSync(abs, { throwIfNoEntry: false });
  return st?.isFile() ? st.size : -1;
}

/** Hard-link `from` to `to`; false when the file system refuses (then the caller writes). */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

export async function stageOutput(outDir: string, options: StageOptions = {}): Promise<StagedOutput> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  await mkdir(parent, { recursive: true });
  const recovered = await recoverLeftovers(out);
  const staging = path.join(parent, `.${base}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  // The marker tells the output guard (config/guard.ts) that this folder may be replaced next time.
  await writeFile(path.join(staging, OUTPUT_MARKER), 'presseschau: dieser Ordner wird bei jedem Build ersetzt.\n');
  const salt = options.salt ?? '';
  // Only trusted when it describes the folder that is the output now (see manifest.ts).
  const previous: PageManifest | undefined = options.manifest !== undefined ? loadManifest(options.manifest, out, salt) : undefined;
  const next: PageManifest = { pages: new Map() };
  const hasPrevious = sizeOf(path.join(out, OUTPUT_MARKER)) >= 0;
  const dirs = new Set<string>([staging]);
  const stats: Required<WriteStats> = { files: 0, bytes: 0, linked: 0, skipped: 0 };
  const written = new Set<string>();

  /** Writes `content` to `abs` unless the previous output holds the same bytes (then links). */
  const put = (rel: string, abs: string, content: PageContent): number => {
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) return writeChunks(abs, content);
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (hasPrevious) {
      const old = path.join(out, rel);
      if (sizeOf(old) === bytes.byteLength && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(readFileSync(old)) && tryLink(old, abs)) {
        stats.linked++;
        return bytes.byteLength;
      }
    }
    return writeContent(abs, bytes);
  };

  const reserve = (pagePath: string): Target => {
    const abs = confine(staging, pagePath);
    if (pagePath === OUTPUT_MARKER) throw new OutputPathError(pagePath, 'ist für die Markierungsdatei reserviert');
    if (written.has(pagePath)) throw new OutputPathError(pagePath, 'wurde zweimal erzeugt');
    written.add(pagePath);
    const dir = path.dirname(abs);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    const target: Target = { path: pagePath, abs, old: path.join(out, pagePath) };
    const before = previous?.pages.get(pagePath);
    if (before !== undefined) target.prev = before;
    return target;
  };
  const placed = (target: Target, result: Placed) => {
    next.pages.set(target.path, { key: result.key, size: result.size });
    if (result.linked) {
      stats.linked++;
      stats.skipped++;
    }
    stats.files++;
    stats.bytes += result.size;
  };

  return {
    staging,
    recovered,
    reserve,
    placed,
    async write(page) {
      const target = reserve(page.path);
      if (isLazyPage(page)) {
        placed(target, placeKeyed(target, page.key, () => page.render()));
        return;
      }
      stats.files++;
      stats.bytes += put(page.path, target.abs, page.content);
    },
    async writeStream(pagePath, key, chunks) {
      const target = reserve(pagePath);
      const before = target.prev;
      if (before !== undefined && before.key === key && sizeOf(target.old) === before.size && tryLink(target.old, target.abs)) {
        placed(target, { key, size: before.size, linked: true });
        return;
      }
      placed(target, { key, size: await writeChunksAsync(target.abs, chunks()), linked: false });
    },
    async commit() {
      const old = path.join(parent, `.${base}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
      let hadOld = true;
      try {
        await rename(out, old);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadOld = false;
      }
      await rename(staging, out);
      // After the swap: the manifest names the folder it describes, so one left over from a build
      // killed right here is ignored next time instead of vouching for the wrong files.
      if (options.manifest !== undefined) await saveManifest(options.manifest, out, salt, next);
      if (hadOld) await rm(old, { recursive: true, force: true });
      return stats;
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
    },
  };
}
