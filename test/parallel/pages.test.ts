/**
 * writePages when a page fails while the threads still write article pages: the error raised must
 * be the page's, and only after every job under way has ended — the caller then removes the staging
 * folder, which must not race with a thread still writing into it (that race used to end the build
 * with ENOTEMPTY from the removal instead of the page's own message).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AnyPage, ArticlePage, SiteItem } from '../../src/model/page.ts';
import { writePages } from '../../src/parallel/pages.ts';
import type { Pool } from '../../src/parallel/pool.ts';
import { stageOutput, type Placed, type Target } from '../../src/write/index.ts';

let work: string;
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A pool whose first job of article pages fails at once and whose others write their pages late. */
function slowPool(events: string[]): Pool {
  let jobs = 0;
  return {
    threads: 2,
    async run(kind: string, request: unknown) {
      if (kind !== 'articles') throw new Error(`unexpected job ${kind}`);
      const job = jobs++;
      const items = (request as { items: { target: Target }[] }).items;
      if (job === 0) throw new Error('Thread: Vorlage kaputt');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const placed: Placed[] = items.map(({ target }) => {
        writeFileSync(target.abs, '<p>spät</p>');
        return { key: 'k', size: 11, linked: false };
      });
      events.push(`job ${job} written`);
      return placed;
    },
    broadcast: () => Promise.resolve([]),
    close: () => Promise.resolve(),
    localReader: () => undefined,
  } as unknown as Pool;
}

function* pagesThenFailure(count: number): Generator<AnyPage> {
  for (let i = 0; i < count; i++) yield { kind: 'article', path: `artikel/a${i}.html`, source: {} } as unknown as ArticlePage;
  throw new Error('render: assets/suche.js fehlt im Theme');
}

it('waits for the jobs under way before raising the failing page’s error; the staging folder then goes cleanly', async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'presseschau-pages-'));
  const out = path.join(work, 'dist');
  const first = await stageOutput(out);
  await first.write({ path: 'index.html', content: 'alt' });
  await first.commit();

  const events: string[] = [];
  const staged = await stageOutput(out);
  const failure = await writePages(pagesThenFailure(48), staged, slowPool(events), undefined, () => {}).then(
    () => null,
    (error: unknown) => error as Error,
  );
  events.push('rejected');
  expect(failure?.message).toBe('render: assets/suche.js fehlt im Theme');
  // The two late jobs (pages 16–47) wrote before writePages gave up, not into a folder being removed.
  expect(events).toEqual(['job 1 written', 'job 2 written', 'rejected']);
  await staged.abort();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(existsSync(staged.staging)).toBe(false);
  expect(readdirSync(work)).toEqual(['dist']);
  expect(readdirSync(out).sort()).toEqual(['.presseschau-output', 'index.html']);
});

/** A pool that writes each job of article pages after a short wait, counting the pages it got. */
function steadyPool(got: string[]): Pool {
  return {
    threads: 2,
    async run(kind: string, request: unknown) {
      if (kind !== 'articles') throw new Error(`unexpected job ${kind}`);
      const items = (request as { items: { page: ArticlePage; target: Target }[] }).items;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return items.map(({ page, target }) => {
        writeFileSync(target.abs, page.path);
        got.push(page.path);
        return { key: page.path, size: page.path.length, linked: false } satisfies Placed;
      });
    },
    broadcast: () => Promise.resolve([]),
    close: () => Promise.resolve(),
    localReader: () => undefined,
  } as unknown as Pool;
}

it('takes an ArticleStream’s pages as the threads have room, while the walk goes on with the pages after it', async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'presseschau-pages-'));
  const total = 3000;
  let made = 0;
  const stream = (function* (): Generator<ArticlePage> {
    for (let i = 0; i < total; i++) {
      made++;
      yield { kind: 'article', path: `artikel/a${i}.html`, source: {} } as unknown as ArticlePage;
    }
  })();
  /** How many article pages were made when the walk asked for the page after the stream. */
  let madeWhenWalkedOn = -1;
  const items = function* (): Generator<SiteItem> {
    yield { kind: 'articles', pages: stream };
    madeWhenWalkedOn = made;
    for (let i = 0; i < 5; i++) yield { path: `liste-${i}.html`, content: `Liste ${i}` };
  };
  const got: string[] = [];
  const staged = await stageOutput(path.join(work, 'dist'));
  await writePages(items(), staged, steadyPool(got), undefined, () => {});
  await staged.commit();
  // bounded by the jobs in flight (2 threads × 32 batches × 16 pages), not the whole stream
  expect(madeWhenWalkedOn).toBeGreaterThan(0);
  expect(madeWhenWalkedOn).toBeLessThanOrEqual(2 * 32 * 16);
  expect(got).toEqual(Array.from({ length: total }, (_, i) => `artikel/a${i}.html`));
  expect(readdirSync(path.join(work, 'dist', 'artikel')).length).toBe(total);
  expect(readdirSync(path.join(work, 'dist')).filter((f) => f.startsWith('liste-')).length).toBe(5);
});
