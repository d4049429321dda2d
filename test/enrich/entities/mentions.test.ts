/** Mentions: spelling and inflection, ambiguity, roles, offsets and order. */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/enrich/entities/index.ts';
import { article, corpus, knowledge } from './helpers.ts';

const ids = (title: string, ...paras: string[]) => extractEntities(article(title, ...paras), corpus(), []).entities.map((e) => e.id).sort();
const mentions = (title: string, ...paras: string[]) =>
  Object.fromEntries(extractEntities(article(title, ...paras), corpus(), []).entities.map((e) => [e.id, e.occurrences.map((o) => o.text)]));

describe('spellings and German inflection', () => {
  it.each([
    ['Putins Besuch', 'putin', 'Putins'],
    ['Er empfing Herrn Putin.', 'putin', 'Putin'],
    ['Kim Jong-uns Gast', 'kim-jong-un', 'Kim Jong-uns'],
    ['Kim-Jong-Un sprach', 'kim-jong-un', 'Kim-Jong-Un'],
    ['Kim Dschong Un sprach', 'kim-jong-un', 'Kim Dschong Un'],
    ['Pjöngjangs Führung', 'pjoengjang', 'Pjöngjangs'],
    ['nach Pyongyang', 'pjoengjang', 'Pyongyang'],
    ['Moskaus Rolle', 'moskau', 'Moskaus'],
    ['Yuri Ushakov sagte', 'uschakow', 'Yuri Ushakov'],
    ['am Kosmodrom Wostotschnyj', 'wostotschny', 'Kosmodrom Wostotschnyj'],
    ['in Vostochny', 'wostotschny', 'Vostochny'],
    ['bei den Vereinten Nationen', 'un', 'Vereinten Nationen'],
    ['im Weißen Haus', 'weisses-haus', 'Weißen Haus'],
    ['Resolutionen des UN-Sicherheitsrates', 'un-sicherheitsrat', 'UN-Sicherheitsrates'],
    ['auf der koreanischen Halbinsel', 'koreanische-halbinsel', 'koreanischen Halbinsel'],
    ['Der Präsident Russlands, Wladimir Putinwird am Dienstag eintreffen', 'putin', 'Wladimir Putin'],
    ['sagte er Juri UschakowKremlberater', 'uschakow', 'Juri Uschakow'],
    ['(mit Informationen von AP)', 'ap', 'AP'],
    ['Ria Novosti meldete', 'ria-nowosti', 'Ria Novosti'],
    ['die Nachrichtenagentur RIA.', 'ria-nowosti', 'RIA'],
    ['Beamte des Uno-Sicherheitsrats', 'un-sicherheitsrat', 'Uno-Sicherheitsrats'],
  ])('%s → %s', (text, id, surface) => {
    expect(mentions('Titel', text)[id]).toEqual([surface]);
  });

  it('acronyms need their case: "ap" in running text is not the agency', () => {
    expect(ids('Titel', 'Er sagte ap und ria.')).toEqual([]);
  });
});

