/**
 * src/model/german.ts writes dates and numbers by hand; Intl's de-DE formats are the oracle. Every
 * day of 1900–2100, ranges between them, and numbers across their range must come out the same.
 */
import { describe, expect, it } from 'vitest';
import { dateRange, germanDecimal, germanNumber, longDate, monthYear, weekdayDate } from '../../src/model/german.ts';

const long = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const weekday = new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const number = new Intl.NumberFormat('de-DE');
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

const DAY = 86_400_000;
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const days: string[] = [];
for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += DAY) days.push(isoOf(t));

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('dates as Intl de-DE writes them', () => {
  it('every day of 1900–2100: long, with weekday, month and year', () => {
    const wrong: string[] = [];
    for (const iso of days) {
      const t = new Date(`${iso}T00:00:00Z`);
      if (longDate(iso) !== long.format(t)) wrong.push(`long ${iso}: ${longDate(iso)}`);
      if (weekdayDate(iso) !== weekday.format(t)) wrong.push(`weekday ${iso}: ${weekdayDate(iso)}`);
      if (monthYear(iso) !== month.format(t)) wrong.push(`month ${iso}: ${monthYear(iso)}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(monthYear('2024-09')).toBe('Sept. 2024');
  });

  it('ranges within a month, across months and across years', () => {
    const next = random(7);
    const wrong: string[] = [];
    const pairs: [string, string][] = [['2024-06-18', '2024-06-19'], ['2024-05-30', '2024-06-02'], ['2023-12-30', '2024-01-02'], ['2024-06-19', '2024-06-19']];
    for (let i = 0; i < 20_000; i++) {
      const a = Math.floor(next() * days.length);
      const b = Math.min(days.length - 1, a + Math.floor(next() * (i % 3 === 0 ? 40 : i % 3 === 1 ? 400 : 4000)));
      pairs.push([days[a] as string, days[b] as string]);
    }
    for (const [a, b] of pairs) {
      const want = long.formatRange(new Date(`${a}T00:00:00Z`), new Date(`${b}T00:00:00Z`));
      if (dateRange(a, b) !== want) wrong.push(`${a}/${b}: ${dateRange(a, b)} ≠ ${want}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(dateRange('2024-05-30', '2024-06-02')).toBe('30. Mai\u2009–\u20092. Juni 2024');
  });

  it('a day that does not exist comes out as Intl writes it (JavaScript rolls 2024-02-30 over to 1 March)', () => {
    for (const iso of ['2024-02-30', '2023-02-29', '2024-04-31']) {
      const t = new Date(`${iso}T00:00:00Z`);
      expect(longDate(iso)).toBe(long.format(t));
      expect(weekdayDate(iso)).toBe(weekday.format(t));
    }
    expect(longDate('2024-02-30')).toBe('1. März 2024');
  });

  it('outside the written-out years it is Intl itself', () => {
    for (const iso of ['0999-12-31', '0005-01-01']) {
      const t = new Date(`${iso}T00:00:00Z`);
      expect(longDate(iso)).toBe(long.format(t));
      expect(weekdayDate(iso)).toBe(weekday.format(t));
    }
  });
});

describe('numbers as Intl de-DE writes them', () => {
  it('integers', () => {
    const next = random(11);
    const values = [0, -0, 1, 9, 10, 999, 1000, 1001, 9999, 10_000, 123_456, 1_000_000, -1, -1234, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 20_000; i++) values.push(Math.floor((next() - 0.3) * 10 ** Math.floor(next() * 16)));
    const wrong = values.filter((n) => germanNumber(n) !== number.format(n));
    expect(wrong.slice(0, 10)).toEqual([]);
    // not integers: Intl itself
    for (const n of [1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY]) expect(germanNumber(n)).toBe(number.format(n));
  });

  it('one decimal, rounded as ICU rounds', () => {
    const next = random(13);
    const values = [0, 0.05, 0.04999, 0.95, 1.05, 1.15, 1.25, 2.675, 9.95, 999.95, 1023.95, 123_456.789, 1e-7, 5e-324, 99_999_999_999.96];
    for (let k = 0; k <= 200_000; k++) values.push(k / 1000);
    for (let i = 0; i < 20_000; i++) values.push(next() * 10 ** Math.floor(next() * 13));
    for (let i = 0; i < 5_000; i++) values.push(Math.floor(next() * 1e9) / 1024 / 1024); // formatBytes divides like this
    const wrong = values.filter((n) => germanDecimal(n) !== decimal.format(n)).map((n) => `${n}: ${germanDecimal(n)} ≠ ${decimal.format(n)}`);
    expect(wrong.slice(0, 10)).toEqual([]);
    for (const n of [-1.25, -0, 1e15, Number.NaN]) expect(germanDecimal(n)).toBe(decimal.format(n));
  });
});
