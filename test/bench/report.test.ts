/**
 * bench/report.ts: the seeds line of the table carries Node's own start-up from the same run, the
 * baseline for the "≤ 1 s including Node start-up" target.
 */
import { describe, expect, it } from 'vitest';
import { stats } from '../../bench/measure.ts';
import { renderTable, type Results } from '../../bench/report.ts';

const base: Results = {
  date: '2026-12-01T17:29:00.000Z',
  machine: { cpu: 'AMD EPYC', cores: 2, memoryGB: 23.5, os: 'Linux', gnuTime: true },
  versions: { node: 'v20.20.2', presseschau: 'abc1234', eleventy: null, hugo: null },
  corpora: {},
};

describe('seeds line', () => {
  it('states the cold and warm medians and, when measured, node -e 0 in the same run', () => {
    const table = renderTable({ ...base, seeds: stats([1330, 1201, 1454]), seedsWarm: stats([1010, 990, 1060]), nodeStart: stats([118, 112, 131]) });
    expect(table).toContain('kalt (ohne Ausgabe und Cache): Median 1,33 s (1,20 s–1,45 s, 3 Läufe)');
    expect(table).toContain('Median 1,01 s (0,99 s–1,06 s)');
    expect(table).toContain('Node allein (`node -e 0`, zwischen den kalten Läufen): Median 0,12 s.');
  });

  it('says nothing of Node alone for results from before it was measured', () => {
    expect(renderTable({ ...base, seeds: stats([1330]) })).not.toContain('Node allein');
  });
});
