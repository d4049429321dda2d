/**
 * `dev`: build, serve the output on 127.0.0.1, watch the corpus and the templates, rebuild on
 * change and tell open pages to reload (Server-Sent Events, see ../server.ts).
 *
 * Rebuilds go through the same `runBuild` as `build`, with a build session (src/session.ts): the
 * threads stay up, and only files whose stat changed are read and processed again; unchanged pages
 * are linked from the previous output by their keys (the page manifest in the build cache).
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
  const changed = new Set<string>();
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    const files = [...changed].map((f) => path.relative(io.cwd, f)).sort();
    changed.clear();
    if (!s.quiet) io.stderr.write(p.dim(`geändert: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` (+${files.length - 3})` : ''}`) + '\n');
    running = runBuild('build', s, io, session).then(
      (outcome) => {
        if (outcome.result?.written) server.reload();
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
  watcher.on('all', (_event, file) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
  });

  await untilAborted(signal);
  clearTimeout(timer);
  await watcher.close();
  if (running) await running;
  await server.close();
  await closeSession(session);
  return EXIT.ok;
}
