/**
 * `build` and `check`: the same pipeline; `check` runs it in memory (`write: false`) and writes
 * nothing. Returns the exit code; never calls process.exit (that is src/cli.ts's job).
 */
import { build, BuildError, type BuildResult } from '../../build.ts';
import { skippedFiles, type BuildReport } from '../../index/report.ts';
import { reportOf } from '../../render/pages/report.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { EXIT } from '../exit-codes.ts';
import {
  countSeverities,
  diagnosticLine,
  diagnosticPrefix,
  displayPath,
  palette,
  progressLine,
  sortForTerminal,
  summaryLine,
  useColour,
  useProgress,
  type Io,
} from '../output.ts';
import type { Settings } from '../settings.ts';
import type { BuildSession } from '../../session.ts';

export type BuildMode = 'build' | 'check';

export interface BuildOutcome {
  code: number;
  result?: BuildResult;
}

/** What `--json` prints on stdout: one object, nothing else. */
export interface JsonOutput {
  ok: boolean;
  exitCode: number;
  command: BuildMode;
  settings: { seedsDir: string; outDir: string | null; baseUrl: string | null; strict: boolean; sources: Settings['sources'] };
  summary: { articles: number; pages: number; bytes: number | null; ms: number; error: number; warning: number; info: number };
  error: string | null;
  timings: Record<string, number>;
  /** null when the build stopped before the site model existed (see `diagnostics`). */
  report: BuildReport | null;
  diagnostics: Diagnostic[];
}

/** `session`: what `dev` keeps between its builds (threads, unchanged files' results; src/session.ts). */
export async function runBuild(mode: BuildMode, s: Settings, io: Io, session?: BuildSession): Promise<BuildOutcome> {
  const started = performance.now();
  const p = palette(useColour(io.stderr, io.env));
  const progress = progressLine(io.stderr, !s.quiet && useProgress(io.stderr, io.env));
  let result: BuildResult | undefined;
  let diagnostics: Diagnostic[];
  let failure: string | null = null;
  try {
    result = await build({
      seedsDir: s.seedsDir,
      outDir: s.outDir,
      ...(s.baseUrl !== undefined ? { baseUrl: s.baseUrl } : {}),
      strict: s.strict,
      write: mode === 'build',
      ...(session ? { session } : {}),
      onProgress: (stage, done, total) => progress.update(stage, done, total),
    });
    diagnostics = result.diagnostics;
  } catch (error) {
    progress.clear();
    if (!(error instanceof BuildError)) throw error;
    diagnostics = error.diagnostics;
    failure = error.message;
  }
  progress.clear();
  const ms = performance.now() - started;
  const counts = countSeverities(diagnostics);
  // Exit 1: the build stopped, or any diagnostic of severity error (even if pages were written),
  // or --strict and any warning (build() stops for that itself; checked here too for `check`).
  const failed = failure !== null || counts.error > 0 || (s.strict && counts.warning > 0);
  const code = failed ? EXIT.failed : EXIT.ok;

  const prefix = diagnosticPrefix(s.seedsDir, io.cwd);
  const shown = diagnostics.filter((d) => d.severity === 'error' || (!s.quiet && (d.severity === 'warning' || s.verbose)));
  for (const d of sortForTerminal(shown)) io.stderr.write(diagnosticLine(d, prefix, p) + '\n');
  if (failure !== null) io.stderr.write(`${p.red('Fehler:')} ${failure}\n`);

  const pages = result?.written?.files ?? result?.pages?.size ?? 0;
  const bytes = result?.written?.bytes;
  const outLabel = displayPath(s.outDir, io.cwd) + '/';
  // The full report only for --json (building it again costs ~0.5 s at 10 000 articles); the summary needs one number.
  const report = s.json && result?.site ? reportOf(result.site) : null;
  const skipped = result ? skippedFiles(result.files, result.records) : 0;
  io.stderr.write(summaryLine({ articles: result?.records.length ?? 0, skipped, pages, counts, ms, bytes, outLabel, failed, check: mode === 'check' }, p) + '\n');
  if (!s.quiet && mode === 'build' && result?.written && !s.json) {
    io.stderr.write(p.dim(`  Bericht: ${outLabel}_build/bericht.html`) + '\n');
  }

  if (s.json) {
    const out: JsonOutput = {
      ok: !failed,
      exitCode: code,
      command: mode,
      settings: { seedsDir: s.seedsDir, outDir: mode === 'build' ? s.outDir : null, baseUrl: s.baseUrl ?? null, strict: s.strict, sources: s.sources },
      summary: { articles: result?.records.length ?? 0, pages, bytes: bytes ?? null, ms: Math.round(ms), ...counts },
      error: failure,
      timings: result?.timings ?? {},
      report,
      diagnostics,
    };
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  return result ? { code, result } : { code };
}
