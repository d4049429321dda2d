/**
 * `dev`: build, serve the output on 127.0.0.1, watch the corpus and the templates, rebuild on
 * change and tell open pages to reload (Server-Sent Events, see ../server.ts).
 *
 * Rebuilds go through the same `runBuild` as `build`, with a build session (src/session.ts): the
 * threads stay up, and only files whose stat changed are read and processed again; unchanged pages
 * are linked from the previous output by their keys (the page manifest in the build cache).
 *
 * Before a rebuild starts, each edited article's own page is made against the last build
 * (src/preview.ts) and served from memory, and open pages reload: the writer sees the new text in
 * a fraction of a second, whatever the corpus size. When the rebuild has landed, the previews are
 * dropped and pages reload again, now from the files a cold build would write.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { EXIT } from '../exit-codes.ts';
import { palette, useColour, type Io } from '../output.ts';
import { PortInUseError, startServer } from '../server.ts';
import type { Settings } from '../settings.ts';
import { runBuild } from './build.ts';
import { closeSession, createSession } from '../../session.ts';
import { previewArticle, warmPreview, type PreviewResult } from '../../preview.ts';
import { ARTICLE } from '../../ingest/index.ts';
import { portInUse, untilAborted } from './serve.ts';

/** Editors save in bursts (temp file, rename, touch): wait for the burst to end. */
const DEBOUNCE_MS = 120;

/** What dev watches: the corpus, and the theme folders beside it and in the project (see src/ingest/templates.ts). */
export function watchedPaths(s: Settings, cwd: string): string[] {
  const besideSeeds = path.dirname(s.seedsDir);
  const candidates = [s.seedsDir, ...['templates', 'assets'].flatMap((d) => [path.join(besideSeeds, d), path.join(cwd, d)])];
  return [...new Set(candidates)].filter((p) => existsSync(p)).sort();
}

export async function runDev(s: Settings, io: Io, signal: AbortSignal): Promise<number> {
  const p = palette(useColour(io.stderr, io.env));
  // A dev session must start even when the corpus has errors: the editor is here to fix them.
  const session = createSession();
  const first = await runBuild('build', s, io, session);
  if (!first.result?.written) {
    io.stderr.write(`${p.yellow('Hinweis:')} erster Build gescheitert; der Server startet trotzdem und baut beim nächsten Speichern neu\n`);
  }
  let server;
  try {
    server = await startServer(s.outDir, s.port, { liveReload: true });
  } catch (error) {
    await closeSession(session);
    if (error instanceof PortInUseError) return portInUse(error, io);
    throw error;
  }
  io.stdout.write(server.url + '\n');
  const warm = setTimeout(() => {
    try {
      if (session.preview) warmPreview(session.preview);
    } catch {
      // A warm-up only: the real preview reports its own failure.
    }
  }, 0);

  const paths = watchedPaths(s, io.cwd);
  const outAbs = path.resolve(s.outDir);
  const watcher = watch(paths, {
    ignoreInitial: true,
    // The output folder, its staging siblings and the build cache must never trigger a rebuild
    // (a loop otherwise), whatever folders the user chose.
    ignored: (file: string) =>
      file === outAbs ||
      file.startsWith(outAbs + path.sep) ||
      path.basename(file).startsWith(`.${path.basename(outAbs)}.`) ||
      file.split(path.sep).includes('.presseschau-cache'),
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  if (!s.quiet) {
    const shown = paths.map((x) => (path.relative(io.cwd, x) || '.') + '/').join(', ');
    io.stderr.write(p.dim(`beobachtet: ${shown} — beenden mit Strg+C`) + '\n');
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  /** Changed since the last burst of saves ended; and since the last rebuild started. */
  const fresh = new Set<string>();
  const unbuilt = new Set<string>();
  /** Page path → the number of the burst that last previewed it (at most one entry per article). */
  const previewed = new Map<string, number>();
  let bursts = 0;

  // The edited articles' pages at once, against the last build (src/preview.ts); the rebuild follows.
  const preview = (changedFiles: readonly string[]) => {
    const base = session.preview;
    const files = changedFiles.map((f) => path.resolve(io.cwd, f));
    // A theme or corpus.yml change alters every page: only the rebuild can show it.
    if (!base || files.some((f) => !ARTICLE.test(f) || !f.startsWith(base.seedsDir + path.sep))) return;
    let shown = 0;
    for (const file of files) {
      const t0 = performance.now();
      let made: PreviewResult;
      try {
        made = previewArticle(base, file);
      } catch (error) {
        made = { ok: false, reason: `interner Fehler: ${error instanceof Error ? error.message : String(error)}` };
      }
      const name = path.relative(io.cwd, file);
      if (!made.ok) {
        if (s.verbose) io.stderr.write(p.dim(`keine Vorschau für ${name}: ${made.reason}`) + '\n');
        continue;
      }
      server.preview(made.path, made.html);
      previewed.set(made.path, bursts);
      shown++;
      if (!s.quiet) io.stderr.write(p.dim(`Vorschau: ${made.path} (${Math.round(performance.now() - t0)} ms; die übrigen Seiten folgen mit dem Neubau)`) + '\n');
    }
    if (shown > 0) server.reload();
  };
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    const files = [...unbuilt].map((f) => path.relative(io.cwd, f)).sort();
    unbuilt.clear();
    const startedAt = bursts;
    if (!s.quiet) io.stderr.write(p.dim(`geändert: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` (+${files.length - 3})` : ''}`) + '\n');
    running = runBuild('build', s, io, session).then(
      (outcome) => {
        if (!outcome.result?.written) return;
        // The files on disk now hold every edit this build read; later bursts keep their previews.
        server.dropPreviews((page) => (previewed.get(page) ?? 0) > startedAt);
        server.reload();
      },
      (error: unknown) => {
        // An internal error during a rebuild must not end the session: report it and keep watching.
        io.stderr.write(`${p.red('interner Fehler beim Neubau:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      },
    );
    await running;
    running = undefined;
    if (again) {
      again = false;
      await rebuild();
    }
  };
  const burst = () => {
    const files = [...fresh];
    fresh.clear();
    bursts++;
    for (const f of files) unbuilt.add(f);
    preview(files);
    void rebuild();
  };
  watcher.on('all', (_event, file) => {
    fresh.add(file);
    clearTimeout(timer);
    timer = setTimeout(burst, DEBOUNCE_MS);
  });

  await untilAborted(signal);
  clearTimeout(warm);
  clearTimeout(timer);
  await watcher.close();
  if (running) await running;
  await server.close();
  await closeSession(session);
  return EXIT.ok;
}
