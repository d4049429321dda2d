/**
 * `npm run bench`: generate (or reuse) the synthetic corpora, build each cold with presseschau,
 * Eleventy and Hugo, print medians, peak RSS, output size and ratios, write bench/results.json.
 * Flags (and env): --sizes=1000,10000,100000 (BENCH_SIZES) · --runs=3 (BENCH_RUNS) for corpora
 * up to 10 000 · --runs-large=1 (BENCH_RUNS_LARGE) above · --tools=presseschau,eleventy,hugo
 * (BENCH_TOOLS) · --seed-runs=5 · --smoke (1 000 articles, presseschau once, checks every article
 * page exists, writes nothing) · --no-write · --update-docs (rewrites the table in
 * docs/performance.md).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus, type CorpusInfo } from './generate.ts';
import { folderSize, hasGnuTime, measure, stats, type Stats } from './measure.ts';
import { renderTable, type Results, type ToolResult } from './report.ts';
import { measureDevIncremental, measureIncremental } from './incremental.ts';
import { PRESSESCHAU_BIN, ROOT, TOOL_NAMES, TOOLS, type ToolName } from './tools.ts';

interface Args {
  sizes: number[];
  runs: number;
  runsLarge: number;
  tools: ToolName[];
  seedRuns: number;
  incrementalEdits: number;
  smoke: boolean;
  write: boolean;
  updateDocs: boolean;
}

function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unbekanntes Argument „${a}“ (siehe bench/README.md)`);
    flags.set(m[1] as string, m[2] ?? 'true');
  }
  const get = (flag: string, env: string, dflt: string) => flags.get(flag) ?? process.env[env] ?? dflt;
  const smoke = flags.has('smoke');
  const tools = get('tools', 'BENCH_TOOLS', smoke ? 'presseschau' : TOOL_NAMES.join(',')).split(',').map((t) => t.trim());
  for (const t of tools) if (!TOOL_NAMES.includes(t as ToolName)) throw new Error(`--tools: „${t}“ unbekannt; erlaubt: ${TOOL_NAMES.join(', ')}`);
  const num = (s: string, what: string) => {
    const n = Number(s.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: „${s}“ ist keine ganze Zahl ≥ 0`);
    return n;
  };
  return {
    sizes: get('sizes', 'BENCH_SIZES', smoke ? '1000' : '1000,10000,100000').split(',').map((s) => num(s, '--sizes')),
    runs: num(get('runs', 'BENCH_RUNS', smoke ? '1' : '3'), '--runs'),
    runsLarge: num(get('runs-large', 'BENCH_RUNS_LARGE', '1'), '--runs-large'),
    tools: tools as ToolName[], // checked against TOOL_NAMES just above
    seedRuns: num(get('seed-runs', 'BENCH_SEED_RUNS', smoke ? '0' : '5'), '--seed-runs'),
    incrementalEdits: num(get('incremental-edits', 'BENCH_INCREMENTAL_EDITS', smoke ? '0' : '5'), '--incremental-edits'),
    smoke,
    write: !smoke && flags.get('no-write') === undefined,
    updateDocs: flags.has('update-docs'),
  };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function countPages(dir: string): Promise<number> {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.html')).length;
}

/** The theme's built-in assets (the package's assets/) that a presseschau output folder lacks. */
async function missingAssets(outDir: string): Promise<string[]> {
  const theme = await readdir(path.join(ROOT, 'assets'));
  const written = new Set(await readdir(path.join(outDir, 'assets')).catch(() => [] as string[]));
  return theme.filter((n) => !written.has(n)).map((n) => `assets/${n}`);
}

