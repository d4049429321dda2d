/**
 * The record cache of incremental builds: the record store (store.ts) kept in the build cache,
 * plus an index of its live entries by cache key (sha256 of code version, corpus.yml, store
 * format, source file, id and the file's bytes — document.ts cacheKey). A rebuild looks every
 * file's key up; a hit skips normalise + enrich and reads the stored result instead.
 *
 * Each build appends new segments and saves the index of the entries it used; segments no entry
 * uses any more are deleted, and when dead bytes outgrow live ones the live entries are copied
 * into one fresh segment (compaction), so the cache stays about as big as the corpus needs.
 * The index is replaced atomically (temporary file + rename) after the segments it names are
 * complete, so a killed build leaves a valid cache; a corrupt or foreign index is an empty cache.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { RecordLoc } from '../model/digest.ts';
import type { Knowledge } from '../model/knowledge.ts';
import { segmentFile } from './store.ts';

/** Bump when the store or index format changes. */
export const STORE_FORMAT = 6;
const INDEX = 'store.v8';
const STORE_DIR = 'store';

export interface CacheIndex {
  /** The folder of the segments. */
  dir: string;
  entries: Map<string, RecordLoc>;
  /** First free segment number. */
  nextSegment: number;
}

export function storeDirOf(cacheDir: string): string {
  return path.join(cacheDir, STORE_DIR);
}

export function cacheSalt(pipelineVersion: string, knowledge: Knowledge): string {
  return createHash('sha256').update(`${STORE_FORMAT}\0${pipelineVersion}\0`).update(JSON.stringify(knowledge)).digest('hex');
}

const segmentsIn = (dir: string): number[] => {
  try {
    return readdirSync(dir).flatMap((f) => /^seg-(\d+)\.bin$/.exec(f)?.[1] ?? []).map(Number);
  } catch {
    return [];
  }
};

/** First segment number not taken in a store folder (for stores without an index). */
export function freeSegment(dir: string): number {
  return Math.max(0, ...segmentsIn(dir)) + 1;
}

export async function openCacheIndex(cacheDir: string): Promise<CacheIndex> {
  const dir = storeDirOf(cacheDir);
  await mkdir(dir, { recursive: true });
  const entries = new Map<string, RecordLoc>();
  try {
    // Written by saveCacheIndex below; anything else is checked and dropped.
    const stored = v8.deserialize(readFileSync(path.join(dir, INDEX))) as { format?: unknown; entries?: unknown };
    if (stored.format === STORE_FORMAT && stored.entries instanceof Map) {
      for (const [k, loc] of stored.entries as Map<unknown, RecordLoc>) if (typeof k === 'string' && Number.isInteger(loc?.segment)) entries.set(k, loc);
    }
  } catch {
    // no index yet, or unreadable: an empty cache
  }
  const used = [...entries.values()].map((l) => l.segment);
  const nextSegment = Math.max(0, ...segmentsIn(dir), ...used) + 1;
  return { dir, entries, nextSegment };
}

/**
 * Keep exactly `live` (the entries this build used), drop every other segment, compact when
 * less than half the remaining bytes are live. Returns the index as saved.
 */
export function saveCacheIndex(index: CacheIndex, live: Map<string, RecordLoc>, nextSegment: number): Map<string, RecordLoc> {
  const dir = index.dir;
  const liveBytes = new Map<number, number>();
  for (const loc of live.values()) liveBytes.set(loc.segment, (liveBytes.get(loc.segment) ?? 0) + loc.head + loc.body);
  let total = 0;
  let used = 0;
  for (const [seg, bytes] of liveBytes) {
    used += bytes;
    total += statSync(segmentFile(dir, seg), { throwIfNoEntry: false })?.size ?? 0;
  }
  let entries = live;
  if (total > 2 * used && used > 0) entries = compact(dir, live, nextSegment);
  const tmp = path.join(dir, `${INDEX}.${process.pid}.tmp`);
  writeFileSync(tmp, v8.serialize({ format: STORE_FORMAT, entries }));
  renameSync(tmp, path.join(dir, INDEX));
  const keep = new Set([...entries.values()].map((l) => l.segment));
  for (const seg of segmentsIn(dir)) if (!keep.has(seg)) rmSync(segmentFile(dir, seg), { force: true });
  return entries;
}

/** Copy the live entries into one new segment (bytes as they are), in key order for a stable layout. */
function compact(dir: string, live: Map<string, RecordLoc>, segment: number): Map<string, RecordLoc> {
  const out = openSync(segmentFile(dir, segment), 'w');
  const fds = new Map<number, number>();
  const moved = new Map<string, RecordLoc>();
  let offset = 0;
  try {
    for (const [key, loc] of [...live].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let fd = fds.get(loc.segment);
      if (fd === undefined) fds.set(loc.segment, (fd = openSync(segmentFile(dir, loc.segment), 'r')));
      const buf = Buffer.allocUnsafe(loc.head + loc.body);
      for (let got = 0; got < buf.byteLength; ) {
        const n = readSync(fd, buf, got, buf.byteLength - got, loc.offset + got);
        if (n === 0) throw new Error(`Cache: Segment ${loc.segment} zu kurz`);
        got += n;
      }
      for (let off = 0; off < buf.byteLength; ) off += writeSync(out, buf, off);
      moved.set(key, { segment, offset, head: loc.head, body: loc.body });
      offset += buf.byteLength;
    }
  } finally {
    closeSync(out);
    for (const fd of fds.values()) closeSync(fd);
  }
  return moved;
}