describe('ambiguity', () => {
  it('Wladimir Tichonow is not Wladimir Putin, and a bare "Wladimir" is nobody', () => {
    expect(ids('Titel', 'Das glaubt Wladimir Tichonow, Professor in Oslo.')).toEqual(['oslo', 'tichonow']);
    expect(ids('Titel', 'Wladimir sagte nichts.')).toEqual([]);
  });

  it('Kim-Il-Sung-Platz is a place, not Kim Il Sung; a name-based stadium is not the person either', () => {
    expect(ids('Titel', 'Empfang auf dem Kim-Il-Sung-Platz.')).toEqual(['kim-il-sung-platz']);
    expect(ids('Titel', 'Empfang auf dem Kim Il Sung Platz in Pjöngjang.')).toEqual(['kim-il-sung-platz', 'pjoengjang']);
    expect(ids('Titel', 'Spiel im Kim-Il-Sung-Stadion.')).toEqual([]);
  });

  it('a bare "Kim" is Kim Jong Un only when the article names him', () => {
    expect(mentions('Titel', 'Kim Jong Un reiste an. Kim lächelte.')['kim-jong-un']).toEqual(['Kim Jong Un', 'Kim']);
    expect(ids('Titel', 'Kim lächelte.')).toEqual([]);
  });

  it('"Kim" starting an unknown name is someone else, and so is the bare "Kim" after it', () => {
    const r = extractEntities(article('Titel', 'Kim Jong Un testet Raketen.', 'Südkoreas Verteidigungsminister Kim Yong Hyun sagte, Kim habe gelogen.', 'Kim bestreitet das.'), corpus(), []);
    expect(r.entities.find((e) => e.id === 'kim-jong-un')?.occurrences.map((o) => [o.block, o.text])).toEqual([[0, 'Kim Jong Un'], [2, 'Kim']]);
    expect(r.candidates.map((c) => c.name)).toEqual(['Kim Yong Hyun']);
  });

  it('a bare "Kim" is Kim Jong Un when the article speaks of North Korea’s ruler', () => {
    expect(mentions('Titel', 'Nordkoreas Machthaber reiste an. Kim lächelte.')['kim-jong-un']).toEqual(['Nordkoreas Machthaber', 'Kim']);
  });

  it('a bare "Kim" goes to the nearer Kim of the same paragraph (Kim Jong Il), not to the article’s main Kim', () => {
    const found = mentions(
      'Kim Jong Un empfängt Putin',
      'Kim Jong Un begrüßte den Gast. Kim Jong Un lobte ihn.',
      'Im Jahr 2000 traf Putin Kim Jong Il. Kim schenkte ihm damals einen Hund.',
      'Heute sagt Kim, die Zeiten hätten sich geändert.',
    );
    expect(found['kim-jong-il']).toEqual(['Kim Jong Il', 'Kim']);
    expect(found['kim-jong-un']).toEqual(['Kim Jong Un', 'Kim Jong Un', 'Kim Jong Un', 'Kim']);
  });

  it('"Kremlchef" and "der russische Präsident" are Putin when he is named, nobody otherwise', () => {
    expect(mentions('Titel', 'Wladimir Putin kam an.', 'Der Kremlchef lächelte, der russische Präsident winkte.').putin).toEqual(['Wladimir Putin', 'Kremlchef', 'russische Präsident']);
    expect(ids('Titel', 'Der Kremlchef lächelte.')).toEqual([]);
  });

  it('a role next to the name is one mention, not two', () => {
    expect(mentions('Titel', 'Der russische Präsident Wladimir Putin kam an.').putin).toEqual(['Wladimir Putin']);
    expect(mentions('Titel', 'Der Präsident Russlands, Wladimir Putin, kam an.').putin).toEqual(['Wladimir Putin']);
  });

  it('a role in a dated paragraph goes to the holder of that year', () => {
    const found = mentions('Titel', 'Putin und Medwedew tauschten die Ämter.', 'Im Jahr 2010 reiste der russische Präsident nach China.');
    expect(found.medwedew).toEqual(['Medwedew', 'russische Präsident']);
    expect(found.putin).toEqual(['Putin']);
  });

  it('an alias two entities claim is treated as a short name, never given to both', () => {
    const ck = knowledge({ entities: [
      { id: 'a', name: 'Anna Muster', type: 'person', aliases: ['Muster'] },
      { id: 'b', name: 'Berta Muster', type: 'person', aliases: ['Muster'] },
    ] });
    expect(ck.matcher.shared).toEqual(['muster']);
    const r = extractEntities(article('T', 'Berta Muster kam. Muster sprach.'), ck, []);
    expect(r.entities.map((e) => [e.id, e.mentions])).toEqual([['b', 2]]);
  });
});

describe('the record', () => {
  it('offsets are UTF-16 offsets into the title or the block text', () => {
    const a = article('Putin trifft Kim Jong Un in Pjöngjang', '„Wir sind Freunde“, sagte Kim Jong-un 😀 zu Putin in Pjöngjang.');
    for (const e of extractEntities(a, corpus(), []).entities) {
      for (const o of e.occurrences) {
        const text = o.block === 'title' ? a.title : a.blocks[o.block]?.text ?? '';
        expect(text.slice(o.start, o.end)).toBe(o.text);
      }
    }
  });

  it('sorts by mentions, then by name in German collation', () => {
    const r = extractEntities(article('T', 'Österreich? Nein: Seoul, Oslo, Seoul, Ukraine.'), corpus(), []);
    expect(r.entities.map((e) => [e.name, e.mentions])).toEqual([['Seoul', 2], ['Oslo', 1], ['Ukraine', 1]]);
    const r2 = extractEntities(article('T', 'Ukraine, Äthiopien, Kiew.'), knowledge({ entities: [
      { id: 'u', name: 'Ukraine', type: 'place' }, { id: 'ae', name: 'Äthiopien', type: 'place' }, { id: 'k', name: 'Kiew', type: 'place' },
    ] }), []);
    expect(r2.entities.map((e) => e.name)).toEqual(['Äthiopien', 'Kiew', 'Ukraine']);
  });

  it('title and caption mentions count', () => {
    const a = article('Putin in Pjöngjang', 'Text ohne Namen.');
    a.blocks.push({ type: 'caption', text: 'Putin winkt.', line: 9 });
    const putin = extractEntities(a, corpus(), []).entities.find((e) => e.id === 'putin');
    expect(putin?.occurrences.map((o) => o.block)).toEqual(['title', 1]);
  });
});

describe('resolveName', () => {
  it.each([
    ['Herrn Putin', 'putin'],
    ['Präsident Wladimir Putin', 'putin'],
    ['Kim Jong-uns', 'kim-jong-un'],
    ['Lawrows', 'lawrow'],
    ['der Kremlchef', 'putin'],
    ['Pjöngjangs', 'pjoengjang'],
  ])('%s → %s', (name, id) => {
    expect(corpus().resolveName(name)?.id).toBe(id);
  });
  it('a bare shared short name is ambiguous without context', () => {
    expect(corpus().resolveName('Kim')).toBeUndefined();
    expect(corpus().resolveName('Wladimir')).toBeUndefined();
  });
});
