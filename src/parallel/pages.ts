/**
 * The render and write stages as the build runs them on its threads. The main thread walks the
 * pages (render/index.ts renderSite) and keeps the threads busy:
 *
 * - article pages go to the threads from a queue, a window of batches ahead, in the background:
 *   the main thread does not wait for them but goes on with the pages it builds itself, so its
 *   corpus pages overlap with the threads' article pages; the threads write the article pages
 *   themselves (into the staging folder, through write/ placeKeyed); a page the previous build
 *   wrote goes without its quotations' `sameAs` lists, only to be linked, and again in full only
 *   if its key changed (jobs.ts ArticleJob keyOnly);
 * - spec pages (entity, publisher, event pages) are keyed here and rendered by the threads;
 * - api/articles.json is streamed from the record store, and it and report.json are written in
 *   keyed parts (a rebuild copies the unchanged ones); every other page is written as it is.
 * Every other file is written by this thread through write/.
 */
import type { RecordReader } from '../cache/store.ts';
import { contentToValue, isArticlePage, isArticleStream, isLazyPage, isPartedPage, isRecordsPage, isSpecPage, partedText, type ArticlePage, type SiteItem, type SpecPage } from '../model/page.ts';
import { specKeyOf } from '../render/lazy.ts';
import { recordsFile, recordsPageText } from '../render/pages/api.ts';
import type { Claim, StagedOutput, Target } from '../write/index.ts';
import type { ArticleJob, SpecJob } from './jobs.ts';
import type { Pool } from './pool.ts';

/** Pages per job: a few, so a job is worth a message and the threads stay evenly busy. */
const PAGE_BATCH = 16;

/**
 * How long this thread walks its pages before it lets the event loop run. The threads' answers
 * arrive as events, and only when they are read does the next job go out: a thread that builds
 * its own pages for a second without yielding leaves the worker threads idle for that second.
 * A job of article pages takes a thread ~20 ms; two are posted ahead (pool.ts IN_FLIGHT).
 */
const YIELD_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A spec page as the threads get it: its view model as JSON. */
function specJob(page: SpecPage): { job: SpecJob; spec: string } {
  const spec = JSON.stringify(page.spec);
  const article = page.article;
  return { job: { path: page.path, spec, ...(article ? { article } : {}) }, spec };
}

/** Jobs in the background, at most `window` at a time; the first failure is raised by `check` and `drain`. */
class Background {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(readonly window: number) {}

  get size(): number {
    return this.running.size;
  }

  start(job: () => Promise<void>): void {
    const p = job().then(
      () => {
        this.running.delete(p);
      },
      (error: unknown) => {
        this.failure ??= { error };
        this.running.delete(p);
      },
    );
    this.running.add(p);
  }

  /** Wait until fewer than `window` jobs run. */
  async room(): Promise<void> {
    while (this.running.size >= this.window) await Promise.race(this.running);
    this.check();
  }

  async drain(): Promise<void> {
    await this.settle();
    this.check();
  }

