import { describe, expect, it } from 'vitest';
import { splitCredit } from '../../src/normalise/captions.ts';

describe('caption credits', () => {
  it.each([
    ['Flaggen beider Länder. Sputnik/Artem Geodakyan/Pool via REUTERS', 'Flaggen beider Länder.', 'Sputnik/Artem Geodakyan/Pool via REUTERS'],
    ['Kim Jong-un und Wladimir Putin bei ihrem vergangenen Treffen im September 2023. ©Vladimir Smirnov/Sputnik', 'Kim Jong-un und Wladimir Putin bei ihrem vergangenen Treffen im September 2023.', '©Vladimir Smirnov/Sputnik'],
    ['Südkoreanische Zeitungen berichteten über das Treffen im September 2023.Ahn Young-joon/Copyright 2023 The AP. All rights reserved.', 'Südkoreanische Zeitungen berichteten über das Treffen im September 2023.', 'Ahn Young-joon/Copyright 2023 The AP. All rights reserved.'],
    ['Putin begrüßt Kim in der Region Amur, Russland 13, 2023. EFE/EPA/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL', 'Putin begrüßt Kim in der Region Amur, Russland 13, 2023.', 'EFE/EPA/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL'],
    ['Putin und Kim besuchen das Kosmodrom Wostotschny. 13. September 2023. Sputnik/Mikhail Metzel/Kreml via REUTERS/', 'Putin und Kim besuchen das Kosmodrom Wostotschny. 13. September 2023.', 'Sputnik/Mikhail Metzel/Kreml via REUTERS'],
    ['Kim und Putin beim Empfang am Flughafen. Foto: Alexander Zemlianichenko/AP/dpa', 'Kim und Putin beim Empfang am Flughafen.', 'Foto: Alexander Zemlianichenko/AP/dpa'],
    ['Putin und Kim unterzeichnen den Vertrag. Bild: picture alliance / AP', 'Putin und Kim unterzeichnen den Vertrag.', 'Bild: picture alliance / AP'],
  ])('%j', (input, text, credit) => {
    expect(splitCredit(input)).toEqual({ text, credit });
  });

  it.each([
    '„Die beste Antwort besteht darin, mehr Munition an die Ukraine zu liefern“, sagte Kuleba der AFP.',
    'Kims Besuch findet statt, sagte ein westlicher Beamter Reuters letzte Woche.',
    'Das Verhältnis von Moskau/Pjöngjang ist eng. Beide Seiten wollen mehr Handel.',
    'Putin kam an. Via Peking reiste er weiter nach Hanoi und traf dort Regierungsvertreter.',
    'Westliche Bedenken',
  ])('no credit in %j', (input) => {
    expect(splitCredit(input)).toBeUndefined();
  });
});
