/**
 * The three generators the bench compares, each as "prepare a work folder, then a command".
 * Eleventy and Hugo get the plain Markdown twin of the corpus, hard-linked (not copied) into
 * their content folders; presseschau reads the messy corpus directly.
 */
import { spawnSync } from 'node:child_process';
import { cp, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusInfo } from './generate.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** presseschau as compiled privately by bench.mjs (bench/work/bin → bench/work/lib). */
export const PRESSESCHAU_BIN = path.join(ROOT, 'bench/work/bin/presseschau.js');
const BENCH = path.join(ROOT, 'bench');

export type ToolName = 'presseschau' | 'eleventy' | 'hugo';
export const TOOL_NAMES: readonly ToolName[] = ['presseschau', 'eleventy', 'hugo'];

export interface PreparedTool {
  argv: string[];
  cwd: string;
  outDir: string;
  /** Where the article pages land, relative to outDir. */
  articleDir: string;
  /** Removes every output and cache, so the next run is cold. */
  clean(): Promise<void>;
}

export interface Tool {
  name: ToolName;
  /** Version string, or null when the tool is not available (then it is skipped). */
  version(): string | null;
  prepare(corpus: CorpusInfo, workRoot: string): Promise<PreparedTool>;
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: ROOT });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** Hard-links every file of `from` into `to` (created), unless `to` already holds this corpus. */
async function linkCorpus(from: string, to: string, key: string, work: string): Promise<void> {
  const marker = path.join(work, '.corpus-key');
  if ((await readFile(marker, 'utf8').catch(() => '')) === key) return;
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  const names = await readdir(from);
  for (let i = 0; i < names.length; i += 512) {
    await Promise.all(names.slice(i, i + 512).map((n) => link(path.join(from, n), path.join(to, n))));
  }
  await writeFile(marker, key);
}

const presseschau: Tool = {
  name: 'presseschau',
  version: () => {
    const sha = run('git', ['rev-parse', '--short', 'HEAD']);
    const dirty = run('git', ['status', '--porcelain', '--', 'src', 'templates']);
    return `${sha ?? 'unbekannt'}${dirty ? '+dirty' : ''}`;
  },
  async prepare(corpus, workRoot) {
    const work = path.join(workRoot, `presseschau-${corpus.count}`);
    const outDir = path.join(work, 'out');
    await mkdir(work, { recursive: true });
    return {
      argv: [process.execPath, PRESSESCHAU_BIN, 'build', '--seeds', corpus.seedsDir, '--out', outDir],
      cwd: work,
      outDir,
      articleDir: 'artikel',
      async clean() {
        await rm(outDir, { recursive: true, force: true });
        // Any incremental cache, wherever this version of presseschau keeps it: cold means cold.
        for (const dir of [work, corpus.seedsDir]) await rm(path.join(dir, '.presseschau-cache'), { recursive: true, force: true });
      },
    };
  },
};

const ELEVENTY_CMD = path.join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs');
const eleventy: Tool = {
  name: 'eleventy',
  version: () => run(process.execPath, [ELEVENTY_CMD, '--version']),
  async prepare(corpus, workRoot) {
    const work = path.join(workRoot, `eleventy-${corpus.count}`);
    const input = path.join(work, 'in');
    await linkCorpus(corpus.plainDir, path.join(input, 'artikel'), corpus.key, work);
    await cp(path.join(BENCH, 'eleventy/eleventy.config.mjs'), path.join(work, 'eleventy.config.mjs'));
    await cp(path.join(BENCH, 'eleventy/_includes'), path.join(input, '_includes'), { recursive: true });
    await cp(path.join(BENCH, 'eleventy/index.njk'), path.join(input, 'index.njk'));
    await cp(path.join(BENCH, 'eleventy/artikel.11tydata.js'), path.join(input, 'artikel/artikel.11tydata.js'));
    const outDir = path.join(work, 'out');
    return {
      argv: [process.execPath, ELEVENTY_CMD, '--config=eleventy.config.mjs', '--input=in', '--output=out', '--quiet'],
      cwd: work,
      outDir,
      articleDir: 'artikel',
      clean: () => rm(outDir, { recursive: true, force: true }),
    };
  },
};

const hugo: Tool = {
  name: 'hugo',
  version: () => run('hugo', ['version'])?.split(' ')[1] ?? null,
  async prepare(corpus, workRoot) {
    const work = path.join(workRoot, `hugo-${corpus.count}`);
    await linkCorpus(corpus.plainDir, path.join(work, 'content/artikel'), corpus.key, work);
    await cp(path.join(BENCH, 'hugo/hugo.toml'), path.join(work, 'hugo.toml'));
    await cp(path.join(BENCH, 'hugo/layouts'), path.join(work, 'layouts'), { recursive: true });
    const outDir = path.join(work, 'out');
    return {
      argv: ['hugo', '--source', work, '--destination', outDir, '--quiet'],
      cwd: work,
      outDir,
      articleDir: 'artikel',
      async clean() {
        await rm(outDir, { recursive: true, force: true });
        await rm(path.join(work, 'resources'), { recursive: true, force: true });
      },
    };
  },
};

export const TOOLS: Record<ToolName, Tool> = { presseschau, eleventy, hugo };
