/**
 * write: the only module that touches the output folder. Pages go into a fresh staging folder
 * beside the output; only when every page is written is it swapped in, so a failed or killed
 * build leaves the previous site as it was. No path may resolve outside the staging folder.
 *
 * Speed (docs/performance.md): the files are written by the I/O threads of Node (fs/promises), a
 * bounded number at a time, so the main thread keeps rendering while the kernel creates files —
 * on this disk a file creation costs up to a millisecond. A keyed file (a spec page, the API
 * records, a lazy page) whose key matches the previous build's is hard-linked from the previous
 * output without being rendered, and a plain page whose bytes equal the previous file is linked
 * instead of written (known equal by the hash of its bytes in the page manifest, or else by
 * reading the previous file back). A file made of keyed parts (api/articles.json, a part per record)
 * copies the bytes of each part whose key is unchanged from the previous file and makes only the
 * others. Linking and copying never modify the previous output, so the atomic swap still holds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_MARKER } from '../config/guard.ts';
import { isLazyPage, type ChunkedPage, type LazyPage, type Page, type PageContent, type PartedFile } from '../model/page.ts';
import { loadManifest, saveManifest, type ManifestEntry, type PageManifest, type PartsLayout } from './manifest.ts';
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
  /** Bytes of unchanged parts copied from the previous output into files made of parts (writeParts). */
  copied?: number;
}

export interface StageOptions {
  /**
   * File for the page manifest (path → key, size of keyed pages), kept between builds so keyed
   * pages can be skipped; omitted = keyed pages are always rendered. Belongs in the build cache.
   */
  manifest?: string;
  /** Mixed into every page key: pipeline version, theme, knowledge — whatever all pages depend on. */
  salt?: string;
  /**
   * Writes under way at once, at most (default 1 024 files or 32 MiB of content, whichever comes
   * first). Past either bound a new write waits. The bound is on bytes so that making pages never
   * waits for a slow file system while memory stays bounded: on a disk where creating a file takes
   * ~1 ms (this machine's ext4; tmpfs: ~30 µs) a limit of 16 files held the renderer back for
   * ~0.1 s of a five-article build (docs/performance.md).
   */
  parallel?: { files?: number; bytes?: number };
  /**
   * Remove the previous output after the swap without waiting for it: `commit` resolves as soon as
   * the new output is in place and `retired()` tells when the old one is gone. For `dev`, where the
   * next build waits for it (build.ts) and the reader does not: removing a 10 000-article site's
   * 16 000 directory entries takes ~0.3 s (docs/performance.md). Default false: `commit` waits.
   */
  deferRemoval?: boolean;
}

/** A keyed file whose content the caller still has to supply (`fill`): its key did not match the previous build's. */
export interface Claim {
  readonly path: string;
  readonly key: string;
}

/**
 * A keyed file another thread places (placeKeyed): the writer has confined the path and made its
 * folder; `previous` is what the last build wrote there (key and size), if the manifest says so.
 */
export interface Target {
  readonly path: string;
  /** Absolute path in the staging folder. */
  readonly abs: string;
  /** Absolute path of the same file in the current output (may not exist). */
  readonly old: string;
  readonly previous?: { key: string; size: number };
}

/** What placing a target did. */
export interface Placed {
  key: string;
  size: number;
  /** Hard-linked from the previous output, not rendered. */
  linked: boolean;
}

/** placeKeyed's first half, on any thread: the previous file hard-linked when its key matches, else null (nothing written). */
export function placeLinked(target: Target, key: string): Placed | null {
  const before = target.previous;
  return linkUnchanged(before, key, target.old, target.abs) ? { key, size: before.size, linked: true } : null;
}

/**
 * Place a keyed file, on any thread: hard-link it from the previous output when the last build
 * wrote it with the same key and it is still there with that size; otherwise render and write it.
 */
export function placeKeyed(target: Target, key: string, render: () => string | Uint8Array): Placed {
  const linked = placeLinked(target, key);
  if (linked) return linked;
  const bytes = toBytes(render());
  writeFileSync(target.abs, bytes);
  return { key, size: bytes.byteLength, linked: false };
}

