/**
 * Case tables for the boilerplate rules of src/normalise/rules/boilerplate.json: every rule has
 * lines it must remove and look-alike body lines it must keep. A rule without a positive row
 * here fails the coverage test, so a new rule needs a data entry plus a test row.
 */
import { describe, expect, it } from 'vitest';
import { matchLine, matchParagraph } from '../../src/normalise/boilerplate.ts';
import { RULES } from '../../src/normalise/data.ts';

/** [rule, text that it must remove] */
const POSITIVE: [string, string][] = [
  ['lone-dash', '-'],
  ['lone-dash', '* * *'],
  ['lone-dash', '———'],
  ['teaser-prev-next', 'PREV Musks beunruhigende Vorhersage über die künftige Nutzung von Mobiltelefonen'],
  ['teaser-prev-next', 'NEXT Ein 34-jähriger Belgier ertrinkt in einem Teich'],
  ['teaser-prev-next', 'Nächster Artikel: Wahl in Frankreich'],
  ['teaser-read-more', 'Lesen Sie auch: Wie Nordkorea Russland mit Munition versorgt'],
  ['teaser-read-more', 'Mehr zum Thema'],
  ['teaser-read-more', 'Das könnte Sie auch interessieren'],
  ['teaser-read-more', 'Das könnte Sie auch interessieren: Kim in Wladiwostok'],
  ['agency-line', 'ATS'],
  ['agency-line', '(dpa/AFP)'],
  ['agency-credit', '(mit Informationen von AP)'],
  ['agency-credit', 'Mit Material von dpa und Reuters'],
  ['agency-credit', 'Quelle: AFP'],
  ['agency-credit', '(red/dpa)'],
  ['copyright', '© Euronews'],
  ['copyright', '© 2024 Süddeutsche Zeitung GmbH'],
  ['copyright', 'Copyright 2023 Weltblick. Alle Rechte vorbehalten.'],
  ['date-line', 'Heute um 19:58 Uhr veröffentlicht.'],
  ['date-line', 'Stand: 19.06.2024 14:32 Uhr'],
  ['date-line', 'Veröffentlicht am 19.06.2024'],
  ['date-line', 'Aktualisiert am 20.06.2024, 09:15 Uhr'],
  ['date-line', 'Mittwoch, 19. Juni 2024'],
  ['date-line', '19.06.2024, 14:32 Uhr'],
  ['date-line', '2024-06-19 14:32'],
  ['byline', 'Von Max Muster'],
  ['byline', 'Von Anna Beispiel und Jan de Vries, Moskau'],
  ['byline', 'Autorin: Maria Schmidt'],
  ['reading-time', 'Lesezeit: 3 Min.'],
  ['reading-time', '4 Minuten Lesezeit'],
  ['breadcrumb', 'Startseite > Politik > Ausland'],
  ['breadcrumb', 'Politik › Ausland › Asien'],
  ['ad-label', 'Anzeige'],
  ['ad-label', 'WERBUNG'],
  ['newsletter', 'Newsletter'],
  ['newsletter', 'Andere Newsletter'],
  ['login', 'Einloggen'],
  ['login', 'Registrieren'],
  ['comments', '0 Kommentare'],
  ['comments', 'Leave a Reply'],
  ['comments', 'Kommentare (12)'],
  ['feedback', 'Haben Sie einen Fehler gefunden? Bitte melden Sie ihn uns.'],
  ['share-print', 'Teilen'],
  ['share-print', 'Teilen Drucken Kommentieren'],
  ['share-print', 'Facebook | Twitter | E-Mail'],
  ['audio-widget', 'Abonnieren Sie jetzt und genießen Sie die Audiowiedergabefunktion.'],
  ['audio-widget', 'BotTalk'],
  ['audio-widget', 'Artikel anhören'],
  ['paywall', 'Jetzt abonnieren'],
  ['paywall', 'Dieser Artikel ist nur für Abonnenten verfügbar.'],
  ['source-link', 'source site'],
  ['source-link', 'Zur Quelle'],
  ['photo-credit', 'Foto: Michael Kappeler/dpa'],
  ['photo-credit', 'Bild: picture alliance / AP'],
  ['newsletter-blurb', 'Möchten Sie auf dem Laufenden bleiben? „Tribune de Genève“ bietet Ihnen zwei Treffen pro Tag direkt in Ihrem E-Mail-Postfach an.'],
  ['newsletter-blurb', 'Melden Sie sich jetzt für unseren kostenlosen Newsletter an.'],
  ['cookie-banner', 'Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren.'],
  ['cookie-banner', 'Diese Website verwendet Cookies.'],
  ['cookie-banner', 'Alle akzeptieren'],
];

/** Body lines that resemble boilerplate and must stay. */
const NEGATIVE: string[] = [
  'Von dort aus wird er am Dienstagabend weiter nach Nordkorea reisen – zum ersten Mal seit 24 Jahren.',
  'Von Moskau aus reiste Putin weiter nach Jakutien.',
  'Heute ist Putin in Pjöngjang eingetroffen.',
  'Stand der Verhandlungen ist unklar, sagte ein Diplomat.',
  'Aktualisiert wurde die Sanktionsliste zuletzt im März.',
  'Zum Thema Sanktionen äußerte sich Putin nicht.',
  'Putin sagte, Russland kämpfe gegen die „hegemoniale und imperialistische“ Politik der USA, sagte Kuleba der AFP.',
  'Der Newsletter-Anbieter hat die Preise erhöht, berichtete die Zeitung.',
  'Westliche Bedenken',
  'Volle Unterstützung',
  'Kommentatoren in Seoul sehen das anders.',
  'Teilen sich Russland und Nordkorea künftig Militärtechnik?',
  'Die EU will Cookies-Banner vereinfachen, sagte die Kommissarin.',
  'Werbung für den Krieg ist in Russland allgegenwärtig.',
  'Anzeigen gegen Kritiker häufen sich.',
  'AP-Reporter konnten die Angaben nicht überprüfen.',
  'Quelle der Informationen war ein Regierungsbeamter.',
  '13. September 2023 trafen sich beide im Kosmodrom.',
  'Startseite des Kremls zeigte Bilder des Treffens.',
  'Foto-Termine gab es nicht.',
];

const matches = (text: string) => matchLine(text)?.name ?? matchParagraph(text)?.name;

describe('boilerplate rules', () => {
  it.each(POSITIVE)('%s removes %j', (rule, text) => {
    expect(matches(text)).toBe(rule);
  });
  it.each(NEGATIVE)('keeps body line %j', (text) => {
    expect(matches(text)).toBeUndefined();
  });
  it('every rule in boilerplate.json has a positive test row', () => {
    const tested = new Set(POSITIVE.map(([r]) => r));
    expect(RULES.map((r) => r.name).filter((n) => !tested.has(n))).toEqual([]);
  });
  it('rule names are unique kebab-case', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it('never tests text beyond maxLength (a long paragraph is body)', () => {
    expect(matchLine(`Anzeige ${'x '.repeat(200)}`)).toBeUndefined();
    expect(matchParagraph(`Wir verwenden Cookies ${'und weiter '.repeat(200)}`)).toBeUndefined();
  });
});
