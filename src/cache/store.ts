/**
 * The record store: where each article's digest, features and occurrence lists live between the
 * document stages and the pages that need the full record (article pages, api/articles.json) —
 * and, kept beside the output, the record cache of incremental builds (cache/index.ts).
 *
 * Append-only segment files, one per writer (a worker thread, or the main thread) and build; an
 * entry is two parts read separately:
 *   head — v8-serialised: the cache key, what the corpus stages later change (id, proposed slug
 *          and path), the diagnostics, the lean digest and the index features (what a cache hit
 *          needs: a hit reads only the head);
 *   body — the record's JSON in segments (model/record-json.ts): the article page parses it,
 *          api/articles.json copies its bytes.
 * Reads are positioned reads of the bytes at a RecordLoc, from any thread. A store without a
 * folder keeps entries in memory (in-memory builds on one thread).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RecordLoc } from '../model/digest.ts';

/**
 * What a cache hit needs, so that a hit reads only the head: the index features (analysing the
 * text again was most of a hit's cost) and the lean digest (parsing the record and deriving it
 * again was most of the rest), both as UTF-8 JSON: the digest takes ~8 KB an article so, ~21 KB
 * v8-serialised (German text becomes two-byte strings).
 */
export interface StoredHead {
  key: string;
  /** The record's id, slug and path as the document stages made them (not in the body's JSON). */
  id: string;
  slug: string;
  path: string;
  /** What decoding the file said (encoding notes, front matter): a hit does not decode the file again. */
  ingestDiagnostics: Diagnostic[];
  normaliseDiagnostics: Diagnostic[];
  enrichDiagnostics: Diagnostic[];
  /** The index features by name, encoded (index/features.ts encodeNamedFeatures); a hit needs them (absent in stores that are no cache: index.ts buildSiteModel). */
  features?: Uint8Array;
  /**
   * The lean digest the document stages made (index/digest.ts leanDigest), as UTF-8 JSON (~8 KB):
   * a hit takes it as it is instead of parsing the record and deriving it again. Absent like `features`.
   */
  digest?: Uint8Array;
}

/** The record's JSON segments, encoded (model/record-json.ts encodeSegments). */
export type StoredBody = Uint8Array;

export interface RecordWriter {
  append(head: StoredHead, body: StoredBody): RecordLoc;
  /** Flush and release; the entries stay readable. */
  close(): void;
}

export interface RecordReader {
  head(loc: RecordLoc): StoredHead;
  body(loc: RecordLoc): StoredBody;
  close(): void;
}

export const segmentFile = (dir: string, segment: number): string => path.join(dir, `seg-${segment}.bin`);

/** Bytes gathered before one write call: fewer syscalls than one per entry. */
const FLUSH_BYTES = 1 << 20;

/** The segment file is created with the first entry: a build that only hits the cache writes none. */
export function segmentWriter(dir: string, segment: number): RecordWriter {
  let fd = -1;
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    if (fd === -1) fd = openSync(segmentFile(dir, segment), 'wx');
    const buf = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    for (let off = 0; off < buf.byteLength; ) off += writeSync(fd, buf, off);
    pending = [];
    pendingBytes = 0;
  };
  return {
    append(head, body) {
      const h = v8.serialize(head);
      const b = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      const loc: RecordLoc = { segment, offset, head: h.byteLength, body: b.byteLength };
      pending.push(h, b);
      pendingBytes += h.byteLength + b.byteLength;
      offset += h.byteLength + b.byteLength;
      if (pendingBytes >= FLUSH_BYTES) flush();
      return loc;
    },
    close() {
      flush();
      if (fd !== -1) closeSync(fd);
      fd = -1;
    },
  };
}

/** Reads any segment of `dir`; a read past the end or of bytes that do not deserialise throws. */
export function segmentReader(dir: string): RecordReader {
  const fds = new Map<number, number>();
  const read = (segment: number, offset: number, length: number): Buffer => {
    let fd = fds.get(segment);
    if (fd === undefined) fds.set(segment, (fd = openSync(segmentFile(dir, segment), 'r')));
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, offset + got);
      if (n === 0) throw new Error(`Datensatzspeicher: Segment ${segment} endet vor Byte ${offset + length}`);
      got += n;
    }
    return buf;
  };
  return {
    // Written by segmentWriter from exactly these shapes; callers check the key of a head they look up.
    head: (loc) => v8.deserialize(read(loc.segment, loc.offset, loc.head)) as StoredHead,
    body: (loc) => read(loc.segment, loc.offset + loc.head, loc.body),
    close() {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}

/** Entries kept as objects (segment -1, offset = entry number): one thread, no folder. */
export function memoryStore(): RecordWriter & RecordReader {
  const entries: [StoredHead, StoredBody][] = [];
  const at = (loc: RecordLoc): [StoredHead, StoredBody] => {
    const e = loc.segment === -1 ? entries[loc.offset] : undefined;
    if (!e) throw new Error(`Datensatzspeicher: kein Eintrag ${loc.segment}:${loc.offset}`);
    return e;
  };
  return {
    append(head, body) {
      entries.push([head, body]);
      return { segment: -1, offset: entries.length - 1, head: 0, body: 0 };
    },
    head: (loc) => at(loc)[0],
    body: (loc) => at(loc)[1],
    close() {},
  };
}