export interface StagedOutput {
  readonly staging: string;
  /** What was cleaned up or restored from an earlier interrupted build (for the build report). */
  readonly recovered: string[];
  /**
   * A page whose content is at hand (a LazyPage is rendered unless its key matched). Resolves when
   * the write is under way; `commit` waits for every write.
   */
  write(page: Page | ChunkedPage | LazyPage): Promise<void>;
  /** A keyed file: null when it was linked from the previous output, else a claim to `fill`. */
  claim(pagePath: string, key: string): Claim | null;
  fill(claim: Claim, content: string | Uint8Array): Promise<void>;
  /** A keyed file for placeKeyed elsewhere; report what it did with `placed`. */
  reserve(pagePath: string): Target;
  placed(target: Target, result: Placed): void;
  /**
   * A keyed file made of keyed parts (api/articles.json): linked when its key matched; otherwise
   * each part whose key the previous file had is copied from there, and only the others are made.
   */
  writeParts(pagePath: string, key: string, file: PartedFile): Promise<void>;
  /** Wait for every write, swap the staging folder in as the output folder. */
  commit(): Promise<WriteStats>;
  /**
   * Resolves once the previous output, moved aside by `commit`, is removed (at once when there was
   * none or commit has not run). Never rejects: a folder that could not be removed is left beside
   * the output, and the next build's recovery (recover.ts) removes it once this process has ended.
   */
  retired(): Promise<void>;
  /** Remove the staging folder; the output folder is untouched. */
  abort(): Promise<void>;
}

export type { KeyedPart, PartedFile } from '../model/page.ts';

/** Pieces are flushed to the file once about this many bytes (or UTF-16 units) are gathered. */
const CHUNK = 1 << 16;

const toBytes = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? Buffer.from(content) : content);

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

function writeAll(fd: number, buf: Uint8Array): number {
  for (let off = 0; off < buf.byteLength; ) off += writeSync(fd, buf, off);
  return buf.byteLength;
}

/**
 * Writes a PartedFile to `abs`; a part found in `reuse` (key → offset and length in `old`) is
 * copied from there, adjacent ones in one read; the rest goes through the I/O threads as it is
 * made. Returns the bytes written, where the parts lie and how many bytes were copied.
 */
async function writeParted(abs: string, file: PartedFile, old: string, reuse: ReadonlyMap<string, readonly [number, number]> | undefined): Promise<{ bytes: number; layout: PartsLayout; copied: number }> {
  const fh = await open(abs, 'w');
  let from: FileHandle | undefined;
  let bytes = 0;
  let copied = 0;
  try {
    let pending: Uint8Array[] = [];
    let size = 0;
    const put = async (buf: Uint8Array) => {
      for (let off = 0; off < buf.byteLength; ) off += (await fh.write(buf, off)).bytesWritten;
      bytes += buf.byteLength;
    };
    const flush = async () => {
      if (size === 0) return;
      const buf = Buffer.concat(pending, size);
      pending = [];
      size = 0;
      await put(buf);
    };
    const add = async (piece: string | Uint8Array): Promise<number> => {
      const b = toBytes(piece);
      pending.push(b);
      size += b.byteLength;
      if (size >= 16 * CHUNK) await flush();
      return b.byteLength;
    };
    // A run of parts to copy: [start, end) in the previous file.
    let run: [number, number] | undefined;
    const copyRun = async () => {
      if (run === undefined) return;
      const [start, end] = run;
      run = undefined;
      from ??= await open(old, 'r');
      const buf = Buffer.allocUnsafe(Math.min(end - start, 16 * CHUNK * 4));
      for (let at = start; at < end; ) {
        const { bytesRead } = await from.read(buf, 0, Math.min(buf.byteLength, end - at), at);
        if (bytesRead === 0) throw new Error(`write: ${old} endet vor Byte ${end}`);
        await put(buf.subarray(0, bytesRead));
        at += bytesRead;
      }
      copied += end - start;
    };
    const start = await add(file.head);
    const layout: PartsLayout = { start, keys: [], lengths: [] };
    for (const part of file.parts) {
      const hit = reuse?.get(part.key);
      let length = 0;
      if (hit !== undefined) {
        await flush();
        if (run !== undefined && run[1] === hit[0]) run[1] += hit[1];
        else {
          await copyRun();
          run = [hit[0], hit[0] + hit[1]];
        }
        length = hit[1];
      } else {
        await copyRun();
        for (const piece of part.pieces()) length += await add(piece);
      }
      layout.keys.push(part.key);
      layout.lengths.push(length);
    }
    await copyRun();
    await add(file.tail);
    await flush();
    return { bytes, layout, copied };
  } finally {
    await fh.close();
    await from?.close();
  }
}

