/**
 * The record store and the record cache index (src/cache/store.ts, index.ts): entries read back
 * exactly as written, from any segment; segments appear only with their first entry; the index
 * survives a round trip, forgets what the last build did not use, compacts when mostly dead, and
 * treats anything unreadable as an empty cache. And the digest + occurrences give back the very
 * record's JSON (model/record-json.ts), byte for byte — api/articles.json is written from it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { serialize } from 'node:v8';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCacheIndex, saveCacheIndex, storeDirOf } from '../../src/cache/index.ts';
import { memoryStore, segmentReader, segmentWriter, type StoredBody, type StoredHead } from '../../src/cache/store.ts';
import { build } from '../../src/build.ts';
import { digestOf, leanDigest, patchOf } from '../../src/index/digest.ts';
import { articleVector } from '../../src/index/analysis.ts';
import type { RecordLoc } from '../../src/model/digest.ts';
import { packedChars, unpackText, type PackedText } from '../../src/model/packed-text.ts';
import { decodeSegments, encodeSegments, recordJson, recordSegments, storedBlocks, storedQuotes } from '../../src/model/record-json.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'presseschau-store-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

async function seedRecords() {
  const result = await build({ seedsDir: SEEDS, outDir: path.join(tmp(), 'out'), write: false });
  const json = result.pages?.get('api/articles.json');
  if (typeof json !== 'string') throw new Error('no api/articles.json');
  return JSON.parse(json) as import('../../src/model/enriched.ts').EnrichedArticle[];
}

function entry(i: number): [StoredHead, StoredBody] {
  const head = { key: `k${i}`, id: `a${i}`, slug: `s${i}`, path: `artikel/s${i}.html`, ingestDiagnostics: [], normaliseDiagnostics: [{ file: `f${i}`, severity: 'info' as const, stage: 'normalise' as const, ruleId: 'x', message: `Meldung ${i}` }], enrichDiagnostics: [] };
  const body = encodeSegments([`"title":"Titel „${i}“ ${'ä'.repeat(i)}"`, '"candidates":[]', '[]']);
  return [head, body];
}

describe('record store', () => {
  it('reads every entry back, from any segment, head and body apart', () => {
    const dir = tmp();
    const w1 = segmentWriter(dir, 1);
    const w2 = segmentWriter(dir, 2);
    const locs: RecordLoc[] = [];
    for (let i = 0; i < 50; i++) locs.push((i % 2 ? w1 : w2).append(...entry(i)));
    w1.close();
    w2.close();
    const r = segmentReader(dir);
    locs.forEach((loc, i) => {
      expect(r.head(loc)).toEqual(entry(i)[0]);
      expect(r.body(loc)).toEqual(entry(i)[1]);
    });
    expect(() => r.body({ ...locs[3]!, offset: locs[3]!.offset + 10_000_000 })).toThrow(/endet/);
    r.close();
  });

  it('creates a segment file only with its first entry', () => {
    const dir = tmp();
    segmentWriter(dir, 7).close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in memory: the same contract without a folder', () => {
    const m = memoryStore();
    const loc = m.append(...entry(3));
    expect(m.body(loc)).toEqual(entry(3)[1]);
    expect(() => m.head({ segment: -1, offset: 9, head: 0, body: 0 })).toThrow();
  });
});

describe('record cache index', () => {
  it('round trip; segments the last build did not use are deleted', async () => {
    const cache = tmp();
    const index = await openCacheIndex(cache);
    expect(index.entries.size).toBe(0);
    const w = segmentWriter(index.dir, index.nextSegment);
    const live = new Map([['a', w.append(...entry(1))], ['b', w.append(...entry(2))]]);
    w.close();
    writeFileSync(path.join(index.dir, 'seg-99.bin'), 'alt');
    saveCacheIndex(index, live, index.nextSegment + 1);
    expect(existsSync(path.join(index.dir, 'seg-99.bin'))).toBe(false);
    const again = await openCacheIndex(cache);
    expect(again.entries).toEqual(live);
    expect(again.nextSegment).toBeGreaterThan(index.nextSegment);
  });

  it('compacts when most bytes are dead, and the moved entries still read back', async () => {
    const cache = tmp();
    const index = await openCacheIndex(cache);
    const w = segmentWriter(index.dir, index.nextSegment);
    const all = Array.from({ length: 40 }, (_, i) => w.append(...entry(i)));
    w.close();
    const live = new Map([['k3', all[3]!], ['k30', all[30]!]]);
    const saved = saveCacheIndex(index, live, index.nextSegment + 1);
    expect(saved.get('k3')?.segment).toBe(index.nextSegment + 1);
    expect(readdirSync(index.dir).filter((f) => f.endsWith('.bin'))).toEqual([`seg-${index.nextSegment + 1}.bin`]);
    const r = segmentReader(index.dir);
    expect(r.body(saved.get('k30')!)).toEqual(entry(30)[1]);
    expect(r.head(saved.get('k3')!)).toEqual(entry(3)[0]);
    r.close();
  });

  it('a corrupt or foreign index is an empty cache', async () => {
    const cache = tmp();
    const dir = storeDirOf(cache);
    await openCacheIndex(cache);
    writeFileSync(path.join(dir, 'store.v8'), 'kaputt');
    expect((await openCacheIndex(cache)).entries.size).toBe(0);
  });
});

describe('lean digests (what the main thread holds of each article)', () => {
  it('keep the text of the first block, the first paragraph and every first-mention block, and nothing else', async () => {
    for (const r of await seedRecords()) {
      const full = digestOf(r);
      const needed = new Set<number>([0, r.blocks.findIndex((b) => b.type === 'paragraph')]);
      for (const e of full.entities) if (e.first && e.first.block !== 'title') needed.add(e.first.block);
      const lean = leanDigest(digestOf(r));
      expect(lean.blocks).toHaveLength(r.blocks.length);
      // kept blocks as they were, their text packed (one byte per character, model/packed-text.ts)
      lean.blocks.forEach((b, i) => expect(b && { ...b, text: unpackText(b.text) }).toEqual(needed.has(i) ? r.blocks[i] : null));
      expect(lean.blocks.some((b) => b !== null && packedChars(b.text) !== unpackText(b.text))).toBe(true);
      expect(lean.blocks.filter((b) => b === null).length).toBeGreaterThan(0);
    }
  });

  it('reach the main thread as one-byte strings where the text allows (packed blocks, titles, quotations)', async () => {
    const result = await build({ seedsDir: SEEDS, outDir: path.join(tmp(), 'out1'), write: false, workers: 2 });
    // v8.serialize writes a one-byte string as one byte per character, a two-byte one as two
    const oneByte = (s: string) => serialize(s).length < 1.5 * s.length + 8;
    const kept = result.records.flatMap((a) => a.blocks.flatMap((b) => (b ? [packedChars(b.text)] : [])));
    expect(kept.some((t) => unpackText(t as unknown as PackedText) !== t)).toBe(true); // the seeds have „…“ and –
    expect(kept.filter((t) => !oneByte(t))).toEqual([]);
    const latin1 = (s: string) => [...s].every((c) => c.charCodeAt(0) <= 0xff);
    const texts = result.records.flatMap((a) => [a.title, ...a.quotes.map((q) => q.text)]).filter((t) => t.length > 20 && latin1(t));
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((t) => !oneByte(t))).toEqual([]);
  });

  it('a build’s site model gives every article its full blocks back from the record store', async () => {
    const result = await build({ seedsDir: SEEDS, outDir: path.join(tmp(), 'out2'), write: false, workers: 2 });
    const records = new Map((await seedRecords()).map((r) => [r.id, r]));
    expect(result.records.some((a) => a.blocks.includes(null))).toBe(true);
    for (const a of result.records) expect(result.site?.blocksOf(a)).toEqual(records.get(a.id)?.blocks);
  });
});

describe('stored record JSON + patch = JSON.stringify(record)', () => {
  it('for every seed, byte for byte, also with other ids, slugs and sameAs lists', async () => {
    const records = await seedRecords();
    expect(records).toHaveLength(5);
    for (const r of records) {
      expect(articleVector(digestOf(r)).names.length).toBeGreaterThan(0);
      const segments = decodeSegments(encodeSegments(recordSegments(r)));
      expect(recordJson(segments, patchOf(digestOf(r)))).toBe(JSON.stringify(r));
      const other = { id: 'x"y', slug: 'neu', path: 'artikel/neu.html', sameAs: r.quotes.map((_, i) => (i % 2 ? ['a', 'b'] : [])) };
      const patched = { ...r, id: other.id, slug: other.slug, path: other.path, quotes: r.quotes.map((q, i) => ({ ...q, sameAs: other.sameAs[i]! })) };
      expect(recordJson(segments, other)).toBe(JSON.stringify(patched));
    }
  });

  it('keep the blocks once more, alone: read back without the rest of the record', async () => {
    for (const r of await seedRecords()) {
      const segments = decodeSegments(encodeSegments(recordSegments(r)));
      expect(storedQuotes(segments)).toBe(r.quotes.length);
      expect(storedBlocks(segments)).toEqual(r.blocks);
    }
  });

  it('refuses a patch whose quotes do not match the stored ones', async () => {
    const [r] = await seedRecords();
    const segments = decodeSegments(encodeSegments(recordSegments(r!)));
    expect(() => recordJson(segments, { ...patchOf(digestOf(r!)), sameAs: [...r!.quotes.map(() => []), []] })).toThrow(/Zitate/);
  });
});
