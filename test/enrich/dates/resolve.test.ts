import { describe, expect, it } from 'vitest';
import { resolvePublished } from '../../../src/enrich/dates/index.ts';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { article, knowledge } from './helpers.ts';

const ck = knowledge();
const JUNE = '2024-06-pyongyang';
const SEPT = '2023-09-vostochny';
const removed = (text: string, rule = 'date-line') => ({ line: 2, text, rule });

describe('resolvePublished: the order of sources', () => {
  const body = 'Nordkorea und Russland haben am Mittwoch einen Vertrag unterzeichnet.';

  it('1. a corpus.yml override beats front matter, a dateline and inference', () => {
    const a = article(['Stand: 20.06.2024', body], { declared: { date: '2024-06-21' } });
    const p = resolvePublished(a, JUNE, knowledge({ 'test.txt': { date: '2024-06-22' } }), []);
    expect(p).toMatchObject({ date: '2024-06-22', provenance: 'declared' });
    expect(p?.evidence).toContain('corpus.yml');
  });

  it('1. front matter beats a dateline', () => {
    const a = article(['Stand: 20.06.2024', body], { declared: { date: '2024-06-21' } });
    expect(resolvePublished(a, JUNE, ck, [])).toMatchObject({ date: '2024-06-21', provenance: 'declared', evidence: 'Front Matter: date 2024-06-21' });
  });

  it('2. an explicit dateline beats inference from weekday words', () => {
    const a = article([body], { removed: [removed('Stand: 20.06.2024 14:32 Uhr')] });
    const p = resolvePublished(a, JUNE, ck, []);
    expect(p).toMatchObject({ date: '2024-06-20', provenance: 'extracted' });
    expect(p?.evidence).toContain('„Stand: 20.06.2024 14:32 Uhr“');
  });

  it('3. inference when nothing is declared or written', () => {
    expect(resolvePublished(article([body]), JUNE, ck, [])).toMatchObject({ date: '2024-06-19', provenance: 'inferred' });
  });
});

describe('resolvePublished: explicit lines', () => {
  it.each([
    ['Stand:', [removed('Stand: 19.06.2024 14:32 Uhr')], [], '2024-06-19'],
    ['Veröffentlicht am', [removed('Veröffentlicht am 18. Juni 2024, 08:00 Uhr')], [], '2024-06-18'],
    ['Erstellt:', [removed('Erstellt: 17.06.2024')], [], '2024-06-17'],
    ['a date line under the title', [], ['Mittwoch, 19. Juni 2024, 14:32 Uhr', 'Text.'], '2024-06-19'],
    ['a dateline with place', [], ['Brüssel, 28. Oktober 2024 – Die EU-Außenminister beraten über Nordkorea.'], '2024-10-28'],
    ['a dpa dateline with date', [], ['Berlin (dpa), 28.10.2024 – Die Bundesregierung reagierte.'], '2024-10-28'],
    ['a byline with date', [removed('Von Max Muster, 19.06.2024', 'byline')], [], '2024-06-19'],
    ['published before updated', [removed('Veröffentlicht am 18.06.2024, aktualisiert am 20.06.2024')], [], '2024-06-18'],
  ])('%s', (_name, rem, blocks, date) => {
    const a = article(blocks.length ? blocks : ['Kein Datum im Text.'], { removed: rem });
    expect(resolvePublished(a, null, ck, [])).toMatchObject({ date, provenance: 'extracted' });
  });

  it.each([
    ['an update line', { removed: [removed('Aktualisiert am 20.06.2024, 10:00 Uhr')] }, ['Kein Datum.']],
    ['a programme footer', { removed: [removed('Dieses Thema im Programm: Das Erste | tagesschau | 19.06.2024 20:00 Uhr', 'footer')] }, ['Kein Datum.']],
    ['a teaser', {}, ['Lesen Sie auch: Gipfel am 19.06.2024']],
    ['history in the first paragraph', {}, ['Putin besuchte Pjöngjang zum ersten Mal im Juli 2000 und am 19. Juli 2000 traf er Kim Jong Il.']],
    ['a date in a long first sentence', {}, ['Die Staatsmedien meldeten, dass der Vertrag, der am 19. Juni 2024 unterzeichnet wurde, nun in Kraft getreten sei, wie es hieß.']],
    ['a date in a caption', {}, [{ type: 'caption' as const, text: '13. September 2023' }]],
    ['a date after the head of the article', {}, ['A.', 'B.', 'C.', 'D.', 'E.', '19.06.2024']],
  ])('not a publication date: %s', (_name, extra, blocks) => {
    expect(resolvePublished(article(blocks, extra), null, ck, [])).toBeNull();
  });
});

