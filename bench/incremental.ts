/**
 * Rebuild after one changed article: a private copy of the corpus (hard links, so the shared
 * corpus is never touched: an edited file is written beside and renamed over its link), one warm
 * full build, then N edits of different articles, each followed by a timed rebuild into the same
 * output. Counts files whose mtime changed in the last rebuild (pages rewritten). The CLI and
 * `presseschau dev` get the same edits of the same articles.
 */
import { spawn } from 'node:child_process';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusInfo } from './generate.ts';
import { measure, stats } from './measure.ts';
import type { IncrementalResult } from './report.ts';
import { PRESSESCHAU_BIN } from './tools.ts';

async function mtimes(dir: string, into = new Map<string, number>()): Promise<Map<string, number>> {
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await mtimes(p, into);
    else into.set(p.slice(dir.length), (await stat(p)).mtimeMs);
  }
  return into;
}

/** `work`/seeds: hard links to every file of the corpus; `work`/out: where the builds go. */
async function privateCopy(corpus: CorpusInfo, work: string): Promise<{ seeds: string; out: string; articles: string[] }> {
  const seeds = path.join(work, 'seeds');
  await rm(work, { recursive: true, force: true });
  await mkdir(seeds, { recursive: true });
  const names = (await readdir(corpus.seedsDir)).sort();
  for (let i = 0; i < names.length; i += 512) {
    await Promise.all(names.slice(i, i + 512).map((n) => link(path.join(corpus.seedsDir, n), path.join(seeds, n))));
  }
  return { seeds, out: path.join(work, 'out'), articles: names.filter((n) => /\.(txt|md)$/.test(n)) };
}

/**
 * Edit k of `edits`: an article picked spread over the corpus (deterministic, so runs are
 * comparable) gets a line more. Written beside the file and renamed over it, as editors save: one
 * change event for a watcher, and the shared corpus file (a hard link) is not touched.
 */
async function editArticle(seeds: string, articles: readonly string[], k: number, edits: number): Promise<string> {
  const name = articles[Math.floor(((k + 0.5) / edits) * articles.length)] as string; // index < length by construction
  const file = path.join(seeds, name);
  const text = await readFile(file, 'utf8');
  await writeFile(`${file}.tmp~`, `${text.trimEnd()}\n\nNachtrag ${k + 1}: Die Redaktion hat diesen Artikel am Abend ergänzt.\n`);
  await rename(`${file}.tmp~`, file);
  return name;
}

export async function measureIncremental(corpus: CorpusInfo, workRoot: string, edits: number): Promise<IncrementalResult> {
  const { seeds, out, articles } = await privateCopy(corpus, path.join(workRoot, `incremental-${corpus.count}`));
  const argv = [process.execPath, PRESSESCHAU_BIN, 'build', '--seeds', seeds, '--out', out];
  const full = await measure(argv);
  const times: number[] = [];
  let rewrittenFiles = 0;
  for (let k = 0; k < edits; k++) {
    const name = await editArticle(seeds, articles, k, edits);
    const before = await mtimes(out);
    times.push((await measure(argv)).ms);
    const after = await mtimes(out);
    rewrittenFiles = [...after].filter(([p, m]) => before.get(p) !== m).length;
    process.stderr.write(`  inkrementell: ${name} → ${times.at(-1)} ms, ${rewrittenFiles} Dateien neu\n`);
  }
  return { ...stats(times), articles: corpus.count, fullMs: full.ms, rewrittenFiles };
}

/** Source file → article page, from the report the first build wrote (paths are the index stage's business). */
async function articlePages(out: string): Promise<Map<string, string>> {
  const report = JSON.parse(await readFile(path.join(out, '_build', 'report.json'), 'utf8')) as { files: { file: string; article?: { path: string } }[] };
  return new Map(report.files.flatMap((f) => (f.article ? [[f.file, f.article.path] as const] : [])));
}

/** When `url` first answers with `text` in its body (polled every 5 ms; at most 5 minutes). */
async function served(url: string, text: string): Promise<number> {
  const until = performance.now() + 300_000;
  while (performance.now() < until) {
    const body = await fetch(url, { cache: 'no-store' }).then((r) => r.text(), () => '');
    if (body.includes(text)) return performance.now();
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`dev: ${url} zeigt „${text}“ nicht nach 5 Minuten`);
}

/** `1,2 s` / `345 ms` in a summary line → milliseconds. */
function summaryMs(line: string): number | null {
  const m = /(\d[\d.]*(?:,\d+)?) (ms|s) · /.exec(line);
  if (!m) return null;
  const n = Number((m[1] as string).replace(/\./g, '').replace(',', '.'));
  return m[2] === 's' ? n * 1000 : n;
}

/**
 * The same edits in `presseschau dev` (the long-running server: threads stay up, unchanged files
 * are not read again, unchanged pages are linked by key). Times are the rebuilds' own, from the
 * summary line the server prints after each (the 120 ms the watcher waits for an editor's burst of
 * writes to end come on top, and are the same for any tool). Before each rebuild the server shows
 * the edited article's page from a preview (src/preview.ts): the time from saving until its URL
 * answers with the new text is measured here, over http, as a reader's browser would see it.
 */
export async function measureDevIncremental(corpus: CorpusInfo, workRoot: string, edits: number): Promise<IncrementalResult> {
  const { seeds, out, articles } = await privateCopy(corpus, path.join(workRoot, `dev-${corpus.count}`));
  const port = 18000 + (process.pid % 1000);
  const child = spawn(process.execPath, [PRESSESCHAU_BIN, 'dev', '--seeds', seeds, '--out', out, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const summaries: number[] = [];
  const waiting: ((ms: number) => void)[] = [];
  // Edits made before the watcher has scanned the corpus are not seen: wait for its line.
  let watching!: () => void;
  const ready = new Promise<void>((resolve) => (watching = resolve));
  let buffer = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('beobachtet:')) watching();
      const ms = line.includes('Artikel') ? summaryMs(line) : null;
      if (ms === null) continue;
      const w = waiting.shift();
      if (w) w(ms);
      else summaries.push(ms);
    }
  });
  const next = () => new Promise<number>((resolve, reject) => {
    const had = summaries.shift();
    if (had !== undefined) return resolve(had);
    const timer = setTimeout(() => reject(new Error('dev: kein Build-Ergebnis nach 10 Minuten')), 600_000);
    waiting.push((ms) => {
      clearTimeout(timer);
      resolve(ms);
    });
  });
  try {
    const fullMs = await next();
    await ready;
    const pages = await articlePages(out);
    const times: number[] = [];
    const previews: number[] = [];
    for (let k = 0; k < edits; k++) {
      summaries.length = 0; // a summary from before this edit is not its rebuild's
      const t0 = performance.now();
      const name = await editArticle(seeds, articles, k, edits);
      const page = pages.get(name);
      if (!page) throw new Error(`dev: ${name} ist im Bericht des ersten Builds kein Artikel`);
      const shown = await served(`http://127.0.0.1:${port}/${page}`, `Nachtrag ${k + 1}:`);
      previews.push(Math.round(shown - t0));
      times.push(await next());
      process.stderr.write(`  dev: ${name} → Vorschau ${previews.at(-1)} ms, Neubau ${times.at(-1)} ms\n`);
      // let the watcher settle before the next edit
      await new Promise((r) => setTimeout(r, 500));
    }
    return { ...stats(times), articles: corpus.count, fullMs, rewrittenFiles: -1, preview: stats(previews) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
