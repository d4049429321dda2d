/**
 * Deterministic synthetic corpora for the benchmark: `<root>/<count>/seeds/` (messy .txt/.md for
 * presseschau, plus corpus.yml when the real seeds have one) and `<root>/<count>/plain/` (the same
 * articles as plain Markdown for Eleventy and Hugo). Written in batches so memory stays flat, into
 * a temporary folder renamed into place at the end, and reused when `key.json` matches a hash of
 * generator version + options + vocabulary + seed texts + corpus.yml.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeArticle, makeContext } from './article.ts';
import { readSeedPool } from './seed-pool.ts';
import { loadVocab } from './vocab.ts';

/** Bump when the generated text changes, so stale corpora are regenerated. */
export const GENERATOR_VERSION = 1;
const BATCH = 256;
const GENERATOR_SOURCES = ['./article.ts', './seed-pool.ts', './generate.ts'];

export interface CorpusOptions {
  count: number;
  /** Folder with the seed texts (and optionally corpus.yml). */
  seedsDir: string;
  /** Where corpora live; default bench/corpora. */
  root: string;
  /** PRNG seed; default 1. */
  seed?: number;
}

export interface CorpusInfo {
  count: number;
  key: string;
  /** Input folder for presseschau. */
  seedsDir: string;
  /** Plain Markdown folder for Eleventy and Hugo. */
  plainDir: string;
  /** Bytes of all generated input files. */
  inputBytes: number;
  reused: boolean;
  ms: number;
}

interface KeyFile {
  key: string;
  count: number;
  inputBytes: number;
}

export async function ensureCorpus(options: CorpusOptions): Promise<CorpusInfo> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const { vocab, source } = loadVocab();
  const pool = readSeedPool(options.seedsDir, vocab);
  const corpusYml = await readFile(path.join(options.seedsDir, 'corpus.yml')).catch(() => null);
  const hash = createHash('sha256').update(JSON.stringify({ GENERATOR_VERSION, seed, count: options.count })).update(source);
  // The generator's own sources are part of the key too: an edit there must not reuse old corpora.
  for (const f of GENERATOR_SOURCES) hash.update(await readFile(new URL(f, import.meta.url)));
  for (const f of pool.files) hash.update(f.name).update(f.bytes);
  if (corpusYml) hash.update('corpus.yml').update(corpusYml);
  const key = hash.digest('hex');

  const dir = path.join(options.root, String(options.count));
  const info = (inputBytes: number, reused: boolean): CorpusInfo => ({
    count: options.count, key, seedsDir: path.join(dir, 'seeds'), plainDir: path.join(dir, 'plain'), inputBytes, reused,
    ms: Math.round(performance.now() - started),
  });
  const existing = await readFile(path.join(dir, 'key.json'), 'utf8').then((s) => JSON.parse(s) as KeyFile, () => null);
  if (existing?.key === key) return info(existing.inputBytes, true);

  const tmp = path.join(options.root, `.tmp-${options.count}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(path.join(tmp, 'seeds'), { recursive: true });
  await mkdir(path.join(tmp, 'plain'));
  const ctx = makeContext(pool, vocab);
  let inputBytes = 0;
  for (let start = 0; start < options.count; start += BATCH) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(options.count, start + BATCH); i++) {
      const a = makeArticle(i, seed, ctx);
      const raw = Buffer.from(a.raw);
      inputBytes += raw.length;
      writes.push(writeFile(path.join(tmp, 'seeds', `${a.name}.${a.format}`), raw));
      writes.push(writeFile(path.join(tmp, 'plain', `${a.name}.md`), a.plain));
    }
    await Promise.all(writes);
  }
  if (corpusYml) await copyFile(path.join(options.seedsDir, 'corpus.yml'), path.join(tmp, 'seeds', 'corpus.yml'));
  const keyFile: KeyFile = { key, count: options.count, inputBytes };
  await writeFile(path.join(tmp, 'key.json'), JSON.stringify(keyFile, null, 2) + '\n');
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return info(inputBytes, false);
}