async function benchTool(name: ToolName, corpus: CorpusInfo, runs: number, work: string): Promise<ToolResult> {
  const prepared = await TOOLS[name].prepare(corpus, work);
  const times: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  const loads: number[] = [];
  for (let r = 0; r < runs; r++) {
    await prepared.clean();
    const sample = await measure(prepared.argv, { cwd: prepared.cwd });
    times.push(sample.ms);
    if (sample.rssMB !== null) rss.push(sample.rssMB);
    if (sample.cpuMs !== null) cpu.push(sample.cpuMs);
    loads.push(sample.load1);
    process.stderr.write(`  ${name.padEnd(12)} ${corpus.count} Artikel: ${sample.ms} ms, CPU ${sample.cpuMs ?? '?'} ms, ${sample.rssMB ?? '?'} MiB (load ${sample.load1})\n`);
  }
  const size = await folderSize(prepared.outDir);
  const articlePages = await countPages(path.join(prepared.outDir, prepared.articleDir));
  const t: Stats = stats(times);
  return {
    ...t,
    rssMB: rss.length ? Math.max(...rss) : null,
    ...(cpu.length === runs ? { cpu: stats(cpu) } : {}),
    outputBytes: size.bytes,
    outputFiles: size.files,
    articlePages,
    ...(name === 'presseschau' ? { missingAssets: await missingAssets(prepared.outDir) } : {}),
    articlesPerSec: t.median > 0 ? Math.round((corpus.count / t.median) * 1000) : 0,
    load1: loads,
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const corporaRoot = path.join(ROOT, 'bench/corpora');
  const work = path.join(ROOT, 'bench/work');
  const cpus = os.cpus();
  const results: Results = {
    date: new Date().toISOString(),
    machine: { cpu: cpus[0]?.model ?? 'unbekannt', cores: cpus.length, memoryGB: round(os.totalmem() / 2 ** 30, 1), os: `${os.type()} ${os.release()}`, gnuTime: hasGnuTime },
    versions: { node: process.version, presseschau: TOOLS.presseschau.version(), eleventy: null, hugo: null },
    corpora: {},
  };
  const available = args.tools.filter((t) => {
    const v = TOOLS[t].version();
    if (t !== 'presseschau') results.versions[t] = v;
    if (v === null) process.stderr.write(`${t}: nicht gefunden, übersprungen\n`);
    return v !== null;
  });

  if (args.seedRuns > 0) {
    const out = path.join(work, 'seeds-out');
    const argv = [process.execPath, PRESSESCHAU_BIN, 'build', '--seeds', path.join(ROOT, 'seeds'), '--out', out];
    // Cold: no output and no record cache before each run (what "a full build" means for the target);
    // then warm: the same build again over its own output and cache (the everyday rebuild).
    // Between them, Node starting and doing nothing (`node -e 0`): the same run's floor for the
    // "≤ 1 s including Node start-up" target, on a machine whose speed drifts from run to run.
    const cold: number[] = [];
    const node: number[] = [];
    for (let r = 0; r < args.seedRuns; r++) {
      await rm(out, { recursive: true, force: true });
      await rm(path.join(work, '.presseschau-cache', path.basename(out)), { recursive: true, force: true });
      cold.push((await measure(argv)).ms);
      node.push((await measure([process.execPath, '-e', '0'])).ms);
    }
    results.nodeStart = stats(node);
    const warm: number[] = [];
    for (let r = 0; r < args.seedRuns; r++) warm.push((await measure(argv)).ms);
    results.seeds = stats(cold);
    results.seedsWarm = stats(warm);
    process.stderr.write(`Seeds (5 Artikel, mit Node-Start): kalt Median ${results.seeds.median} ms, mit Cache ${results.seedsWarm.median} ms; node -e 0: ${results.nodeStart.median} ms\n`);
  }

  let failed = false;
  for (const count of args.sizes) {
    const corpus = await ensureCorpus({ count, seedsDir: path.join(ROOT, 'seeds'), root: corporaRoot });
    process.stderr.write(`Korpus ${count}: ${corpus.reused ? 'wiederverwendet' : `erzeugt in ${corpus.ms} ms`} (${round(corpus.inputBytes / 2 ** 20, 1)} MiB)\n`);
    const runs = count > 10_000 ? args.runsLarge : args.runs;
    const tools: Partial<Record<ToolName, ToolResult>> = {};
    // One tool after the other, not interleaved: each keeps its own files in the page cache.
    for (const name of available) {
      tools[name] = await benchTool(name, corpus, runs, work);
      if (tools[name].articlePages < count) {
        process.stderr.write(`FEHLER: ${name} schrieb nur ${tools[name].articlePages} von ${count} Artikelseiten\n`);
        failed = true;
      }
      const missing = tools[name].missingAssets ?? [];
      if (missing.length > 0) {
        process.stderr.write(`FEHLER: ${name} schrieb die Theme-Dateien ${missing.join(', ')} nicht\n`);
        failed = true;
      }
    }
    const ratios: Partial<Record<'eleventy' | 'hugo', number>> = {};
    const ratiosMin: Partial<Record<'eleventy' | 'hugo', number>> = {};
    const ours = tools.presseschau;
    for (const other of ['eleventy', 'hugo'] as const) {
      const theirs = tools[other];
      if (ours && theirs && theirs.median > 0 && theirs.min > 0) {
        ratios[other] = round(ours.median / theirs.median);
        ratiosMin[other] = round(ours.min / theirs.min);
      }
    }
    results.corpora[String(count)] = { articles: count, inputBytes: corpus.inputBytes, corpusKey: corpus.key, tools, ratios, ratiosMin };
  }

  if (args.incrementalEdits > 0 && args.sizes.includes(10_000) && available.includes('presseschau')) {
    const corpus = await ensureCorpus({ count: 10_000, seedsDir: path.join(ROOT, 'seeds'), root: corporaRoot });
    results.incremental = await measureIncremental(corpus, work, args.incrementalEdits);
    results.devIncremental = await measureDevIncremental(corpus, work, args.incrementalEdits);
  }

  const table = renderTable(results);
  process.stdout.write(`\n${table}\n`);
  if (args.write) {
    await writeFile(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    process.stderr.write('bench/results.json geschrieben\n');
  }
  if (args.updateDocs) {
    for (const name of ['docs/performance.md', 'README.md']) {
      const doc = path.join(ROOT, name);
      const text = await readFile(doc, 'utf8');
      const re = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
      if (!re.test(text)) throw new Error(`${doc}: Marken <!-- bench:start --> … <!-- bench:end --> fehlen`);
      await writeFile(doc, text.replace(re, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`));
      process.stderr.write(`${name} aktualisiert\n`);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
