import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/enrich/dates/find.ts';
import { findDates, type DateMention } from '../../../src/enrich/dates/index.ts';
import { vocab } from '../../../src/enrich/dates/vocab.ts';

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

describe('rules skip texts without what they need', () => {
  const PIECES = [
    '19.', '06.', '2024', '24', '13, ', '2023', '14:32', ' Uhr', 'um ', 'am ', 'im ', 'seit ', 'Mittwoch', 'Dienstagabend', ', den ', 'Juni', 'Sept.', 'Sep.', 'Jänner',
    'März', 'Mai', 'vergangenen', 'Jahres', 'letzte', ' Woche', 'zwei', ' Wochen', 'heute', 'Heute', 'gestern', 'morgen', 'Abend', '(19)', ' ', '  ', '\u00a0', ',', '.',
    'Russland ', 'Berlin', 'x', '1.000', '80.000', '3.1.', 'Maier', 'Juniper', '𝟙', '٣',
  ];
  const textArb = fc.array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }), { maxLength: 40 }).map((p) => p.join(''));
  const MONTH_NAMES = new RegExp(vocab.months.flatMap((m) => m.names).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
  const without = (text: string, need: 'digit' | 'month') => (need === 'digit' ? text.replace(/\d/g, '') : text.replace(MONTH_NAMES, ''));

  it('a rule that needs a digit or a month name never matches a text without one', () => {
    fc.assert(
      fc.property(textArb, (raw) => {
        for (const rule of RULES) {
          for (const need of rule.needs ?? []) {
            // Removing a month name can join two pieces into a new one: strip until none is left.
            let text = raw;
            for (let prev = ''; prev !== text; ) [prev, text] = [text, without(text, need)];
            expect(new RegExp(rule.re.source, 'u').test(text)).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('findDates equals the scan of every rule over every text', () => {
    fc.assert(fc.property(textArb, (text) => {
      expect(findDates(text)).toEqual(findDatesEveryRule(text));
    }), { numRuns: 1000 });
  });
});

/** findDates as it was before rules learned their needs (src/enrich/dates/find.ts at 522d2d4). */
function findDatesEveryRule(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0] === '') { rule.re.lastIndex++; continue; }
      const pre = rule.prefix ? rule.prefix.exec(text.slice(Math.max(0, m.index - 40), m.index)) : null;
      if (rule.needsPrefix && !pre) continue;
      const start = m.index - (pre?.[0].length ?? 0);
      if (start > 0 && (rule.left ?? /[\p{L}\p{N}]/u).test(text[start - 1] ?? '')) continue;
      const built = rule.build(m, pre, {});
      if (built) found.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), ...built });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  let reach = -1;
  for (const d of found) {
    if (d.start >= reach) {
      out.push(d);
      reach = d.end;
    }
  }
  return out;
}
