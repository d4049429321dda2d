/** Events: the main event and the mentioned ones, from general features (no file names). */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/enrich/entities/index.ts';
import { detectEvents, sentences } from '../../../src/enrich/events/index.ts';
import { article, corpus, knowledge } from '../entities/helpers.ts';

const detect = (title: string, ...paras: string[]) => {
  const a = article(title, ...paras);
  const ck = corpus();
  return detectEvents(a, extractEntities(a, ck, []).entities, ck, []);
};

describe('main event', () => {
  it('a report from Wostotschny is the 2023 summit', () => {
    expect(detect('Kim trifft Putin am Weltraumbahnhof', 'Kim Jong Un ist mit dem gepanzerten Zug am Kosmodrom Wostotschny eingetroffen. Putin empfing ihn; es ging um Satelliten.').event).toBe('2023-09-vostochny');
  });

  it('a preview of the Pyongyang visit is the 2024 visit, and a look back is only a mention', () => {
    const r = detect(
      'Putin reist nach Nordkorea',
      'Wladimir Putin wird am Dienstag in Pjöngjang erwartet – zum ersten Mal seit 24 Jahren. Geplant ist ein Partnerschaftsvertrag mit Kim Jong Un.',
      'Im vergangenen September war Kim Jong Un mit dem gepanzerten Zug zum Kosmodrom Wostotschny gereist.',
    );
    expect(r.event).toBe('2024-06-pyongyang');
    expect(r.mentionedEvents).toEqual(['2023-09-vostochny']);
  });

  it('a chronicle of every meeting has no main event but mentions them all', () => {
    const r = detect(
      'Chronologie der Treffen',
      'Juli 2000: Putin besucht Pjöngjang und trifft Kim Jong Il.',
      'April 2019: Kim Jong Un trifft Putin in Wladiwostok.',
      'September 2023: Gipfel am Kosmodrom Wostotschny.',
      'Juni 2024: Putin und Kim Jong Un unterzeichnen in Pjöngjang einen Partnerschaftsvertrag.',
    );
    expect(r.event).toBeNull();
    expect(r.mentionedEvents).toEqual(['2000-07-pyongyang', '2019-04-vladivostok', '2023-09-vostochny', '2024-06-pyongyang']);
  });

  it('a text naming only people every summit shares has no event', () => {
    expect(detect('Putin und Kim', 'Putin und Kim Jong Un verstehen sich gut.')).toEqual({ event: null, mentionedEvents: [] });
  });

  it('nothing at all without events in the knowledge', () => {
    const ck = knowledge({ entities: [{ id: 'p', name: 'Pjöngjang', type: 'place' }] });
    const a = article('Pjöngjang', 'Pjöngjang, Pjöngjang.');
    expect(detectEvents(a, extractEntities(a, ck, []).entities, ck, [])).toEqual({ event: null, mentionedEvents: [] });
  });

  it('a feature every event shares decides nothing; one only this event has does', () => {
    const ck = knowledge({
      entities: [{ id: 'stadt', name: 'Stadt', type: 'place' }, { id: 'x', name: 'Xaver Muster', type: 'person' }],
      events: [
        { id: 'e-1', name: 'Eins', start: '2020-01-01', end: '2020-01-01', place: 'stadt', keywords: ['Gipfel'] },
        { id: 'e-2', name: 'Zwei', start: '2021-01-01', end: '2021-01-01', place: 'stadt', keywords: ['Gipfel', 'Raumfahrt'], participants: ['x'] },
      ],
    });
    const run = (text: string) => {
      const a = article('Bericht', text);
      return detectEvents(a, extractEntities(a, ck, []).entities, ck, []).event;
    };
    expect(run('Gipfel in der Stadt. Gipfel, Gipfel.')).toBeNull();
    expect(run('Gipfel in der Stadt mit Xaver Muster über Raumfahrt. Raumfahrt!')).toBe('e-2');
  });
});

describe('sentences', () => {
  it('splits at sentence ends before a capital or a quote, not inside numbers', () => {
    const t = 'Am 13.09.2023 kam er. „Gut“, sagte er! Dann ging er.';
    expect(sentences(t).map(([a, b]) => t.slice(a, b).trim())).toEqual(['Am 13.09.2023 kam er.', '„Gut“, sagte er!', 'Dann ging er.']);
  });
});
