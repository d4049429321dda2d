/**
 * Bench smoke test (issue 6): a small synthetic corpus goes through the whole pipeline and every
 * generated article gets its page. No timing assertions — CI machines vary; `npm run bench`
 * measures. Also checks what the bench relies on: generation is deterministic and reused.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus, type CorpusInfo } from '../../bench/generate.ts';
import { build } from '../../src/build.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const COUNT = 150;
let tmp: string;
let corpus: CorpusInfo;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'presseschau-bench-smoke-'));
  corpus = await ensureCorpus({ count: COUNT, seedsDir: SEEDS, root: path.join(tmp, 'corpora') });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('bench corpus generator', () => {
  it('writes the requested number of articles in .txt and .md, and a plain Markdown twin of each', async () => {
    const inputs = (await readdir(corpus.seedsDir)).filter((n) => /\.(txt|md)$/.test(n));
    expect(inputs).toHaveLength(COUNT);
    expect(inputs.some((n) => n.endsWith('.md'))).toBe(true);
    expect(inputs.some((n) => n.endsWith('.txt'))).toBe(true);
    expect(await readdir(corpus.plainDir)).toHaveLength(COUNT);
  });

  it('carries the seeds’ kinds of noise', async () => {
    const inputs = (await readdir(corpus.seedsDir)).filter((n) => /\.(txt|md)$/.test(n));
    const all = (await Promise.all(inputs.map((n) => readFile(path.join(corpus.seedsDir, n), 'utf8')))).join('\n');
    expect(all).toMatch(/^PREV /m);
    expect(all).toMatch(/^© /m);
    expect(all).toMatch(/^---\n(title|date|publisher): /m);
    expect(all).toMatch(/^(.+ via REUTERS\/?)\n+\1$/m); // a caption printed twice
  });

  it('is deterministic and reuses a corpus whose key matches', async () => {
    const again = await ensureCorpus({ count: COUNT, seedsDir: SEEDS, root: path.join(tmp, 'corpora') });
    expect(again.reused).toBe(true);
    const other = await ensureCorpus({ count: COUNT, seedsDir: SEEDS, root: path.join(tmp, 'corpora2') });
    expect(other.reused).toBe(false);
    expect(other.key).toBe(corpus.key);
    const names = (await readdir(corpus.seedsDir)).sort();
    for (const n of [names[0], names[57], names[COUNT - 1]]) {
      if (n === undefined) throw new Error('corpus too small');
      expect(await readFile(path.join(other.seedsDir, n), 'utf8')).toBe(await readFile(path.join(corpus.seedsDir, n), 'utf8'));
    }
  });
});

describe('presseschau on the bench corpus', () => {
  it('builds every generated article into its page', async () => {
    const outDir = path.join(tmp, 'out');
    const result = await build({ seedsDir: corpus.seedsDir, outDir });
    expect(result.records).toHaveLength(COUNT);
    const sources = new Set(result.records.map((r) => r.sourceFile));
    expect(sources.size).toBe(COUNT);
    for (const r of result.records) {
      const page = await stat(path.join(outDir, r.path));
      expect(page.isFile(), r.path).toBe(true);
      expect(page.size, r.path).toBeGreaterThan(0);
    }
    expect(await stat(path.join(outDir, 'index.html'))).toBeTruthy();
  });
});
