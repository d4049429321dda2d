/** Shared helpers for the normalise tests: run a file through the real ingest, then normalise. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../src/ingest/index.ts';
import type { RawDocument } from '../../src/model/raw.ts';
import { normalise, type NormaliseResult } from '../../src/normalise/index.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS = path.join(ROOT, 'seeds');
export const CASES = path.join(ROOT, 'test/fixtures/normalise/cases');
export const SEED_ANNOTATIONS = path.join(ROOT, 'test/fixtures/normalise/seeds');

export async function load(dir: string, file: string): Promise<RawDocument> {
  const r = await readDocument(dir, file);
  if (!r.document) throw new Error(`${file}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.document;
}

export async function run(dir: string, file: string): Promise<NormaliseResult> {
  return normalise(await load(dir, file));
}

/** A RawDocument from a string, for unit tests that do not need the disk. */
export function rawDoc(text: string, extra: Partial<RawDocument> = {}): RawDocument {
  return {
    id: 'test', sourceFile: 'test.txt', format: 'txt', sha256: '0'.repeat(64), byteLength: text.length,
    text, lineOffset: 0, frontMatter: {}, frontMatterRaw: '', ...extra,
  };
}
