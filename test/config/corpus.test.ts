/** corpus.yml: the real file is complete, and the loader is strict with errors that say where and what to do. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/config/corpus.ts';
import { compileKnowledge } from '../../src/enrich/knowledge.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const source = readFileSync(path.join(ROOT, 'seeds/corpus.yml'), 'utf8');

describe('seeds/corpus.yml', () => {
  const r = parseKnowledge(source, 'corpus.yml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  const k = r.knowledge;

  it('loads without diagnostics and covers the domain broadly', () => {
    expect(r.diagnostics).toEqual([]);
    expect(k.site).toMatchObject({ title: 'Presseschau: Putin und Kim', language: 'de' });
    expect(k.site.baseUrl).toBeUndefined();
    expect(k.entities.length).toBeGreaterThanOrEqual(120);
    for (const type of ['person', 'place', 'organisation'] as const) expect(k.entities.filter((e) => e.type === type).length).toBeGreaterThanOrEqual(30);
    for (const e of k.entities) {
      expect(e.description, e.id).not.toBe('');
      expect(e.role, e.id).not.toBe('');
    }
  });

  it('has the five required events with their dates and places', () => {
    const ev = Object.fromEntries(k.events.map((e) => [e.id, `${e.start}…${e.end}@${e.place}`]));
    expect(ev).toMatchObject({
      '2024-06-pyongyang': '2024-06-18…2024-06-19@pjoengjang',
      '2023-09-vostochny': '2023-09-13…2023-09-13@wostotschny',
      '2019-04-vladivostok': '2019-04-25…2019-04-25@wladiwostok',
      '2000-07-pyongyang': '2000-07-19…2000-07-20@pjoengjang',
    });
    expect(ev['2024-10-troops']).toMatch(/^2024-10-/);
  });

  it('no alias is claimed by two entities (shared names belong in shortNames)', () => {
    expect(compileKnowledge(k).matcher.shared).toEqual([]);
  });

  it('exposes lookups by id', () => {
    const ck = compileKnowledge(k);
    expect(ck.entitiesById.get('putin')?.name).toBe('Wladimir Putin');
    expect(ck.eventsById.get('2023-09-vostochny')?.place).toBe('wostotschny');
  });
});

describe('parseKnowledge errors', () => {
  const fail = (yaml: string) => {
    const r = parseKnowledge(yaml, 'corpus.yml');
    expect(r.ok).toBe(false);
    return r.diagnostics;
  };
  const base = 'site:\n  title: T\nentities:\n  - id: moskau\n    name: Moskau\n    type: place\n';

  it('unknown key: names the key, its line and a hint', () => {
    const [d] = fail(`${base}    aliasses: [Moscow]\n`);
    expect(d).toMatchObject({ file: 'corpus.yml', line: 7, severity: 'error', ruleId: 'corpus-schema' });
    expect(d?.message).toContain('entities[0] „moskau“: unbekannter Schlüssel „aliasses“');
    expect(d?.hint).toContain('Meinten Sie „aliases“?');
  });

  it('unknown key inside a role alias', () => {
    const [d] = fail(`${base}    roleAliases:\n      - { text: Hauptstadt, form: 2000-01-01 }\n`);
    expect(d?.line).toBe(8);
  });

  it('duplicate id: both places named, the second one located', () => {
    const [d] = fail(`${base}  - id: moskau\n    name: Moskva\n    type: place\n`);
    expect(d).toMatchObject({ ruleId: 'duplicate-id', line: 7 });
    expect(d?.message).toContain('entities[0]');
  });

  it('bad date: wrong format and impossible day', () => {
    const ev = (start: string) => `${base}events:\n  - id: e\n    name: E\n    start: ${start}\n    end: 2024-06-19\n    place: moskau\n`;
    expect(fail(ev('19.06.2024'))[0]).toMatchObject({ line: 10, ruleId: 'corpus-schema' });
    expect(fail(ev('2024-02-30'))[0]).toMatchObject({ line: 10, ruleId: 'bad-date' });
  });

  it('an event naming an unknown entity', () => {
    const [d] = fail(`${base}events:\n  - id: e\n    name: E\n    start: 2024-06-18\n    end: 2024-06-19\n    place: pjoengjang\n`);
    expect(d).toMatchObject({ ruleId: 'unknown-ref', line: 12 });
  });

  it('end before start', () => {
    const [d] = fail(`${base}events:\n  - id: e\n    name: E\n    start: 2024-06-19\n    end: 2024-06-18\n    place: moskau\n`);
    expect(d).toMatchObject({ ruleId: 'date-range', line: 11 });
  });

  it('a wrong entity type says which values are allowed', () => {
    const [d] = fail(base.replace('type: place', 'type: city'));
    expect(d?.line).toBe(6);
    expect(d?.message).toBe('entities[0] „moskau“.type: erwartet „person“ oder „place“ oder „organisation“, gefunden „city“');
  });
});
