/**
 * A record cache hit is found from the file's bytes alone, without decoding the file again
 * (parallel/document.ts): what decoding said (encoding notes, front matter warnings) is kept in the
 * stored head and must reach the second build's report exactly as the first build's. The head also
 * keeps the article's digest and index features, so a hit does not read the record either.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/build.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let root: string;
let seeds: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'presseschau-hit-'));
  seeds = path.join(root, 'seeds');
  mkdirSync(seeds);
  const seed = readFileSync(path.join(ROOT, 'seeds', '001_5013a7a63339588b.txt'), 'utf8');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]);
  writeFileSync(path.join(seeds, 'utf16.txt'), utf16);
  writeFileSync(path.join(seeds, 'kaputt.md'), `---\ntitle: [unvollständig\n---\n${seed}`);
  writeFileSync(path.join(seeds, 'schlicht.txt'), seed.replace(/Putin/g, 'Wladimir Putin'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ingestNotes = (r: Awaited<ReturnType<typeof build>>) =>
  r.diagnostics
    .filter((d) => d.stage === 'ingest')
    .map((d) => `${d.file} ${d.severity} ${d.ruleId} ${d.line ?? ''} ${d.message}`)
    .sort();

it('a cache hit reports what decoding the file reported, without decoding it', { timeout: 60_000 }, async () => {
  const out = path.join(root, 'out');
  const cache = path.join(root, 'cache');
  const first = await build({ seedsDir: seeds, outDir: out, cache, workers: 0 });
  expect(first.timings.cacheHits).toBe(0);
  const notes = ingestNotes(first);
  expect(notes.some((n) => n.startsWith('utf16.txt info encoding'))).toBe(true);
  expect(notes.some((n) => n.startsWith('kaputt.md warning front-matter-yaml'))).toBe(true);
  const second = await build({ seedsDir: seeds, outDir: out, cache, workers: 0 });
  expect(second.timings.cacheHits).toBe(3);
  expect(ingestNotes(second)).toEqual(notes);
  expect(second.records.map((r) => r.id)).toEqual(first.records.map((r) => r.id));
  // The hit takes the digest the first build stored (JSON in the entry's head) instead of
  // deriving it from the record again: after the corpus stages it is the article the first build had.
  expect(second.records).toEqual(first.records);
});
