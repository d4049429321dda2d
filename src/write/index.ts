/**
 * write: the only module that touches the output folder. Pages go into a fresh staging folder
 * beside the output; only when every page is written is it swapped in, so a failed or killed
 * build leaves the previous site as it was. No path may resolve outside the staging folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_MARKER } from '../config/guard.ts';
import type { Page } from '../model/page.ts';
import { recoverLeftovers } from './recover.ts';

export class OutputPathError extends Error {
  constructor(readonly pagePath: string, reason: string) {
    super(`Ausgabepfad abgelehnt: „${pagePath}“ ${reason}`);
    this.name = 'OutputPathError';
  }
}

/** Resolve a page path inside `root`, refusing absolute paths, `..`, NUL bytes and backslashes. */
export function confine(root: string, pagePath: string): string {
  if (pagePath === '' || pagePath.includes('\0') || pagePath.includes('\\')) throw new OutputPathError(pagePath, 'ist leer oder enthält unzulässige Zeichen');
  if (path.posix.isAbsolute(pagePath) || /^[a-zA-Z]:/.test(pagePath)) throw new OutputPathError(pagePath, 'ist absolut');
  const parts = pagePath.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) throw new OutputPathError(pagePath, 'enthält „..“, „.“ oder leere Teile');
  const abs = path.resolve(root, ...parts);
  if (!abs.startsWith(root + path.sep)) throw new OutputPathError(pagePath, 'liegt außerhalb des Ausgabeordners');
  return abs;
}

export interface WriteStats {
  files: number;
  bytes: number;
}

export interface StagedOutput {
  readonly staging: string;
  /** What was cleaned up or restored from an earlier interrupted build (for the build report). */
  readonly recovered: string[];
  write(page: Page): Promise<void>;
  /** Swap the staging folder in as the output folder. */
  commit(): Promise<WriteStats>;
  /** Remove the staging folder; the output folder is untouched. */
  abort(): Promise<void>;
}

export async function stageOutput(outDir: string): Promise<StagedOutput> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  await mkdir(parent, { recursive: true });
  const recovered = await recoverLeftovers(out);
  const staging = path.join(parent, `.${base}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  // The marker tells the output guard (config/guard.ts) that this folder may be replaced next time.
  await writeFile(path.join(staging, OUTPUT_MARKER), 'presseschau: dieser Ordner wird bei jedem Build ersetzt.\n');
  const dirs = new Set<string>([staging]);
  const stats: WriteStats = { files: 0, bytes: 0 };
  const written = new Set<string>();
  return {
    staging,
    recovered,
    async write(page) {
      const abs = confine(staging, page.path);
      if (page.path === OUTPUT_MARKER) throw new OutputPathError(page.path, 'ist für die Markierungsdatei reserviert');
      if (written.has(page.path)) throw new OutputPathError(page.path, 'wurde zweimal erzeugt');
      written.add(page.path);
      const dir = path.dirname(abs);
      if (!dirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        dirs.add(dir);
      }
      await writeFile(abs, page.content);
      stats.files++;
      stats.bytes += typeof page.content === 'string' ? Buffer.byteLength(page.content) : page.content.byteLength;
    },
    async commit() {
      const old = path.join(parent, `.${base}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
      let hadOld = true;
      try {
        await rename(out, old);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadOld = false;
      }
      await rename(staging, out);
      if (hadOld) await rm(old, { recursive: true, force: true });
      return stats;
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
    },
  };
}