describe('resolvePublished: inferred from weekday words and the event', () => {
  it.each([
    ['announced on Monday, arrival Tuesday (seed 000)', JUNE, ['Putin wird am Dienstag eintreffen. Das teilten die Staatsmedien am Montag mit.'], '2024-06-17'],
    ['signed on Wednesday (seed 001)', JUNE, ['Nordkorea und Russland haben am Mittwoch eine Partnerschaft unterzeichnet.'], '2024-06-19'],
    ['day in parentheses (seed 002)', JUNE, ['Putin und Kim begannen am Mittwoch (19) ein Gipfeltreffen.'], '2024-06-19'],
    ['future evening: written that day (seed 003)', JUNE, ['Von dort aus wird er am Dienstagabend weiter nach Nordkorea reisen.'], '2024-06-18'],
    ['Mittwochmorgen (seed 004)', SEPT, ['Kim Jong Un wurde am Mittwochmorgen von Putin begrüßt.'], '2023-09-13'],
    ['glued future verb still read as future', JUNE, ['Wladimir Putinwird am Dienstag eintreffen, teilten Staatsmedien am Montag mit.'], '2024-06-17'],
  ])('%s', (_name, ev, blocks, date) => {
    const p = resolvePublished(article(blocks), ev, ck, []);
    expect(p).toMatchObject({ date, provenance: 'inferred' });
    expect(p?.evidence).toContain(`Ereignis ${ev}`);
  });

  it('explains „Heute … veröffentlicht“ by the day the text speaks from', () => {
    const a = article(['Nordkorea und Russland haben am Mittwoch eine Partnerschaft unterzeichnet.'], { removed: [removed('Heute um 19:58 Uhr veröffentlicht.')] });
    const p = resolvePublished(a, JUNE, ck, []);
    expect(p?.date).toBe('2024-06-19');
    expect(p?.evidence).toMatch(/^„Heute um 19:58 Uhr veröffentlicht\.“ – „heute“ = .*Mittwoch, 19\. Juni 2024 \(Ereignis 2024-06-pyongyang, 18\.–19\. Juni 2024\)/);
  });

  it.each([
    ['no event', null, ['Sie haben am Mittwoch unterzeichnet.']],
    ['future without an evening: could be any day before', JUNE, ['Putin wird am Dienstag eintreffen.']],
    ['a weekday only inside a quote', JUNE, ['„Wir haben am Mittwoch unterzeichnet“, sagte Putin.']],
    ['past after future: contradiction', JUNE, ['Putin wird am Montag reisen. Er hat am Mittwoch unterzeichnet.']],
    ['no weekday at all', JUNE, ['Putin besuchte Pjöngjang zum ersten Mal im Juli 2000.']],
    ['tense unknown', JUNE, ['Der Gipfel am Mittwoch.']],
  ])('null when unsure: %s', (_name, ev, blocks) => {
    expect(resolvePublished(article(blocks), ev, ck, [])).toBeNull();
  });

  it('reports a contradiction as a diagnostic', () => {
    const diagnostics: Diagnostic[] = [];
    resolvePublished(article(['Putin wird am Montag reisen. Er hat am Mittwoch unterzeichnet.']), JUNE, ck, diagnostics);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['published-conflict']);
  });
});
