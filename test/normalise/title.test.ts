import { describe, expect, it } from 'vitest';
import { inferTitle, isHeadline, splitPublisherSuffix, titleKey } from '../../src/normalise/title.ts';

describe('publisher suffixes', () => {
  it.each([
    ['Putin und Kim Jong Un beginnen Gespräche, während Russland nach Waffen sucht – POLITICO', 'Putin und Kim Jong Un beginnen Gespräche, während Russland nach Waffen sucht', 'POLITICO'],
    ['Was im Vertrag steht | Weltblick', 'Was im Vertrag steht', 'Weltblick'],
    ['Putin und Kim besiegeln Beistandspakt – Süddeutsche Zeitung', 'Putin und Kim besiegeln Beistandspakt', 'Süddeutsche Zeitung'],
    ['Putin in Pjöngjang - tagesschau.de', 'Putin in Pjöngjang', 'tagesschau.de'],
    ['Kim empfängt Putin - DER SPIEGEL', 'Kim empfängt Putin', 'DER SPIEGEL'],
  ])('%j', (line, title, publisher) => {
    expect(splitPublisherSuffix(line)).toEqual({ title, publisher });
  });

  it.each([
    'Putin reist nach Nordkorea – zum ersten Mal seit 24 Jahren',
    'Putin und Kim – eine gefährliche Freundschaft',
    'Nordkorea – Russland: Der Pakt',
    'Kim Jong-un – Putin',
  ])('keeps %j whole', (line) => {
    expect(splitPublisherSuffix(line)).toEqual({ title: line });
  });
});

describe('headline detection', () => {
  it.each([
    ['Nordkorea schließt Militärpakt mit Russland', undefined, true],
    ['Neue Waffendeals? Putin reist nach Nordkorea', undefined, true],
    ['Der russische Präsident, Wladimir Putin, und der nordkoreanische Diktator Kim Jong-un begannen am Mittwoch (19) in Nordkorea ein bilaterales Gipfeltreffen, um die Verteidigungsbeziehungen zu stärken.', undefined, false],
    ['Kim Jong Un empfing Putin am Flughafen.', undefined, false],
    ['Russland hat im UN-Sicherheitsrat die Verlängerung des Mandats der', 'Expertengruppe verhindert', true],
    ['Russland hat im UN-Sicherheitsrat die Verlängerung des Mandats der', 'verhindert, die seit 2009', false],
    ['Flaggen beider Länder. Sputnik/Artem Geodakyan/Pool via REUTERS', undefined, false],
  ])('%j → %s', (text, next, expected) => {
    expect(isHeadline(text, next)).toBe(expected);
  });

  it('compares repeated titles ignoring quotes, case and spacing', () => {
    expect(titleKey('„Nordkorea schließt  Militärpakt“')).toBe(titleKey('nordkorea schließt militärpakt'));
  });
});

describe('titles inferred from the lede', () => {
  it('reduces 002\'s lede to its main clause', () => {
    const lede = 'Der russische Präsident, Wladimir Putin, und der nordkoreanische Diktator Kim Jong-un begannen am Mittwoch (19) in Nordkorea ein bilaterales Gipfeltreffen, um die Verteidigungsbeziehungen zwischen den beiden nuklearbewaffneten Ländern zu stärken, während Moskau seine militärische Offensive in der Ukraine fortsetzt.';
    expect(inferTitle(lede)).toBe('Wladimir Putin und Kim Jong-un begannen in Nordkorea ein bilaterales Gipfeltreffen');
  });

  it.each([
    'Die Bundesregierung hat am Mittwoch nach langen Beratungen im Kabinett und mit den Ländern ein umfangreiches Paket zur Unterstützung der Ukraine beschlossen, das auch Waffenlieferungen umfasst.',
    'Tausende Menschen säumten die Straßen der Hauptstadt.',
    'Nach Angaben des südkoreanischen Generalstabs, der sich auf Geheimdienstinformationen beruft, hat Nordkorea erneut eine ballistische Rakete in Richtung Japanisches Meer abgefeuert und damit die Spannungen in der Region verschärft.',
    'x'.repeat(500),
  ])('is short, cut on a word boundary, without trailing comma: %j', (lede) => {
    const t = inferTitle(lede);
    expect(t.length).toBeGreaterThan(0);
    expect(t.length).toBeLessThanOrEqual(88);
    expect(t).not.toMatch(/[,;:.]$/);
    if (t.endsWith('…')) expect(lede).toContain(t.slice(0, -1).split(' ').slice(0, 2).join(' '));
  });
});