  /** Wait until no job runs, whatever they end with. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
  }

  check(): void {
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Every page into `staged`. When one fails, the jobs already under way are waited for before the
 * error is raised: the threads write article pages into the staging folder themselves, and the
 * caller removes that folder (staged.abort) — while a thread still writes into it, the removal
 * fails (ENOTEMPTY) and its error, not the page's, would reach the user.
 */
export async function writePages(pages: Iterable<SiteItem>, staged: StagedOutput, pool: Pool, records: RecordReader | undefined, tick: () => void): Promise<void> {
  const threads = Math.max(1, pool.threads);
  // Enough article batches ahead that the threads never starve while this thread builds a big page.
  // About a second of work per thread queued: the main thread may be busy that long with one of its own pages.
  const articleJobs = new Background(threads * 32);
  const specJobs = new Background(threads * 3);
  const other = new Background(Number.POSITIVE_INFINITY);
  /** `retry`: sent keyOnly and not linked, so it goes again in full. */
  const queue: { page: ArticlePage; target: Target; retry?: true }[] = [];

  // A page the previous build wrote, keyed by its inputs, goes first as a keyOnly job (see
  // ArticleJob): it is almost always linked; when it is not, it comes back and goes again in full.
  const jobOf = (q: (typeof queue)[number]): ArticleJob =>
    q.target.previous !== undefined && q.page.reads !== undefined && !q.retry
      ? { page: { ...q.page, source: { ...q.page.source, patch: { ...q.page.source.patch, sameAs: [] } } }, target: q.target, keyOnly: true }
      : { page: q.page, target: q.target };
  const runArticles = async (items: typeof queue) => {
    const jobs = items.map(jobOf);
    const results = await pool.run('articles', { items: jobs });
    results.forEach((r, i) => {
      const item = items[i] as (typeof queue)[number]; // one result per item
      if (r !== null) staged.placed(item.target, r);
      else if (jobs[i]?.keyOnly) queue.push({ ...item, retry: true });
      else throw new Error(`build: ${item.target.path} nicht geschrieben`);
    });
  };
  /** An ArticleStream's pages not yet taken (renderSite `consume`): made a batch at a time, when a thread has room. */
  let streams: Iterator<ArticlePage>[] = [];
  const fromStreams = (items: typeof queue) => {
    while (items.length < PAGE_BATCH && streams.length > 0) {
      const next = (streams[0] as Iterator<ArticlePage>).next();
      if (next.done === true) streams = streams.slice(1);
      else {
        items.push({ page: next.value, target: staged.reserve(next.value.path) });
        tick();
      }
    }
  };
  const waiting = () => queue.length > 0 || streams.length > 0;
  let stopped = false;
  const pump = () => {
    while (!stopped && waiting() && articleJobs.size < articleJobs.window) {
      const items = queue.splice(0, PAGE_BATCH);
      fromStreams(items);
      if (items.length === 0) break;
      articleJobs.start(async () => {
        await runArticles(items);
        pump();
      });
    }
  };

  let specs: { job: SpecJob; claim: Claim }[] = [];
  const flushSpecs = async () => {
    if (specs.length === 0) return;
    const items = specs;
    specs = [];
    await specJobs.room();
    specJobs.start(async () => {
      // urgent: the main thread waits for room here, the article pages can wait instead
      const bytes = await pool.run('render', { pages: items.map((i) => i.job) }, [], true);
      for (let i = 0; i < items.length; i++) await staged.fill((items[i] as { claim: Claim }).claim, bytes[i] as Uint8Array); // one result per page
    });
  };

  try {
    await walk();
  } catch (error) {
    stopped = true; // nothing new starts
    await Promise.all([articleJobs.settle(), specJobs.settle(), other.settle()]);
    throw error;
  }

  async function walk(): Promise<void> {
    let walked = performance.now();
    for (const page of pages) {
      if (performance.now() - walked >= YIELD_MS) {
        await nextTurn();
        walked = performance.now();
      }
      articleJobs.check();
      if (isArticleStream(page)) {
        streams.push(page.pages);
        pump();
        continue;
      }
      if (isArticlePage(page)) {
        queue.push({ page, target: staged.reserve(page.path) });
        if (queue.length >= PAGE_BATCH) pump();
      } else if (isSpecPage(page)) {
        if (page.inputKey !== undefined) {
          // Keyed by its inputs: an unchanged page is linked before its view model is built.
          const claim = staged.claim(page.path, page.inputKey);
          if (claim) specs.push({ job: specJob(page).job, claim });
        } else {
          // Keyed by its view model's JSON, which is also what the thread gets.
          const { job, spec } = specJob(page);
          const claim = staged.claim(page.path, specKeyOf(page, spec));
          if (claim) specs.push({ job, claim });
        }
        if (specs.length >= PAGE_BATCH) await flushSpecs();
      } else if (isRecordsPage(page)) {
        if (!records) throw new Error(`build: ${page.path} braucht den Datensatzspeicher`);
        other.start(() => staged.writeParts(page.path, page.key, recordsFile(page, records)));
      } else if (isPartedPage(page)) other.start(() => staged.writeParts(page.path, page.key, page.file));
      else await staged.write(page);
      tick();
    }
    await flushSpecs();
    while (waiting() || articleJobs.size > 0) {
      pump();
      await articleJobs.drain();
    }
    await specJobs.drain();
    await other.drain();
  }
}

/** `build({ write: false })`: every page as its content, spec and article pages rendered by the pool. */
export async function renderInMemory(pages: Iterable<SiteItem>, pool: Pool, records: RecordReader | undefined): Promise<Map<string, string | Uint8Array>> {
  const out = new Map<string, string | Uint8Array>();
  const specs: SpecJob[] = [];
  const articles: ArticlePage[] = [];
  const decoder = new TextDecoder();
  const each = function* (): Generator<Exclude<SiteItem, { kind: 'articles' }>> {
    for (const p of pages) {
      if (isArticleStream(p)) for (let n = p.pages.next(); n.done !== true; n = p.pages.next()) yield n.value;
      else yield p;
    }
  };
  for (const p of each()) {
    if (isSpecPage(p)) {
      specs.push(specJob(p).job);
      out.set(p.path, '');
    } else if (isArticlePage(p)) {
      articles.push(p);
      out.set(p.path, '');
    } else if (isRecordsPage(p)) {
      if (!records) throw new Error(`build: ${p.path} braucht den Datensatzspeicher`);
      out.set(p.path, recordsPageText(p, records));
    } else if (isPartedPage(p)) out.set(p.path, partedText(p.file));
    else out.set(p.path, contentToValue(isLazyPage(p) ? p.render() : p.content));
  }
  const jobs = [];
  for (let i = 0; i < specs.length; i += PAGE_BATCH) jobs.push(pool.run('render', { pages: specs.slice(i, i + PAGE_BATCH) }));
  (await Promise.all(jobs)).flat().forEach((html, i) => out.set((specs[i] as SpecJob).path, decoder.decode(html)));
  const rendered = [];
  for (let i = 0; i < articles.length; i += PAGE_BATCH) rendered.push(pool.run('articleHtml', { pages: articles.slice(i, i + PAGE_BATCH) }));
  (await Promise.all(rendered)).flat().forEach((html, i) => out.set((articles[i] as ArticlePage).path, decoder.decode(html)));
  return out;
}
