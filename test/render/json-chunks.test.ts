import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partedText } from '../../src/model/page.ts';
import { jsonChunks, jsonParts } from '../../src/render/json-chunks.ts';
import { stageOutput } from '../../src/write/index.ts';

const join = (it: Iterable<string>) => [...it].join('');

describe('jsonChunks: JSON.stringify(value, null, 2) in pieces', () => {
  it('gives the same bytes as JSON.stringify for any JSON-like value, at every split depth', () => {
    const value = fc.anything({ withNullPrototype: false, withObjectString: true, withBoxedValues: false, withMap: false, withSet: false, withBigInt: false, withDate: true, withTypedArray: false, withSparseArray: false });
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => {
        expect(join(jsonChunks(v, depth))).toBe(JSON.stringify(v, null, 2) ?? 'null');
      }),
      { numRuns: 300 },
    );
  });

  it('skips undefined and function properties, writes null for them in arrays, keeps empty containers short', () => {
    const v = { a: undefined, b: [undefined, () => 1, 1], c: {}, d: [], e: { f: undefined }, g: 'x\ny' };
    expect(join(jsonChunks(v))).toBe(JSON.stringify(v, null, 2));
  });

  it('yields one chunk per top-level record at depth 1 (no string holds the whole file)', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, text: 'x'.repeat(100) }));
    const chunks = [...jsonChunks(records, 1)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(200);
    expect(chunks.join('')).toBe(JSON.stringify(records, null, 2));
  });
});

describe('jsonParts: the same bytes as keyed parts', () => {
  const value = fc.anything({ withNullPrototype: false, withObjectString: true, withBoxedValues: false, withMap: false, withSet: false, withBigInt: false, withDate: true, withTypedArray: false, withSparseArray: false });

  it('joins to JSON.stringify(value, null, 2) + tail for any JSON-like value, split depth and group size; keys unique', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 }), (v, splitDepth, group) => {
        const { file } = jsonParts(v, { splitDepth, group, tail: '\n' });
        expect(partedText(file)).toBe(`${JSON.stringify(v, null, 2) ?? 'null'}\n`);
        const keys = file.parts.map((p) => p.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });

  it('equal keys, equal bytes: a part key stands for its text wherever it appears', () => {
    const texts = new Map<string, string>();
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 3 }), (v, group) => {
        for (const part of jsonParts({ a: [v, v, v], b: [v] }, { group }).file.parts) {
          const text = [...part.pieces()].join('');
          const key = part.key.replace(/#\d+$/, '');
          expect(texts.get(key) ?? text).toBe(text);
          texts.set(key, text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('one changed element changes one part (and the file key); the same value gives the same key', () => {
    const report = { version: 1, files: Array.from({ length: 300 }, (_, i) => ({ file: `f${i}.txt`, words: i })), diagnostics: [{ file: 'f1.txt', message: '„Titel“ erschlossen' }] };
    const a = jsonParts(report, { group: 64 });
    expect(jsonParts(structuredClone(report), { group: 64 }).key).toBe(a.key);
    const changed = structuredClone(report);
    (changed.files[130] as { words: number }).words = -1;
    const b = jsonParts(changed, { group: 64 });
    expect(b.key).not.toBe(a.key);
    const before = new Set(a.file.parts.map((p) => p.key));
    expect(b.file.parts.filter((p) => !before.has(p.key))).toHaveLength(1);
    expect(a.file.parts.length).toBe(b.file.parts.length);
    expect(a.file.parts.filter((p) => p.key.startsWith('a:')).length).toBe(Math.ceil(300 / 64) + 1);
  });
});

describe('jsonParts through the writer', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'presseschau-json-parts-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** Writes `value` as report.json through stageOutput with a manifest; `made` counts the parts stringified. */
  async function write(value: unknown) {
    const out = path.join(work, 'dist');
    const staged = await stageOutput(out, { manifest: path.join(work, 'pages.json'), salt: 's' });
    const { key, file } = jsonParts(value, { tail: '\n' });
    let made = 0;
    const counted = { ...file, parts: file.parts.map((p) => ({ key: p.key, pieces: () => (made++, p.pieces()) })) };
    await staged.writeParts('_build/report.json', key, counted);
    const stats = await staged.commit();
    return { made, stats, text: readFileSync(path.join(out, '_build/report.json'), 'utf8') };
  }

  it('a rebuild after one change stringifies only the changed group and the glue around it, byte for byte a cold write', async () => {
    const files = Array.from({ length: 1000 }, (_, i) => ({ file: `artikel-${i}.txt`, title: `„Gipfel“ in Pjöngjang ${i}`, counts: { error: 0, warning: i % 3 } }));
    const first = await write({ summary: { files: 1000 }, files });
    expect(first.text).toBe(`${JSON.stringify({ summary: { files: 1000 }, files }, null, 2)}\n`);
    const next = { summary: { files: 1000 }, files: files.map((f, i) => (i === 500 ? { ...f, title: 'Neuer Titel' } : f)) };
    const second = await write(next);
    expect(second.text).toBe(`${JSON.stringify(next, null, 2)}\n`);
    expect(second.made).toBe(1); // the group with element 500; the glue parts are copied too
    expect(second.stats.copied).toBeGreaterThan(first.text.length * 0.9);
    const third = await write(next);
    expect(third.stats.linked).toBe(1);
    expect(third.made).toBe(0);
  });
});
