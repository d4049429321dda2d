/**
 * Scored check over annotated fixtures (the seeds plus our own German texts in other styles):
 * titles, sources, credits, captions, headings, must-contain sentences and must-not-contain
 * boilerplate. Scores are pinned in test/fixtures/normalise/floors.json; dropping below a floor
 * fails. Raise a floor when a score improves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Article } from '../../src/model/article.ts';
import { CASES, ROOT, run, SEED_ANNOTATIONS, SEEDS } from './helpers.ts';

const Annotation = z.strictObject({
  title: z.string(),
  titleProvenance: z.enum(['declared', 'extracted', 'inferred']),
  source: z.string().nullable(),
  credits: z.array(z.string()),
  captions: z.number().int(),
  headings: z.number().int(),
  listItems: z.number().int().optional(),
  blockquotes: z.number().int().optional(),
  paragraphs: z.number().int().optional(),
  paragraphsAtLeast: z.number().int().optional(),
  declared: z.record(z.string(), z.string()).optional(),
  mustContain: z.array(z.string()),
  mustNotContain: z.array(z.string()),
});
type Annotation = z.infer<typeof Annotation>;

interface Fixture {
  name: string;
  dir: string;
  file: string;
  expected: Annotation;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const f of readdirSync(SEED_ANNOTATIONS).filter((f) => f.endsWith('.expected.json')).sort()) {
    const id = f.replace('.expected.json', '');
    out.push({ name: `seeds/${id}`, dir: SEEDS, file: `${id}.txt`, expected: Annotation.parse(JSON.parse(readFileSync(path.join(SEED_ANNOTATIONS, f), 'utf8'))) });
  }
  const inputs = readdirSync(CASES).filter((f) => /\.(txt|md)$/.test(f)).sort();
  for (const file of inputs) {
    const ann = path.join(CASES, file.replace(/\.(txt|md)$/, '.expected.json'));
    out.push({ name: `cases/${file}`, dir: CASES, file, expected: Annotation.parse(JSON.parse(readFileSync(ann, 'utf8'))) });
  }
  return out;
}

const count = (a: Article, type: string) => a.blocks.filter((b) => b.type === type).length;

/** Each metric: [hits, total]. */
type Tally = Record<string, [number, number]>;

function score(a: Article, e: Annotation, t: Tally, failures: string[], name: string): void {
  const check = (metric: string, ok: boolean, what: string) => {
    const cur = t[metric] ?? [0, 0];
    t[metric] = [cur[0] + (ok ? 1 : 0), cur[1] + 1];
    if (!ok) failures.push(`${name}: ${metric}: ${what}`);
  };
  const body = a.blocks.map((b) => b.text).join('\n');
  check('title', a.title === e.title, `title „${a.title}“`);
  check('titleProvenance', a.titleProvenance === e.titleProvenance, a.titleProvenance);
  check('source', (a.source?.name ?? null) === e.source, JSON.stringify(a.source));
  check('credits', JSON.stringify(a.credits) === JSON.stringify(e.credits), a.credits.join(','));
  check('captions', count(a, 'caption') === e.captions, `${count(a, 'caption')} captions`);
  check('headings', count(a, 'heading') === e.headings, `${count(a, 'heading')} headings`);
  const captionTexts = a.blocks.map((b) => b.text);
  check('captionsOnce', captionTexts.every((c, i) => captionTexts.indexOf(c) === i), 'a block repeats');
  if (e.listItems !== undefined) check('structure', count(a, 'list-item') === e.listItems, `${count(a, 'list-item')} list items`);
  if (e.blockquotes !== undefined) check('structure', count(a, 'blockquote') === e.blockquotes, `${count(a, 'blockquote')} blockquotes`);
  if (e.paragraphs !== undefined) check('structure', count(a, 'paragraph') === e.paragraphs, `${count(a, 'paragraph')} paragraphs`);
  if (e.paragraphsAtLeast !== undefined) check('structure', count(a, 'paragraph') >= e.paragraphsAtLeast, `${count(a, 'paragraph')} paragraphs`);
  if (e.declared !== undefined) check('declared', JSON.stringify(a.declared) === JSON.stringify(e.declared), JSON.stringify(a.declared));
  for (const s of e.mustContain) check('mustContain', body.includes(s), `missing „${s}“`);
  for (const s of e.mustNotContain) check('mustNotContain', !body.includes(s), `still contains „${s}“`);
}

describe('scored normalisation over annotated fixtures', () => {
  it('meets every pinned floor', async () => {
    const all = fixtures();
    expect(all.length).toBeGreaterThanOrEqual(11);
    const tally: Tally = {};
    const failures: string[] = [];
    for (const f of all) {
      const { article } = await run(f.dir, f.file);
      score(article, f.expected, tally, failures, f.name);
    }
    const floors = z.record(z.string(), z.number().min(0).max(1)).parse(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/normalise/floors.json'), 'utf8')));
    const scores = Object.fromEntries(Object.entries(tally).map(([k, [hit, total]]) => [k, Math.round((hit / total) * 1000) / 1000]));
    if (failures.length) console.log(`normalise scoring misses:\n  ${failures.join('\n  ')}`);
    console.log(`normalise scores: ${JSON.stringify(scores)}`);
    for (const metric of Object.keys(scores)) expect(floors, `metric ${metric} has no floor in floors.json`).toHaveProperty(metric);
    for (const [metric, floor] of Object.entries(floors)) {
      expect(scores[metric], `metric ${metric} was not measured`).toBeDefined();
      expect(scores[metric]!, `${metric} fell below its floor`).toBeGreaterThanOrEqual(floor);
    }
  });
});
