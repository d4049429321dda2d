import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/enrich/dates/index.ts';

describe('findDates: every form in the issue', () => {
  it.each([
    ['numeric', '19.06.2024', { kind: 'full', date: '2024-06-19' }],
    ['numeric, two-digit year', 'am 19.06.24 in Berlin', { kind: 'full', date: '2024-06-19', preposition: 'am' }],
    ['day month year', '19. Juni 2024', { kind: 'full', date: '2024-06-19' }],
    ['weekday, date, time', 'Mittwoch, 19. Juni 2024, 14:32 Uhr', { kind: 'full', date: '2024-06-19', weekday: 3, time: '14:32' }],
    ['month year', 'Juni 2024', { kind: 'month', month: 6, year: 2024 }],
    ['im Juli 2000', 'im Juli 2000', { kind: 'month', month: 7, year: 2000, preposition: 'im' }],
    ['Brazilian day in parentheses', 'am Mittwoch (19)', { kind: 'weekday', weekday: 3, day: 19 }],
    ['Heute um … Uhr', 'Heute um 19:58 Uhr veröffentlicht.', { kind: 'relative', offsetDays: 0, time: '19:58' }],
    ['weekday with day part', 'am Dienstagabend', { kind: 'weekday', weekday: 2, dayPart: 'abend' }],
    ['compound without preposition', 'Mittwochmorgen', { kind: 'weekday', weekday: 3, dayPart: 'morgen' }],
    ['letzte Woche', 'letzte Woche', { kind: 'relative', relative: { unit: 'week', amount: -1 } }],
    ['seit 24 Jahren', 'seit 24 Jahren', { kind: 'relative', relative: { unit: 'year', amount: -24, since: true } }],
    ['vor zwei Wochen', 'vor zwei Wochen', { kind: 'relative', relative: { unit: 'week', amount: -2 } }],
    ['im September vergangenen Jahres', 'im September vergangenen Jahres', { kind: 'month', month: 9, relative: { unit: 'year', amount: -1 } }],
    ['13. September 2023', 'am 13. September 2023.', { kind: 'full', date: '2023-09-13' }],
    ['Austrian Jänner', '3. Jänner 2021', { kind: 'full', date: '2021-01-03' }],
    ['abbreviated Sept.', '19. Sept. 2023', { kind: 'full', date: '2023-09-19' }],
    ['English order', 'September 13, 2023', { kind: 'full', date: '2023-09-13' }],
    ['garbled month', 'Amur, Russland 13, 2023.', { kind: 'year', year: 2023, day: 13, broken: true }],
    ['bare weekday', 'Der Gipfel am Montag', { kind: 'weekday', weekday: 1 }],
    ['Sonnabend', 'am Sonnabend', { kind: 'weekday', weekday: 6 }],
    ['clock time', 'gegen 14 Uhr', { kind: 'time', time: '14:00' }],
    ['year with preposition', 'seit 2019', { kind: 'year', year: 2019, preposition: 'seit' }],
    ['gestern Abend', 'gestern Abend', { kind: 'relative', offsetDays: -1, dayPart: 'abend' }],
  ])('%s', (_name, text, expected) => {
    const found = findDates(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  it('gives offsets into the text', () => {
    const text = 'Putin besuchte Pjöngjang zum ersten Mal im Juli 2000, Monate später';
    const [m] = findDates(text);
    expect(m && text.slice(m.start, m.end)).toBe('im Juli 2000');
  });

  it.each([
    ['impossible date', '31.02.2024'],
    ['thousands separator', 'fast 80.000 US-Soldaten'],
    ['section number', 'Kapitel 3.1. beginnt'],
    ['the noun Morgen', 'Am Morgen danach'],
    ['a year inside a larger number', 'Artikel 12024 und 1.2019'],
  ])('not a date: %s', (_name, text) => {
    expect(findDates(text).filter((d) => d.kind === 'full' || d.kind === 'year' || d.kind === 'relative')).toEqual([]);
  });

  it('finds several dates in order, without overlaps', () => {
    const kinds = findDates('Am 13. September 2023 trafen sie sich, seit 2019 zum ersten Mal; Kim kam im vergangenen September.').map((d) => d.text);
    expect(kinds).toEqual(['Am 13. September 2023', 'seit 2019', 'im vergangenen September']);
  });

  it('never throws and stays fast on hostile input', () => {
    const hostile = `${'19.'.repeat(20_000)} ${'am Mittwoch ('.repeat(5_000)} ${'1'.repeat(50_000)}`;
    const t = performance.now();
    expect(() => findDates(hostile)).not.toThrow();
    expect(performance.now() - t).toBeLessThan(1500);
  });
});
