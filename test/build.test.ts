import { describe, expect, it } from 'vitest';
import { tightHeapGrowth } from '../src/build.ts';

describe('tightHeapGrowth (the heap while pages are made)', () => {
  it('collects the garbage of the document stage at once, not when V8 next gets round to it', () => {
    const heap = tightHeapGrowth(10_000);
    try {
      heap.collect(); // what is live now
      const before = process.memoryUsage().heapUsed;
      // ~80 MB in old space that nothing refers to any more: only a full collection frees it
      let garbage: number[][] | undefined = Array.from({ length: 10 }, (_, i) => new Array<number>(1_000_000).fill(i + 0.5));
      expect(garbage.length).toBe(10);
      garbage = undefined;
      const piled = process.memoryUsage().heapUsed;
      expect(piled - before).toBeGreaterThan(60 * 1048576);
      heap.collect();
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1048576);
    } finally {
      heap.restore();
    }
  });

  it('leaves small corpora alone (their heap stays small; a collection would only cost time)', () => {
    const heap = tightHeapGrowth(999);
    let garbage: number[] | undefined = new Array<number>(4_000_000).fill(0.5);
    expect(garbage.length).toBe(4_000_000);
    garbage = undefined;
    const piled = process.memoryUsage().heapUsed;
    heap.collect();
    heap.restore();
    expect(piled - process.memoryUsage().heapUsed).toBeLessThan(8 * 1048576);
  });
});
