import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/render/json-chunks.ts';

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
