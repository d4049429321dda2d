/**
 * Scored evaluation of publication dates and quote speakers over annotated texts: the five seeds
 * and our own German texts in test/fixtures/dates-quotes/texts, each through the real pipeline
 * (readDocument → normalise → enrich with seeds/corpus.yml). Quotes are annotated by a distinctive
 * substring and a speaker, not by offsets, so a better normaliser does not break the annotations.
 * Precision and recall must stay at or above the floors pinned in floors.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/config/corpus.ts';
import { compileKnowledge, enrich } from '../../src/enrich/index.ts';
import { linkQuotes } from '../../src/index/quotes.ts';
import { readDocument } from '../../src/ingest/index.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import { normalise } from '../../src/normalise/index.ts';

const ROOT = path.resolve('.');
const FIXTURES = path.join(ROOT, 'test/fixtures/dates-quotes');

const Annotation = z.strictObject({
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  quotes: z.array(z.union([
    z.strictObject({ contains: z.string().min(1), speaker: z.string() }),
    z.strictObject({ contains: z.string().min(1), speakerName: z.string() }),
  ])).default([]),
  /** Whole quoted strings that must not come out as quotes (scare quotes, headings, widgets). */
  notQuotes: z.array(z.string()).default([]),
});
type Annotation = z.infer<typeof Annotation>;
const Floors = z.object({ publishedPrecision: z.number(), publishedRecall: z.number(), speakerPrecision: z.number(), speakerRecall: z.number() });

interface Case { name: string; dir: string; file: string; annotation: Annotation }

function cases(): Case[] {
  const out: Case[] = [];
  for (const f of readdirSync(path.join(FIXTURES, 'seeds')).sort()) {
    out.push({ name: `seeds/${f}`, dir: path.join(ROOT, 'seeds'), file: f.replace(/\.yml$/, '.txt'), annotation: Annotation.parse(parse(readFileSync(path.join(FIXTURES, 'seeds', f), 'utf8'))) });
  }
  const texts = readdirSync(path.join(FIXTURES, 'texts')).sort();
  for (const f of texts.filter((t) => /\.(txt|md)$/.test(t))) {
    const ann = path.join(FIXTURES, 'texts', f.replace(/\.(txt|md)$/, '.yml'));
    out.push({ name: `texts/${f}`, dir: path.join(FIXTURES, 'texts'), file: f, annotation: Annotation.parse(parse(readFileSync(ann, 'utf8'))) });
  }
  return out;
}

const ALL = cases();
const records = new Map<string, EnrichedArticle>();

beforeAll(async () => {
  const k = parseKnowledge(readFileSync(path.join(ROOT, 'seeds/corpus.yml'), 'utf8'));
  if (!k.ok) throw new Error(`seeds/corpus.yml ungültig: ${k.diagnostics.map((d) => d.message).join('; ')}`);
  const ck = compileKnowledge(k.knowledge);
  for (const c of ALL) {
    const read = await readDocument(c.dir, c.file);
    if (!read.document) throw new Error(`${c.name}: nicht lesbar (${read.diagnostics.map((d) => d.message).join('; ')})`);
    records.set(c.name, enrich(normalise(read.document).article, ck).record);
  }
});

interface Score { tp: number; fp: number; fn: number; errors: string[] }
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function scoreDates(): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, errors: [] };
  for (const c of ALL) {
    const got = records.get(c.name)?.published?.date ?? null;
    const want = c.annotation.published;
    if (got === want) {
      if (got !== null) s.tp++; // null = null is a correct abstention: no date is better than a wrong one
    } else {
      if (got !== null) s.fp++;
      if (want !== null) s.fn++;
      s.errors.push(`${c.name}: Datum ${got ?? 'null'}, erwartet ${want ?? 'null'}`);
    }
  }
  return s;
}

function scoreSpeakers(): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, errors: [] };
  for (const c of ALL) {
    const quotes = records.get(c.name)?.quotes ?? [];
    const claimed = new Set<number>();
    for (const a of c.annotation.quotes) {
      const i = quotes.findIndex((q) => q.text.includes(a.contains));
      const q = quotes[i];
      const ok = q !== undefined && ('speaker' in a ? q.speakerId === a.speaker : q.speakerId === null && q.speakerName === a.speakerName);
      if (q) claimed.add(i);
      if (ok) s.tp++;
      else {
        s.fn++;
        if (q && q.speakerName !== null) s.fp++;
        s.errors.push(`${c.name}: „${a.contains}“ → ${q ? `${q.speakerId ?? q.speakerName ?? 'ohne Sprecher'}` : 'nicht gefunden'}, erwartet ${'speaker' in a ? a.speaker : a.speakerName}`);
      }
    }
    quotes.forEach((q, i) => {
      const forbidden = c.annotation.notQuotes.includes(q.text);
      if (forbidden || (!claimed.has(i) && q.speakerName !== null)) {
        s.fp++;
        s.errors.push(`${c.name}: unerwartetes Zitat „${q.text.slice(0, 60)}“ (${q.speakerId ?? q.speakerName ?? 'ohne Sprecher'})`);
      }
    });
  }
  return s;
}

describe('dates and quote speakers, scored', () => {
  it('stays at or above the floors in floors.json', () => {
    const floors = Floors.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'floors.json'), 'utf8')));
    const d = scoreDates();
    const q = scoreSpeakers();
    const scores = {
      publishedPrecision: ratio(d.tp, d.tp + d.fp), publishedRecall: ratio(d.tp, d.tp + d.fn),
      speakerPrecision: ratio(q.tp, q.tp + q.fp), speakerRecall: ratio(q.tp, q.tp + q.fn),
    };
    const table = Object.entries(scores).map(([k, v]) => `${k.padEnd(20)} ${v.toFixed(3)}  (Boden ${floors[k as keyof typeof floors]})`).join('\n');
    console.log(`Daten: ${d.tp} richtig, ${d.fp} falsch, ${d.fn} verpasst · Sprecher: ${q.tp} richtig, ${q.fp} falsch, ${q.fn} verpasst\n${table}\n${[...d.errors, ...q.errors].join('\n')}`);
    for (const [k, v] of Object.entries(scores)) expect(v, `${k} unter dem Boden`).toBeGreaterThanOrEqual(floors[k as keyof typeof floors]);
  });

  it('every published date carries evidence a reader can follow', () => {
    for (const [name, r] of records) {
      if (r.published) expect(r.published.evidence.length, name).toBeGreaterThan(10);
    }
  });

  it('links Kim’s „volle Unterstützung und Solidarität“ in 001 and 002 through the real pipeline', () => {
    const linked = linkQuotes([...records.values()]);
    const find = (id: string) => linked.find((r) => r.id.startsWith(id))?.quotes.find((q) => q.text.includes('volle Unterstützung und Solidarität'));
    expect(find('001')).toMatchObject({ speakerId: 'kim-jong-un', sameAs: ['002_0aeff2141d1753f2'] });
    expect(find('002')).toMatchObject({ speakerId: 'kim-jong-un', sameAs: ['001_5013a7a63339588b'] });
  });
});
