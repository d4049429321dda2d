import { describe, expect, it } from 'vitest';
import type { Repair } from '../../src/model/article.ts';
import { countTokens, repairLine } from '../../src/normalise/repair.ts';

/** Repair one line in the context of a document made of `line` plus `context`. */
function repair(line: string, context = ''): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const ctx = { tokenCount: countTokens([line, context]) };
  return { text: repairLine(line, 7, { open: null }, ctx, repairs), repairs };
}

describe('glued-word repairs', () => {
  it.each([
    ['Der Präsident Russlands, Wladimir Putinwird am Dienstag eintreffen', 'Wladimir Putin wird am', 'glued-verb'],
    ['bei dem er sich mit dem Diktator treffen wird Kim Jong-unDas teilten Staatsmedien mit.', 'Kim Jong-un Das teilten', 'glued-capital'],
    ['sagte er Juri UschakowKremlberater, zitiert von staatlichen Stellen.', 'Juri Uschakow Kremlberater,', 'glued-capital'],
    ['mehrere „wichtige Dokumente“einschließlich eines Vertrags', 'Dokumente“ einschließlich', 'space-after-quote'],
    ['im September 2023.Ahn Young-joon', '2023. Ahn', 'space-after-sentence'],
    ['prüft weitere Schritte.Die Opposition', 'Schritte. Die', 'space-after-sentence'],
    ['Er nannte es»Verrat«und ging.', '»Verrat« und', 'space-after-quote'],
  ])('%j', (line, contains, rule) => {
    const r = repair(line, 'Putin traf Kim.');
    expect(r.text).toContain(contains);
    expect(r.repairs.map((x) => x.rule)).toContain(rule);
    expect(r.repairs.every((x) => x.line === 7)).toBe(true);
  });

  it('records before and after as the affected token', () => {
    expect(repair('Wladimir Putinwird kommen', 'Putin').repairs).toEqual([{ line: 7, before: 'Putinwird', after: 'Putin wird', rule: 'glued-verb' }]);
  });

  it.each([
    'Auf YouTube und bei McDonald warb die Kampagne mit dem iPhone.',
    'Die KdF-Gedenkstätte und die GmbH blieben geschlossen.',
    'LehrerInnen und SchülerInnen protestierten.',
    'Der Journalist und der Tourist fragten nach dem Partnerschaftsvertragberichteten Inhalt.',
    'Die Teilhabe am Plansoll und der Goodwill blieben aus.',
    'Mehr auf www.Spiegel.de und tagesschau.de lesen.',
    'Leonardo DiCaprio und Ursula von der Leyen trafen sich bei der PlayStation-Messe.',
    'Die Nato tagte in Brüssel. BioNTech und AstraZeneca lieferten.',
    'Das ist ein „Zitat“, sagte er.',
    'Er sagte: „Nein.“ Danach ging er.',
  ])('leaves %j unchanged', (line) => {
    const r = repair(line);
    expect(r.repairs).toEqual([]);
    expect(r.text).toBe(line);
  });

  it('does not split a glued-looking token that the document repeats (a real spelling)', () => {
    expect(repair('BlackRockFonds kaufen', 'BlackRockFonds steigen').repairs).toEqual([]);
  });

  it('does not split a verb suffix without evidence that the prefix is a word', () => {
    expect(repair('die Verteilte Last').repairs).toEqual([]);
  });

  it('is idempotent', () => {
    const once = repair('Wladimir Putinwird kommen, „Dokumente“einschließlich, 2023.Ahn', 'Putin').text;
    expect(repair(once, 'Putin').text).toBe(once);
  });
});
