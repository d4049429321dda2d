import { describe, expect, it } from 'vitest';
import { dateAsWritten, validateDeclared } from '../../src/normalise/declared.ts';
import { rawDoc } from './helpers.ts';

describe('front matter validation', () => {
  it('reads the date as written, never shifted through UTC', () => {
    // gray-matter gives a Date for 2019-04-25T21:15:00Z here; the calendar date written is the 26th.
    const doc = rawDoc('Text', { frontMatter: { date: new Date('2019-04-25T21:15:00Z') }, frontMatterRaw: 'date: 2019-04-26T07:15:00+10:00' });
    expect(validateDeclared(doc).declared).toEqual({ date: '2019-04-26' });
  });

  it.each([
    ['date: 2024-06-19', '2024-06-19'],
    ["date: '2024-06-19'", '2024-06-19'],
    ['date: 2024-06-19 14:32', '2024-06-19'],
    ['date: 2024-02-30', undefined],
    ['date: gestern', undefined],
    ['date: 19.06.2024', undefined],
  ])('%j → %s', (raw, value) => {
    expect(dateAsWritten(raw).value).toBe(value);
  });

  it('warns about wrong types with the line inside the front matter', () => {
    const doc = rawDoc('Text', {
      frontMatter: { title: 42, date: 'gestern', publisher: ['a'], autor: 'x' },
      frontMatterRaw: 'title: 42\ndate: gestern\npublisher:\n  - a\nautor: x',
    });
    const { declared, diagnostics } = validateDeclared(doc);
    expect(declared).toEqual({ title: '42' });
    const byKey = diagnostics.map((d) => [d.severity, d.ruleId, d.line]);
    expect(byKey).toEqual([
      ['info', 'front-matter-unknown-key', 6],
      ['warning', 'front-matter-type', 2],
      ['warning', 'front-matter-type', 3],
      ['warning', 'front-matter-type', 4],
    ]);
    expect(diagnostics.every((d) => d.stage === 'normalise')).toBe(true);
  });

  it('slugifies a declared slug, so it can never be a path', () => {
    const doc = rawDoc('Text', { frontMatter: { slug: '../../etc/Passwörter' }, frontMatterRaw: 'slug: ../../etc/Passwörter' });
    expect(validateDeclared(doc).declared).toEqual({ slug: 'etc-passwoerter' });
  });
});
