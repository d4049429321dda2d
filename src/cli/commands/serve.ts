/** `serve`: preview an already built output folder on 127.0.0.1 until Ctrl+C. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from '../exit-codes.ts';
import { palette, useColour, type Io } from '../output.ts';
import { PortInUseError, startServer } from '../server.ts';
import type { Settings } from '../settings.ts';

export function untilAborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export function portInUse(error: PortInUseError, io: Io): number {
  const p = palette(useColour(io.stderr, io.env));
  io.stderr.write(`${p.red('Fehler:')} ${error.message} — anderen Port wählen, z. B. --port ${error.port + 1} (oder --port 0 für einen freien)\n`);
  return EXIT.failed;
}

export async function runServe(s: Settings, io: Io, signal: AbortSignal): Promise<number> {
  const p = palette(useColour(io.stderr, io.env));
  const label = (path.relative(io.cwd, s.outDir) || '.') + '/';
  const isDir = await stat(s.outDir).then((st) => st.isDirectory(), () => false);
  if (!isDir) {
    io.stderr.write(`${p.red('Fehler:')} ${label} gibt es nicht — zuerst bauen: presseschau build${s.sources.outDir === 'cli' ? ` --out ${label}` : ''}\n`);
    return EXIT.failed;
  }
  let server;
  try {
    server = await startServer(s.outDir, s.port, { liveReload: false });
  } catch (error) {
    if (error instanceof PortInUseError) return portInUse(error, io);
    throw error;
  }
  // The URL is the one line a script may want: stdout. Everything else goes to stderr.
  io.stdout.write(server.url + '\n');
  if (!s.quiet) io.stderr.write(p.dim(`${label} wird ausgeliefert (nur von diesem Rechner erreichbar) — beenden mit Strg+C`) + '\n');
  await untilAborted(signal);
  await server.close();
  return EXIT.ok;
}