/** Where each part of the previous file lies, when the file is still the one the manifest describes (else undefined). */
function partsOf(before: ManifestEntry | undefined, old: string): Map<string, [number, number]> | undefined {
  if (before?.parts === undefined || sizeOf(old) !== before.size) return undefined;
  const out = new Map<string, [number, number]>();
  let at = before.parts.start;
  before.parts.keys.forEach((k, i) => {
    const n = before.parts?.lengths[i] ?? 0;
    out.set(k, [at, n]);
    at += n;
  });
  return out;
}

/**
 * The manifest key of a plain page: a hash of its bytes ("c:" keeps it apart from the keys lazy
 * pages bring, which hash their inputs). sha1 is enough: the key only decides whether to link the
 * previous build's own file, it does not guard against anyone.
 */
function contentKey(bytes: Uint8Array): string {
  return `c:${createHash('sha1').update(bytes).digest('base64url')}`;
}

/** Size of the file at `abs`, or -1 when there is none (or it is no regular file). */
function sizeOf(abs: string): number {
  const st = statSync(abs, { throwIfNoEntry: false });
  return st?.isFile() ? st.size : -1;
}

/**
 * A keyed file the last build wrote with the same key (`previous`, from its manifest) and that is
 * still at `old` with that size: hard-linked to `abs`. False when it cannot be (then the caller renders).
 */
