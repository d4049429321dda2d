/** Candidates: names that look like people or organisations but are not in corpus.yml. */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/enrich/entities/index.ts';
import { article, corpus, knowledge } from './helpers.ts';

const candidates = (text: string, ck = corpus()) => extractEntities(article('Titel', text), ck, []).candidates.map((c) => `${c.kind}:${c.name}`);
const empty = () => knowledge({ entities: [] });

describe('candidates', () => {
  it.each([
    ['Das sagte Professor Park Won-gon in Seoul.', 'person:Park Won-gon'],
    ['„Nein“, sagte Jenny Town am Montag.', 'person:Jenny Town'],
    ['Präsidentenberater Mykhaïlo Podoliak forderte mehr Waffen.', 'person:Mykhaïlo Podoliak'],
    ['Verteidigungsminister Andrei Belousov reiste mit.', 'person:Andrei Belousov'],
    ['Andrei Lankov, ein Nordkorea-Experte an der Universität, sagte das.', 'person:Andrei Lankov'],
    ['„Gefährlich“, sagte Nordkorea-Experte Alexander Gabujew.', 'person:Alexander Gabujew'],
    ['Forscher am Stimson-Zentrum warnen.', 'organisation:Stimson-Zentrum'],
  ])('%s → %s', (text, expected) => {
    expect(candidates(text, empty())).toContain(expected);
  });

  it('known entities are never candidates', () => {
    expect(candidates('Präsidentenberater Mykhaïlo Podoliak forderte mehr Waffen. Außenminister Sergej Lawrow schwieg. Andrei Lankov, ein Nordkorea-Experte, sagte das.')).toEqual([]);
  });

  it.each([
    'Die Regierung sagte am Montag, sie prüfe das.',
    'Der Sprecher der Regierung Nordkoreas sagte nichts.',
    'Sputnik/Alexander Kazakov/Pool via REUTERS',
    'Der Präsident Russlands traf den Staatschef in der Hauptstadt.',
    'sagte Russland Unterstützung zu',
  ])('no person candidate in: %s', (text) => {
    expect(candidates(text, empty()).filter((c) => c.startsWith('person:'))).toEqual([]);
  });

  it('keeps the phrase it was found in and the block', () => {
    const [c] = extractEntities(article('T', 'Erster Absatz.', 'Das sagte Professor Park Won-gon.'), empty(), []).candidates;
    expect(c).toMatchObject({ name: 'Park Won-gon', kind: 'person', block: 1 });
    expect(c?.context).toContain('Professor Park Won-gon');
  });
});
