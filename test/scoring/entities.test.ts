/**
 * Scored evaluation of entity mentions, candidates and events over annotated texts: the five
 * seeds (through the real pipeline: readDocument → normalise → enrich) and our own German news
 * texts in test/fixtures/knowledge/texts (dpa, Spiegel, NZZ, Der Standard, tagesschau, DW, ZEIT
 * styles). Annotations are entity-id sets per article (not offsets, so a better normaliser does not
 * break them), plus pinned counts for a few entities and the expected events.
 * Floors: entities.floors.json. The test prints the scores and fails below a floor.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseKnowledge } from '../../src/config/corpus.ts';
import { scoreEvents } from '../../src/enrich/events/index.ts';
import { compileKnowledge, enrich, type CompiledKnowledge } from '../../src/enrich/index.ts';
import { readDocument } from '../../src/ingest/index.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import { normalise } from '../../src/normalise/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/knowledge');
const Ids = z.array(z.string()).default([]);
const AnnotationSchema = z.strictObject({
  /** Seeds only: the file under seeds/. */
  file: z.string().optional(),
  event: z.string().nullable(),
  mentionedEvents: Ids,
  people: Ids,
  places: Ids,
  organisations: Ids,
  /** Found or not, neither counts: photo credits, borderline cases. */
  optional: Ids,
  counts: z.record(z.string(), z.number().int().nonnegative()).default({}),
  candidates: Ids,
});
type Annotation = z.infer<typeof AnnotationSchema>;
const FloorsSchema = z.record(z.string(), z.number().min(0).max(1));

interface Case { name: string; ann: Annotation; record: EnrichedArticle }
let ck: CompiledKnowledge;

async function loadCases(): Promise<Case[]> {
  const k = parseKnowledge(readFileSync(path.join(ROOT, 'seeds/corpus.yml'), 'utf8'));
  if (!k.ok) throw new Error(JSON.stringify(k.diagnostics));
  ck = compileKnowledge(k.knowledge);
  const cases: Case[] = [];
  for (const [dir, root] of [['seeds', path.join(ROOT, 'seeds')], ['texts', path.join(FIX, 'texts')]] as const) {
    for (const f of readdirSync(path.join(FIX, dir)).filter((n) => n.endsWith('.yml')).sort()) {
      const ann = AnnotationSchema.parse(parse(readFileSync(path.join(FIX, dir, f), 'utf8')));
      const file = ann.file ?? f.replace(/\.yml$/, '.txt');
      const { document } = await readDocument(root, file);
      if (!document) throw new Error(`fixture ${file} not readable`);
      cases.push({ name: `${dir}/${file}`, ann, record: enrich(normalise(document).article, ck).record });
    }
  }
  return cases;
}

class Tally {
  tp = 0; fp = 0; fn = 0;
  add(expected: Set<string>, found: Set<string>, optional: Set<string>, misses: string[], label: string) {
    for (const id of found) if (!optional.has(id)) { if (expected.has(id)) this.tp++; else { this.fp++; misses.push(`+${label}:${id}`); } }
    for (const id of expected) if (!found.has(id)) { this.fn++; misses.push(`-${label}:${id}`); }
  }
  get precision() { return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp); }
  get recall() { return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn); }
}

describe('entity and event scoring over the annotated fixture set', async () => {
  const cases = await loadCases();
  const floors = FloorsSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, 'entities.floors.json'), 'utf8')));
  const tallies = { people: new Tally(), places: new Tally(), organisations: new Tally(), events: new Tally(), mentionedEvents: new Tally(), candidates: new Tally() };
  let countsOk = 0;
  let countsAll = 0;
  const report: string[] = [];
  for (const c of cases) {
    const misses: string[] = [];
    const opt = new Set(c.ann.optional);
    const ofType = (t: string) => new Set(c.record.entities.filter((e) => e.type === t).map((e) => e.id));
    tallies.people.add(new Set(c.ann.people), ofType('person'), opt, misses, 'person');
    tallies.places.add(new Set(c.ann.places), ofType('place'), opt, misses, 'place');
    tallies.organisations.add(new Set(c.ann.organisations), ofType('organisation'), opt, misses, 'org');
    tallies.events.add(new Set(c.ann.event ? [c.ann.event] : []), new Set(c.record.event ? [c.record.event] : []), new Set(), misses, 'event');
    tallies.mentionedEvents.add(new Set(c.ann.mentionedEvents), new Set(c.record.mentionedEvents), new Set(), misses, 'mentioned');
    const names = new Set(c.record.candidates.map((x) => x.name));
    const expectedNames = new Set(c.ann.candidates);
    tallies.candidates.add(expectedNames, names, new Set(), misses, 'candidate');
    for (const [id, n] of Object.entries(c.ann.counts)) {
      countsAll++;
      const got = c.record.entities.find((e) => e.id === id)?.mentions ?? 0;
      if (got === n) countsOk++;
      else misses.push(`count:${id} ${got}≠${n}`);
    }
    if (process.env.KNOW_DEBUG) {
      // KNOW_DEBUG=1: every mention as found, to check an annotation against the text.
      for (const e of c.record.entities) misses.push(`\n    ${e.id}: ${e.occurrences.map((o) => `${o.block}:${o.text}`).join(' | ')}`);
      misses.push(`\n    mentioned: ${c.record.mentionedEvents.join(', ')}`);
      for (const s of scoreEvents(c.record, c.record.entities, ck)) misses.push(`\n    ${s.id} main=${s.main.toFixed(2)} mention=${s.mention.toFixed(2)} specific=${[...s.specific].join(',')} ${s.evidence.join(' | ')}`);
    }
    report.push(`${c.name}: event=${c.record.event} ${misses.join(' ')}`);
  }
  const scores: Record<string, number> = { countAccuracy: countsAll === 0 ? 1 : countsOk / countsAll };
  for (const [k, t] of Object.entries(tallies)) {
    scores[`${k}.precision`] = t.precision;
    scores[`${k}.recall`] = t.recall;
  }
  console.log(`${report.join('\n')}\n${Object.entries(scores).map(([k, v]) => `${k.padEnd(28)} ${v.toFixed(3)}  (floor ${floors[k]?.toFixed(2) ?? '—'})`).join('\n')}`);

  it('covers the seeds and at least six own texts', () => {
    expect(cases.filter((c) => c.name.startsWith('seeds/')).length).toBe(5);
    expect(cases.filter((c) => c.name.startsWith('texts/')).length).toBeGreaterThanOrEqual(6);
  });
  it.each(Object.keys(floors))('%s stays at or above its floor', (key) => {
    expect(scores[key], `no score named ${key}`).toBeDefined();
    expect(scores[key] ?? 0).toBeGreaterThanOrEqual(floors[key] ?? 1);
  });
});
