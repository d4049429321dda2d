/**
 * Golden records for the five seeds. `UPDATE=1 npx vitest run test/normalise/golden.test.ts`
 * rewrites them; read the diff before committing. A missing golden file fails.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../src/model/article.ts';
import { ROOT, run, SEEDS } from './helpers.ts';

const GOLDEN = path.join(ROOT, 'test/golden/articles');
const seeds = readdirSync(SEEDS).filter((f) => /\.(txt|md)$/.test(f)).sort();

describe('golden article records', () => {
  it('has seeds to check', () => expect(seeds.length).toBeGreaterThanOrEqual(5));
  it.each(seeds)('%s', async (file) => {
    const { article } = await run(SEEDS, file);
    ArticleSchema.parse(article);
    const json = `${JSON.stringify(article, null, 2)}\n`;
    const goldenFile = path.join(GOLDEN, `${article.id}.json`);
    if (process.env['UPDATE'] === '1') writeFileSync(goldenFile, json);
    if (!existsSync(goldenFile)) throw new Error(`golden file missing: ${path.relative(ROOT, goldenFile)} (generate with UPDATE=1, then review it)`);
    expect(json).toBe(readFileSync(goldenFile, 'utf8'));
  });
});
