/**
 * Terminal output: colour decisions, diagnostics lines, the progress line and the summary.
 * Pure formatting plus a tiny progress writer; which stream gets what is decided in the commands
 * (human text on stderr, only `--json` and the server URL on stdout — see docs/cli.md).
 */
import path from 'node:path';
import { formatDiagnostic, type Diagnostic, type Severity } from '../model/diagnostic.ts';
import { germanDecimal, germanNumber } from '../model/german.ts';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The conventions of https://no-color.org and FORCE_COLOR (as in chalk/supports-color). */
export function useColour(stream: OutStream, env: Io['env']): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** A progress line only makes sense where a human watches a terminal that can redraw it. */
export function useProgress(stream: OutStream, env: Io['env']): boolean {
  return stream.isTTY === true && env['TERM'] !== 'dumb' && (env['CI'] === undefined || env['CI'] === '' || env['CI'] === 'false');
}

export type Paint = (s: string) => string;
export interface Palette {
  red: Paint;
  yellow: Paint;
  blue: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
}

const sgr = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, green: plain, dim: plain, bold: plain };
  return { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorted for reading: by file, then line and column; config problems (corpus.yml) come first. */
export function sortForTerminal(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.stage === 'config' ? 0 : 1) - (b.stage === 'config' ? 0 : 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/** `seeds/001.txt:12:1  warning  Caption repeated; kept once  caption-dedupe`, coloured on a TTY. */
export function diagnosticLine(d: Diagnostic, prefix: string, p: Palette): string {
  const line = formatDiagnostic(d, prefix);
  const colour = d.severity === 'error' ? p.red : d.severity === 'warning' ? p.yellow : p.blue;
  const token = `  ${d.severity}  `;
  const at = line.indexOf(token);
  const tail = line.endsWith(`  ${d.ruleId}`) ? line.length - d.ruleId.length : line.length;
  if (at < 0) return line;
  return line.slice(0, at) + `  ${colour(d.severity)}  ` + line.slice(at + token.length, tail) + p.dim(line.slice(tail));
}

/** Diagnostic file paths are relative to the corpus folder; show them relative to where the user stands. */
export function diagnosticPrefix(seedsDir: string, cwd: string): string {
  const shown = displayPath(seedsDir, cwd);
  return shown === '.' ? '' : `${shown}/`;
}

/** A folder as the user would type it: relative below the working folder, absolute elsewhere. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const shown = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return shown.split(path.sep).join('/');
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countSeverities(list: readonly Diagnostic[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const d of list) c[d.severity]++;
  return c;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${germanNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${germanDecimal(bytes / 1024)} KB`;
  return `${germanDecimal(bytes / 1024 / 1024)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${germanNumber(Math.round(ms))} ms` : `${germanDecimal(ms / 1000)} s`;
}

const plural = (n: number, one: string, many: string) => `${germanNumber(n)} ${n === 1 ? one : many}`;

export interface SummaryFacts {
  articles: number;
  /** Input files the build skipped (with a reason in the report). */
  skipped: number;
  pages: number;
  counts: Counts;
  ms: number;
  /** undefined when nothing was written (`check`, or the build stopped). */
  bytes: number | undefined;
  outLabel: string;
  /** The exit code will be non-zero (a stopped build may have no error diagnostic of its own). */
  failed: boolean;
  check: boolean;
}

/** One line, always printed (also with --quiet): the number an editor or a CI log looks for. */
export function summaryLine(f: SummaryFacts, p: Palette): string {
  const parts = [
    plural(f.articles, 'Artikel', 'Artikel'),
    ...(f.skipped > 0 ? [plural(f.skipped, 'Datei übersprungen', 'Dateien übersprungen')] : []),
    plural(f.pages, 'Seite', 'Seiten'),
    f.counts.error > 0 ? p.red(plural(f.counts.error, 'Fehler', 'Fehler')) : plural(0, 'Fehler', 'Fehler'),
    f.counts.warning > 0 ? p.yellow(plural(f.counts.warning, 'Warnung', 'Warnungen')) : plural(0, 'Warnung', 'Warnungen'),
    ...(f.counts.info > 0 ? [plural(f.counts.info, 'Hinweis', 'Hinweise')] : []),
    formatMs(f.ms),
  ];
  const where = f.bytes !== undefined ? `${formatBytes(f.bytes)} → ${f.outLabel}` : f.check ? 'nichts geschrieben (check)' : 'nichts geschrieben';
  const mark = f.failed ? p.red('✗') : p.green('✓');
  return `${mark} ${parts.join(', ')} · ${where}`;
}

/** Stage ids (as in diagnostics) → the German verbs an editor reads in the progress line. */
const STAGE_LABEL: Readonly<Record<string, string>> = {
  ingest: 'einlesen',
  normalise: 'normalisieren',
  enrich: 'anreichern',
  index: 'verknüpfen',
  render: 'rendern',
  write: 'schreiben',
};

/**
 * The progress line: silent for the first second (most builds are done by then), then one
 * redrawn line on stderr, at most ten redraws a second. Cleared before anything else prints.
 */
export function progressLine(stream: OutStream, enabled: boolean, now: () => number = () => performance.now()) {
  const started = now();
  let last = 0;
  let shown = false;
  return {
    update(stage: string, done: number, total: number) {
      if (!enabled) return;
      const t = now();
      if (t - started < 1000 || t - last < 100) return;
      last = t;
      shown = true;
      const count = total > 0 ? `${germanNumber(done)}/${germanNumber(total)}` : germanNumber(done);
      stream.write(`\r\u001b[2K  ${STAGE_LABEL[stage] ?? stage} ${count}`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
