/**
 * bench/report.ts: the seeds line of the table carries Node's own start-up from the same run, the
 * baseline for the "≤ 1 s including Node start-up" target; the table gives each tool's CPU time
 * beside its wall time, and the CPU ratios.
 */
import { describe, expect, it } from 'vitest';
import { parseTimeReport, stats } from '../../bench/measure.ts';
import { renderTable, type Results, type ToolResult } from '../../bench/report.ts';

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

describe('CPU time', () => {
  it('is user + system from the report of /usr/bin/time -v, beside the peak RSS', () => {
    const report = ['\tCommand being timed: "node x"', '\tUser time (seconds): 56.45', '\tSystem time (seconds): 6.07', '\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:33.35', '\tMaximum resident set size (kbytes): 950992'].join('\n');
    expect(parseTimeReport(report)).toEqual({ rssMB: 928.7, cpuMs: 62520 });
    expect(parseTimeReport('')).toEqual({ rssMB: null, cpuMs: null });
  });

  const tool = (wall: number[], cpu?: number[]): ToolResult => ({
    ...stats(wall),
    ...(cpu ? { cpu: stats(cpu) } : {}),
    rssMB: 900,
    outputBytes: 2 ** 20,
    outputFiles: 10,
    articlePages: 10,
    articlesPerSec: 1,
    load1: [],
  });

  it('stands beside the wall time, with presseschau against the others', () => {
    const table = renderTable({
      ...base,
      corpora: {
        '10000': {
          articles: 10000,
          inputBytes: 1,
          corpusKey: 'k',
          tools: { presseschau: tool([33000, 35000, 31000], [60000, 62000, 58000]), eleventy: tool([15000], [20000]), hugo: tool([9000], [15000]) },
          ratios: { eleventy: 2.2, hugo: 3.67 },
          ratiosMin: { eleventy: 2.07, hugo: 3.44 },
        },
      },
    });
    const row = (name: string) => table.split('\n').find((l) => l.includes(`| ${name} |`)) ?? '';
    expect(table).toContain('| CPU-Zeit (Median) |');
    expect(row('presseschau')).toMatch(/\| 33,00 s \| 31,00 s–35,00 s \(3\) \| 60,00 s \|/);
    expect(row('presseschau')).toMatch(/\| 3× \| 4× \|$/);
    expect(row('eleventy')).toMatch(/\| 20,00 s \|/);
    expect(row('eleventy')).toMatch(/\|  \|  \|$/);
  });

  it('is a question mark where it was not measured (no GNU time), and then there is no CPU ratio', () => {
    const table = renderTable({
      ...base,
      corpora: { '1000': { articles: 1000, inputBytes: 1, corpusKey: 'k', tools: { presseschau: tool([5000]), eleventy: tool([2000], [2500]) }, ratios: { eleventy: 2.5 }, ratiosMin: { eleventy: 2.5 } } },
    });
    const row = table.split('\n').find((l) => l.includes('| presseschau |')) ?? '';
    expect(row).toMatch(/\(1\) \| \? \|/);
    expect(row).toMatch(/\|  \|  \|$/);
  });
});