function linkUnchanged(previous: { key: string; size: number } | undefined, key: string, old: string, abs: string): previous is { key: string; size: number } {
  return previous !== undefined && previous.key === key && sizeOf(old) === previous.size && tryLink(old, abs);
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

/** At most `files` writes or `bytes` of content under way; the first failure is raised by the next `add` or by `drain`. */
class WriteQueue {
  private running = 0;
  private pendingBytes = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly all = new Set<Promise<void>>();
  private failure: unknown;
  private failed = false;

  constructor(private readonly files: number, private readonly bytes: number) {}

  /** `size`: the bytes the task writes (counted while it runs; one write larger than the bound still runs, alone). */
  async add(size: number, task: () => Promise<void>): Promise<void> {
    this.raise();
    while (this.running > 0 && (this.running >= this.files || this.pendingBytes + size > this.bytes)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.raise();
    this.running++;
    this.pendingBytes += size;
    const p = task()
      .catch((error: unknown) => {
        if (!this.failed) [this.failed, this.failure] = [true, error];
      })
      .finally(() => {
        this.running--;
        this.pendingBytes -= size;
        this.all.delete(p);
        this.waiting.shift()?.();
      });
    this.all.add(p);
  }

  async drain(): Promise<void> {
    while (this.all.size > 0) await Promise.all([...this.all]);
    this.raise();
  }

  private raise(): void {
    if (this.failed) throw this.failure;
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
  const stats: Required<WriteStats> = { files: 0, bytes: 0, linked: 0, skipped: 0, copied: 0 };
  const written = new Set<string>();
  const queue = new WriteQueue(options.parallel?.files ?? 1024, options.parallel?.bytes ?? 32 * 1024 * 1024);

  const reserve = (pagePath: string): string => {
    const abs = confine(staging, pagePath);
    if (pagePath === OUTPUT_MARKER) throw new OutputPathError(pagePath, 'ist für die Markierungsdatei reserviert');
    if (written.has(pagePath)) throw new OutputPathError(pagePath, 'wurde zweimal erzeugt');
    written.add(pagePath);
    const dir = path.dirname(abs);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    stats.files++;
    return abs;
  };
  /** A keyed file is in the staging folder: into the next manifest and the statistics. */
  const keyed = (pagePath: string, key: string, size: number, linked: boolean, parts?: PartsLayout) => {
    next.pages.set(pagePath, parts ? { key, size, parts } : linked ? (previous?.pages.get(pagePath) ?? { key, size }) : { key, size });
    stats.bytes += size;
    if (linked) {
      stats.linked++;
      stats.skipped++;
    }
  };
  /** Link a keyed file from the previous output if it was written with this key and is still there. */
  const linkKeyed = (pagePath: string, abs: string, key: string): boolean => {
    const before = previous?.pages.get(pagePath);
    if (!linkUnchanged(before, key, path.join(out, pagePath), abs)) return false;
    keyed(pagePath, key, before.size, true);
    return true;
  };
  const claims = new Map<Claim, string>();
  const reservations = new Set<Target>();
  let removal: Promise<void> = Promise.resolve();

  /**
   * Writes `bytes` to `abs` unless the previous output holds the same bytes (then links). With a
   * manifest the page is keyed by a hash of its bytes, and the previous file is known equal when
   * the last build wrote that hash there and the file still has its size, without reading it back.
   */
  const put = async (rel: string, abs: string, bytes: Uint8Array) => {
    stats.bytes += bytes.byteLength;
    if (options.manifest !== undefined) {
      const key = contentKey(bytes);
      next.pages.set(rel, { key, size: bytes.byteLength });
      const before = previous?.pages.get(rel);
      if (before !== undefined) {
        if (linkUnchanged(before, key, path.join(out, rel), abs)) stats.linked++;
        else await writeFile(abs, bytes);
        return;
      }
    }
    if (hasPrevious) {
      const old = path.join(out, rel);
      if (sizeOf(old) === bytes.byteLength && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(old)) && tryLink(old, abs)) {
        stats.linked++;
        return;
      }
    }
    await writeFile(abs, bytes);
  };

  return {
    staging,
    recovered,
    async write(page) {
      const abs = reserve(page.path);
      if (isLazyPage(page)) {
        if (linkKeyed(page.path, abs, page.key)) return;
        const content = page.render();
        if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
          keyed(page.path, page.key, writeChunks(abs, content), false);
          return;
        }
        const bytes = toBytes(content);
        keyed(page.path, page.key, bytes.byteLength, false);
        await queue.add(bytes.byteLength, () => writeFile(abs, bytes));
        return;
      }
      const content: PageContent = page.content;
      if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
        stats.bytes += writeChunks(abs, content);
        return;
      }
      const bytes = toBytes(content);
      await queue.add(bytes.byteLength, () => put(page.path, abs, bytes));
    },
    claim(pagePath, key) {
      const abs = reserve(pagePath);
      if (linkKeyed(pagePath, abs, key)) return null;
      const claim: Claim = { path: pagePath, key };
      claims.set(claim, abs);
      return claim;
    },
    async fill(claim, content) {
      const abs = claims.get(claim);
      if (abs === undefined) throw new Error(`write: ${claim.path} ist nicht (mehr) beansprucht`);
      claims.delete(claim);
      const bytes = toBytes(content);
      keyed(claim.path, claim.key, bytes.byteLength, false);
      await queue.add(bytes.byteLength, () => writeFile(abs, bytes));
    },
    reserve(pagePath) {
      const abs = reserve(pagePath);
      const before = previous?.pages.get(pagePath);
      const t: Target = { path: pagePath, abs, old: path.join(out, pagePath), ...(before ? { previous: before } : {}) };
      reservations.add(t);
      return t;
    },
    placed(t, result) {
      if (!reservations.delete(t)) throw new Error(`write: ${t.path} ist nicht (mehr) reserviert`);
      keyed(t.path, result.key, result.size, result.linked);
    },
    async writeParts(pagePath, key, file) {
      const abs = reserve(pagePath);
      if (linkKeyed(pagePath, abs, key)) return;
      const old = path.join(out, pagePath);
      const reuse = partsOf(previous?.pages.get(pagePath), old);
      let made: Awaited<ReturnType<typeof writeParted>>;
      try {
        made = await writeParted(abs, file, old, reuse);
      } catch (error) {
        // The previous file could not be read as the manifest says: make every part.
        if (reuse === undefined) throw error;
        made = await writeParted(abs, file, old, undefined);
      }
      stats.copied += made.copied;
      keyed(pagePath, key, made.bytes, false, made.layout);
    },
    async commit() {
      await queue.drain();
      const open = claims.size + reservations.size;
      if (open > 0) throw new Error(`write: ${open} Seiten beansprucht, aber nie geschrieben (z. B. ${[...claims.values(), ...[...reservations].map((t) => t.path)][0]})`);
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
      if (hadOld) {
        const removing = rm(old, { recursive: true, force: true });
        removal = removing.catch(() => {}); // without deferRemoval the next line raises it
        if (!options.deferRemoval) await removing;
      }
      return stats;
    },
    retired() {
      return removal;
    },
    async abort() {
      // Writes still under way must finish (or fail) before their folder goes.
      await queue.drain().catch(() => {});
      // maxRetries: Node retries ENOTEMPTY, EBUSY and the like, with a growing pause
      await rm(staging, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
